import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED_NAME, foldStream, personDecider } from '@baytaq/domain';
import { SqliteEventStore } from '@baytaq/event-store';
import { testSealing } from '../../libs/event-store/src/testing/test-sealing';
import { EmbeddedReadModels, KNOWN_NOW, readModelTables } from '@baytaq/read-models';
import { nameKeys } from '../../libs/read-models/src/name-key';
import {
  App,
  eraseStep,
  PEOPLE,
  personalOf,
  setup,
  step,
  SURNAMES,
  type Step,
} from '../support/random-registry-history';
import { readModelRows } from '../support/read-model-rows';

/**
 * Random histories with erasures go through the real store, sealing people's events, with
 * inline projections; then the erased people's keys are destroyed, as the service does after
 * each erasure. (1) A rebuild from the log, which now reads their sealed fields as erased, gives
 * the same rows as the projections wrote live from the events as written. (2) No row of any
 * read-model table, in any version, holds an erased person's IIN, birth date, phone, card
 * number, or the surname of one who never held a post; an officer keeps their name.
 */
const RUNS = Number(process.env.ERASURE_PROPERTY_RUNS ?? 30);
const SEED = Number(process.env.ERASURE_PROPERTY_SEED ?? 20261207);
const dir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'baytaq-erase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How an erased person's own rows are still found: the erasure rewrites them, it does not remove the person. */
const ownRows = (id: string) => `"person_id":"${id}"`;

let runs = 0;
async function record(app: App) {
  const run = join(dir, `run-${++runs}`);
  let clock = Date.parse('2024-01-01T00:00:00Z');
  let models: EmbeddedReadModels | undefined;
  const store = SqliteEventStore.open(`${run}.sqlite`, {
    // Some appends share a moment, as appends committed together do.
    now: () => new Date((clock += runs % 2 === 0 ? 0 : 1000)),
    sealing: testSealing(mkdtempSync(`${run}-keys-`), 'person-'),
    projection: (db) => (models = EmbeddedReadModels.open(db)).inline,
  });
  const batches = new Map<number, typeof app.log>();
  for (const entry of app.log) batches.set(entry.batch, [...(batches.get(entry.batch) ?? []), entry]);
  for (const entries of batches.values()) {
    const events = entries.map((e) => ({ id: e.eventId, type: e.event.type, data: e.event.data as never }));
    await store.append(entries[0]!.stream, events, 'any');
  }
  return { store, models: models! };
}

/** What must be gone of an erased person: their personal data, and their name unless they held a post. */
function traces(id: string, officer: boolean): string[] {
  const { iin, birthDate, contacts } = personalOf(id);
  const card = `КБ-${id}-`;
  const name = officer ? [] : [SURNAMES[id]!, ...nameKeys(SURNAMES[id]!)];
  return [iin, birthDate, contacts.phone, card, ...name].map((t) => t.toLowerCase());
}

describe('read models after erasures', () => {
  it('equal a rebuild from the log as it reads once the keys are gone, and hold nothing erased', async () => {
    let erasedPeople = 0;
    let officersErased = 0;
    await fc.assert(
      fc.asyncProperty(
        setup,
        fc.array(step, { minLength: 20, maxLength: 45 }),
        fc.array(fc.tuple(fc.nat(), eraseStep), { minLength: 1, maxLength: 4 }),
        async (first, then, erasures) => {
          const steps: Step[] = [...then];
          // Mostly in the second half, when people have held posts: an officer's erasure keeps their name.
          for (const [at, erase] of erasures) {
            steps.splice(Math.max(0, steps.length - (at % Math.ceil(steps.length / 2))), 0, erase);
          }
          const app = new App({ personal: true });
          for (const s of [...first, ...steps]) app.run(s);
          const { store, models } = await record(app);
          try {
            const erased = PEOPLE.filter((id) => app.personState(id).erasure !== null);
            for (const id of erased) await store.keys!.destroy(id);
            const incremental = readModelRows(models.db);
            const rebuilt = EmbeddedReadModels.open(models.db, { rebuild: true, pageSize: 1 + (runs % 7) });
            expect(readModelRows(rebuilt.db)).toEqual(incremental);

            const rows = readModelTables().flatMap((t) => incremental[t]!.map((r) => `${t} ${String(r)}`));
            const text = rows.join('\n').toLowerCase();
            for (const id of erased) {
              const erasure = app.people[id]!.find((e) => e.event.type === 'PersonalDataErased')!.event;
              // Whether they had held a post when erased: then the erasure kept their name.
              const officer = erasure.type === 'PersonalDataErased' && erasure.data.publicName !== undefined;
              erasedPeople += 1;
              if (officer) officersErased += 1;
              for (const trace of traces(id, officer)) {
                const found = rows.find((r) => r.toLowerCase().includes(trace));
                expect({ person: id, trace, found }).toEqual({ person: id, trace, found: undefined });
              }
              expect(text).toContain(ownRows(id));
              const versions = models.db
                .prepare('SELECT name, erased_on FROM rm_person WHERE person_id = ?')
                .all(id) as Array<{ name: string; erased_on: string | null }>;
              const name = officer ? foldStream(personDecider, app.people[id]!).profile!.name : ERASED_NAME;
              expect(versions.length).toBeGreaterThan(0);
              // The name as a value: the store keeps JSON in RFC 8785 order, whatever order the event was written in.
              for (const v of versions)
                expect({ ...v, name: JSON.parse(v.name) as unknown }).toEqual({ name, erased_on: expect.any(String) });
              expect(models.reads.people.search(SURNAMES[id]!, KNOWN_NOW, 10).items).toEqual([]);
            }
            // Those not erased keep their data: the scan would see it.
            for (const id of PEOPLE.filter((p) => !erased.includes(p))) {
              expect(text).toContain(personalOf(id).iin);
              expect(text).toContain(SURNAMES[id]!.toLowerCase());
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // The histories erased people, officers among them.
    console.log(`erased ${erasedPeople} people in ${RUNS} histories, ${officersErased} of them officers`);
    expect(erasedPeople).toBeGreaterThan(RUNS);
    expect(officersErased).toBeGreaterThanOrEqual(RUNS / 10);
  });
});
