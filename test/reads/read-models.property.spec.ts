import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, contains, foldStream, organisationDecider, personDecider } from '@baytaq/domain';
import { type RecordedEvent, SqliteEventStore } from '@baytaq/event-store';
import { EmbeddedReadModels, KNOWN_NOW } from '@baytaq/read-models';
import { App, BRANCH, EPOCH, PEOPLE, setup, step } from '../support/random-registry-history';
import { countsOverTime, readModelRows } from '../support/read-model-rows';

/**
 * Random histories (backdated entries and retractions included) go through the real store with
 * inline projections. Then: (1) a rebuild from the log gives the same rows; (2) every answer
 * "as of D, known at T" equals a brute-force replay of the log cut at T, evaluated on D, with
 * the domain's own fold and no read-model code.
 */
const RUNS = Number(process.env.READ_MODEL_PROPERTY_RUNS ?? 40);
const dir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'baytaq-rm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/**
 * Appends each decision's events; with `together` > 1, several appends go in the same turn, so
 * the store commits them as one group, recorded at one moment (a stream may change twice at once).
 */
async function record(
  app: App,
  together: number,
  /** Milliseconds the clock moves per commit, in turn: 0 gives separate commits one moment. */
  steps: number[],
): Promise<{ store: SqliteEventStore; models: EmbeddedReadModels; log: RecordedEvent[] }> {
  let clock = Date.parse('2024-01-01T00:00:00Z');
  let ticks = 0;
  let models: EmbeddedReadModels | undefined;
  const store = SqliteEventStore.open(join(dir, `run-${++files}.sqlite`), {
    now: () => new Date((clock += steps[ticks++ % steps.length]!)),
    projection: (db) => (models = EmbeddedReadModels.open(db)).inline,
  });
  const batches = new Map<number, typeof app.log>();
  for (const entry of app.log) batches.set(entry.batch, [...(batches.get(entry.batch) ?? []), entry]);
  const appends = [...batches.values()].map((entries) => ({
    stream: entries[0]!.stream,
    events: entries.map((e) => ({ id: e.eventId, type: e.event.type, data: e.event.data as never })),
  }));
  for (let i = 0; i < appends.length; i += together) {
    await Promise.all(appends.slice(i, i + together).map((a) => store.append(a.stream, a.events, 'any')));
  }
  return { store, models: models!, log: await store.readAll() };
}

/** The log as known at `knownAt`, folded per stream by the domain. */
function replay(log: RecordedEvent[], knownAt: string) {
  const known = log.filter((e) => e.recordedAt <= knownAt);
  const envelopes = (stream: string) =>
    known
      .filter((e) => e.stream === stream)
      .map((e) => ({ eventId: e.id, event: { type: e.type, data: e.data } as never }));
  return {
    org: foldStream(organisationDecider, envelopes(`organisation-${BRANCH}`)),
    people: PEOPLE.map((id) => ({ id, state: foldStream(personDecider, envelopes(`person-${id}`)) })),
  };
}

describe('read models', () => {
  it('equal a rebuild from the log, and answer every as-of / known-at question like a replay of the log', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        setup,
        fc.array(step, { minLength: 15, maxLength: 45 }),
        fc.array(fc.integer({ min: 0, max: 1300 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(1, 1, 3, 8),
        fc.array(fc.constantFrom(0, 1000, 1000), { minLength: 1, maxLength: 5 }),
        async (first, then, dayOffsets, together, steps) => {
          const app = new App();
          for (const s of [...first, ...then]) app.run(s);
          const { store, models, log } = await record(app, together, steps);
          try {
            const times = [...new Set(log.map((e) => e.recordedAt))];
            const knownAts = [
              KNOWN_NOW,
              times[0]!,
              times[Math.floor(times.length / 2)]!,
              times[times.length - 2] ?? times[0]!,
            ];
            for (const knownAt of knownAts) {
              const truth = replay(log, knownAt);
              // Random days, and days on which something starts or ends: half-open periods are decided there.
              const edges = [...new Set(log.map((e) => e.data.effectiveDate as string))].sort();
              const picks = dayOffsets.map((n) => edges[n % edges.length]!);
              for (const asOf of [EPOCH, ...dayOffsets.map((n) => addDays(EPOCH, n)), ...picks]) {
                const q = { asOf, knownAt };
                const officers = models.reads.organisations
                  .officers(BRANCH, q)
                  .flatMap((p) => p.holders.map((h) => `${p.id}/${h.tenureId}/${h.personId}/${h.from}/${h.to}`));
                const expectedOfficers = Object.values(truth.org.tenures)
                  .filter((t) => contains(t.period, asOf))
                  .map((t) => `${t.postId}/${t.id}/${t.personId}/${t.period.from}/${t.period.to ?? null}`);
                expect(officers.sort()).toEqual(expectedOfficers.sort());

                const expectedCounts = new Map<string, number>();
                const expectedBranchMembers: string[] = [];
                for (const { id, state } of truth.people) {
                  for (const p of state.memberships.flatMap((m) => m.placements)) {
                    if (!contains(p.period, asOf)) continue;
                    expectedCounts.set(p.organisationId, (expectedCounts.get(p.organisationId) ?? 0) + 1);
                    if (p.organisationId === BRANCH) expectedBranchMembers.push(id);
                  }
                }
                const counts = models.reads.memberCounts.countsOn(q);
                for (const org of [BRANCH, 'party-p']) expect(counts.get(org) ?? 0).toBe(expectedCounts.get(org) ?? 0);
                const members = models.reads.people.members(BRANCH, q, '', 1000).map((m) => m.personId);
                expect(members.sort()).toEqual(expectedBranchMembers.sort());
                compared += 1;
              }
              const history = models.reads.history.organisationHistory(BRANCH, knownAt);
              const orgEvents = log.filter((e) => e.stream === `organisation-${BRANCH}` && e.recordedAt <= knownAt);
              expect(history.map((h) => h.eventId)).toEqual(orgEvents.map((e) => e.id));
              const retracted = new Set(
                orgEvents.filter((e) => e.type === 'EventRetracted').map((e) => e.data.eventId),
              );
              expect(
                history
                  .filter((h) => h.retracted)
                  .map((h) => h.eventId)
                  .sort(),
              ).toEqual([...retracted].sort());
            }
            const incremental = readModelRows(models.db);
            const lastDay = addDays(EPOCH, 1400);
            const incrementalCounts = countsOverTime(models.projector.counts, EPOCH, lastDay, 1);
            // Small chunks: many chunks, and streams longer than a chunk, are read right.
            const rebuilt = EmbeddedReadModels.open(models.db, { rebuild: true, pageSize: 1 + (files % 9) });
            expect(readModelRows(rebuilt.db)).toEqual(incremental);
            expect(countsOverTime(rebuilt.projector.counts, EPOCH, lastDay, 1)).toEqual(incrementalCounts);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS * 4 * 9 - 1);
  });
});
