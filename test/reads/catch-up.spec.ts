import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contains, foldStream, organisationDecider, personDecider } from '@baytaq/domain';
import { MemoryEventStore } from '@baytaq/event-store';
import { CatchUpReadModels, KNOWN_NOW } from '@baytaq/read-models';
import { App, BRANCH, PEOPLE, setup, step } from '../support/random-registry-history';

/**
 * The read models a KurrentDB replica keeps: a local file following any store's log. Run here
 * on the memory store (the KurrentDB adapter passes the same conformance suite): they catch up
 * with what was recorded before they started, follow what is appended after, and resume from
 * their checkpoint when reopened.
 */
const dir = mkdtempSync(join(tmpdir(), 'baytaq-catch-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

it('follows a log from its checkpoint and answers like a replay of it', async () => {
  const [first, then] = fc.sample(fc.tuple(setup, fc.array(step, { minLength: 30, maxLength: 40 })), {
    seed: 11,
    numRuns: 1,
  })[0]!;
  const app = new App();
  for (const s of [...first, ...then]) app.run(s);
  const store = new MemoryEventStore();
  const half = Math.floor(app.log.length / 2);
  const append = (entries: typeof app.log) =>
    Promise.all(
      entries.map((e) =>
        store.append(e.stream, [{ id: e.eventId, type: e.event.type, data: e.event.data as never }], 'any'),
      ),
    );
  await append(app.log.slice(0, half));

  const file = join(dir, 'read-models.sqlite');
  let models = CatchUpReadModels.open(file, store);
  await models.start();
  expect(models.position).toBe(await store.headPosition());
  await append(app.log.slice(half, half + 5));
  const live = await store.headPosition();
  await until(() => models.position === live);
  await models.close();

  // Reopened, they resume from their checkpoint: the log is followed from there, not from its start.
  const follow = jest.spyOn(store, 'subscribeToAll');
  models = CatchUpReadModels.open(file, store);
  await models.start();
  expect(follow.mock.calls[0]![0].after).toBe(live);
  follow.mockRestore();
  await append(app.log.slice(half + 5));
  const head = await store.headPosition();
  await until(() => models.position === head);

  const log = await store.readAll();
  const envelopes = (stream: string) =>
    log
      .filter((e) => e.stream === stream)
      .map((e) => ({ eventId: e.id, event: { type: e.type, data: e.data } as never }));
  const org = foldStream(organisationDecider, envelopes(`organisation-${BRANCH}`));
  for (const asOf of ['2021-01-01', '2021-06-01', '2022-01-01', '2023-06-01']) {
    const q = { asOf, knownAt: KNOWN_NOW };
    const officers = models.reads.organisations.officers(BRANCH, q).flatMap((p) => p.holders.map((h) => h.tenureId));
    expect(officers.sort()).toEqual(
      Object.values(org.tenures)
        .filter((t) => contains(t.period, asOf))
        .map((t) => t.id)
        .sort(),
    );
    const members = PEOPLE.filter((id) =>
      foldStream(personDecider, envelopes(`person-${id}`))
        .memberships.flatMap((m) => m.placements)
        .some((p) => p.organisationId === BRANCH && contains(p.period, asOf)),
    );
    expect(models.reads.memberCounts.countsOn(q).get(BRANCH) ?? 0).toBe(members.length);
  }
  await models.close();
});
