import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  isCoveredBy,
  membershipPeriods,
  organisationDecider,
  organisationStream,
  personDecider,
  personStream,
  tenurePeriodsOf,
} from '@baytaq/domain';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@baytaq/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyService } from '../../apps/registry/src/commands/idempotency.service';
import { RequestHasher } from '../../apps/registry/src/commands/request-hash';
import { StreamStates } from '../../apps/registry/src/commands/stream-states';
import { PersonWrite } from '../../apps/registry/src/people/person.handlers';
import { EVENT_STORE_FILE } from '../../apps/registry/src/store/event-store.provider';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, startTestAppIn, type TestApp } from '../support/test-app';

const TERMINATION = { effectiveDate: '2024-03-01', reason: 'resigned' };

/** Every tenure of the person, in every organisation, lies inside their membership (the rule the process keeps). */
async function outsideMembership(t: TestApp, organisationId: string, personIds: string[]): Promise<string[]> {
  const streams = t.app.get(StreamStates);
  const { state: organisation } = await streams.load(organisationStream(organisationId), organisationDecider);
  const offending: string[] = [];
  for (const personId of personIds) {
    const { state } = await streams.load(personStream(personId), personDecider);
    const member = membershipPeriods(state).member;
    for (const period of tenurePeriodsOf(organisation, personId)) {
      if (!isCoveredBy(period, member)) offending.push(`${personId} ${JSON.stringify(period)}`);
    }
  }
  return offending;
}

/** The check's answer once it is empty, or after 5 s: what is left then. */
async function quietly(check: () => Promise<string[]>): Promise<string[]> {
  const until = Date.now() + 5000;
  for (;;) {
    const left = await check();
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the process officers-stay-members', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let w: ReturnType<typeof registryWrites>;
  const party = randomUUID();
  let post: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    await w.establishParty(party);
    post = ok(
      await call('POST', `/v1/organisations/${party}/posts`, {
        title: { ru: 'Член синтетического совета' },
        role: 'member',
        seats: null,
        effectiveDate: '2022-09-24',
      }),
      201,
    )['id'] as string;
  });
  afterAll(() => t.close());

  it('ends the tenures of a terminated member, and the answer position covers them', async () => {
    const officer = await w.member('Завершённый', party, '2023-01-01');
    const tenure = ok(await w.startTenure(post, officer, '2023-02-01'), 201)['id'] as string;
    const answer = ok(await call('POST', `/v1/people/${officer}/membership/termination`, TERMINATION));
    const store = t.app.get<EventStore>(EVENT_STORE);
    const ended = (await store.readAll()).find((e) => e.type === 'TenureEnded' && e.data['tenureId'] === tenure);
    expect(ended?.data).toMatchObject({ reason: 'membership_ended', effectiveDate: '2024-03-01' });
    expect(store.comparePositions(String(answer['position']), ended!.position)).toBeGreaterThanOrEqual(0);
    const holders = ok(await call('GET', `/v1/posts/${post}/holders?minPosition=${String(answer['position'])}`));
    const entry = (holders['entries'] as Array<Record<string, unknown>>).find((h) => h['tenureId'] === tenure);
    expect(entry).toMatchObject({ to: '2024-03-01', endReason: 'membership_ended' });
  });

  it('answers a retry whose first attempt was stored without its idempotency record with the first answer', async () => {
    const person = await w.registerPerson('Повторный');
    const body = { organisationId: party, effectiveDate: '2023-05-01' };
    const url = `/v1/people/${person}/membership/admission`;
    const key = 'crash-before-record';
    // The first attempt: its events stored, then the crash took the answer and the record (a later append).
    const request = t.app
      .get(IdempotencyService)
      .request('admin', key, t.app.get(RequestHasher).hash('POST', url, body));
    const write = { actor: 'admin', correlationId: randomUUID(), causationId: randomUUID(), today: '2024-06-01' };
    const command = { type: 'AdmitMember' as const, ...body };
    const first = await t.app
      .get(CommandBus)
      .execute(new PersonWrite(person, command, { ...write, idempotency: request }));
    const retried = await call('POST', url, body, { 'idempotency-key': key });
    expect([retried.status, retried.body]).toEqual([
      200,
      { id: person, revision: 1, position: first.position, eventIds: first.eventIds },
    ]);
    const reused = await call(
      'POST',
      url,
      { ...body, effectiveDate: '2023-05-02' },
      { 'idempotency-key': 'other-key' },
    );
    expect(reused.status).toBe(409);
    const changed = await call('POST', url, { ...body, effectiveDate: '2023-05-02' }, { 'idempotency-key': key });
    expect([changed.status, changed.body['code']]).toEqual([422, 'idempotency.key_reused']);
  });

  it('leaves no tenure outside a membership when tenure starts race terminations', async () => {
    const officers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => w.member(`Гоночный${'абвгдежзиклмнопрстуф'[i]}`, party, '2023-01-01')),
    );
    const answers = await Promise.all(
      officers.flatMap((id) => [
        w.startTenure(post, id, '2024-02-01'),
        call('POST', `/v1/people/${id}/membership/termination`, TERMINATION),
        w.startTenure(post, id, '2024-04-01'),
      ]),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status < 300).length).toBeGreaterThan(officers.length);
    // Once quiet: the process mends tenure starts that lost their race in the background, within moments.
    expect(await quietly(() => outsideMembership(t, party, officers))).toEqual([]);
  });
});

describe('the process after a crash', () => {
  it('resumes from its checkpoint: a termination stored before the crash still ends the tenures, once', async () => {
    let t = await startTestApp();
    const dataDir = t.dataDir;
    let call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    const party = await w.establishParty(randomUUID());
    const post = await w.createPost(party, 'chair', 'Синтетический председатель', '2022-09-24');
    const officer = await w.member('Прерванный', party, '2023-01-01');
    const tenure = ok(await w.startTenure(post, officer, '2023-02-01'), 201)['id'] as string;
    await t.app.close();

    // The termination was committed; the crash came before the process acted on it.
    const store = SqliteEventStore.open(join(dataDir, EVENT_STORE_FILE));
    const [registered] = await store.readStream(personStream(officer), { direction: 'backwards', maxCount: 1 });
    await store.append(
      personStream(officer),
      [{ id: randomUUID(), type: 'MembershipEnded', data: { reason: 'resigned', effectiveDate: '2024-03-01' } }],
      registered!.revision,
    );
    await store.close();

    const endsOf = async (app: TestApp) =>
      (await app.app.get<EventStore>(EVENT_STORE).readStream(organisationStream(party))).filter(
        (e) => e.type === 'TenureEnded' && e.data['tenureId'] === tenure,
      );
    t = await startTestAppIn(dataDir);
    const ends = await endsOf(t);
    expect(ends.map((e) => e.data)).toEqual([
      expect.objectContaining({ reason: 'membership_ended', effectiveDate: '2024-03-01' }),
    ]);
    await t.app.close();
    t = await startTestAppIn(dataDir);
    call = client(t.app, t.adminKey);
    expect(await endsOf(t)).toHaveLength(1);
    const positions = ok(await call('GET', `/v1/people/${officer}/positions`))['positions'] as Array<
      Record<string, unknown>
    >;
    expect(positions.map((p) => p['to'])).toEqual(['2024-03-01']);
    await t.close();
  }, 120_000);
});
