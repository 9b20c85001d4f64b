import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@baytaq/event-store';
import { EmbeddedReadModels, readCheckpoint, streamChunks } from '@baytaq/read-models';
import { loadConfig } from '../../apps/registry/src/config/registry-config';
import { sealingConfig } from '../../apps/registry/src/personal-data/sealing-config';
import { runGenerator, TEST_IIN_SECRET } from '../generate/run-generator';
import { foldInThreads } from '../../libs/read-models/src/fold-threads';
import { countsOverTime, readModelRows } from '../support/read-model-rows';

/**
 * A rebuild of a large log folds its streams in threads of their own while the rebuilding thread
 * inserts their rows. Here on a small generated party, with small chunks so that there are many.
 */
const CHUNK = 40;
const dir = mkdtempSync(join(tmpdir(), 'baytaq-fold-'));
const file = join(dir, 'registry.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const run = runGenerator(['--members', '300', '--seed', '11', '--data-dir', dir]);
  if (run.status !== 0) throw new Error(`the generator exited with ${run.status}: ${run.stderr}`);
  expect(TEST_IIN_SECRET).not.toBe('');
});

/**
 * Opens the store, rebuilding its read models with `foldThreads`; what they hold, then closes it.
 * The generator sealed people's events: the folding threads read them unsealed, as this one does.
 */
async function rebuilt(foldThreads: number, pageSize = CHUNK) {
  let models: EmbeddedReadModels | undefined;
  const store = SqliteEventStore.open(file, {
    sealing: sealingConfig(loadConfig({ REGISTRY_DATA_DIR: dir })),
    projection: (db) => (models = EmbeddedReadModels.open(db, { rebuild: true, foldThreads, pageSize })).inline,
  });
  try {
    return {
      rows: readModelRows(models!.db),
      counts: countsOverTime(models!.projector.counts, '2022-09-01', '2026-12-31'),
      applied: models!.eventsApplied,
      head: Number(await store.headPosition()),
    };
  } finally {
    await store.close();
  }
}

describe('a rebuild folding in threads', () => {
  it('writes the rows and member counts a rebuild in one thread writes, from every event', async () => {
    const sizes = (() => {
      const db = new Database(file, { readonly: true });
      const count = db.prepare('SELECT count(*) FROM events WHERE stream >= ? AND stream < ?').pluck();
      const streams = db.prepare('SELECT count(DISTINCT stream) FROM events WHERE stream >= ? AND stream < ?').pluck();
      try {
        return [...streamChunks(db, CHUNK)].map((c) => ({
          events: count.get(c.from, c.to) as number,
          streams: streams.get(c.from, c.to) as number,
        }));
      } finally {
        db.close();
      }
    })();
    expect(sizes.length).toBeGreaterThan(10); // more than the threads hold at once
    expect(sizes.some((c) => c.streams === 1 && c.events > CHUNK)).toBe(true); // a stream longer than a chunk

    // In one thread, the whole log as one chunk: hundreds of rows per table, many per INSERT.
    const here = await rebuilt(0, 1_000_000);
    const threaded = await rebuilt(2);
    expect(threaded.rows).toEqual(here.rows);
    expect(threaded.counts).toEqual(here.counts);
    expect(threaded.applied).toBe(threaded.head);
    expect(here.rows['rm_person']!.length).toBeGreaterThanOrEqual(300);
    // Unsealed in every thread: the people's IINs are in the rows.
    const iins = (rows: unknown[]) => rows.filter((r) => typeof JSON.parse(r as string).iin === 'string').length;
    expect(iins(here.rows['rm_person']!)).toBeGreaterThanOrEqual(300);
    expect(here.counts.length).toBeGreaterThan(100);
  });

  it('fails, and stops its threads, when a folding thread cannot start', () => {
    const chunks = [{ from: 'person-', to: 'person.' }][Symbol.iterator]();
    let inserted = 0;
    expect(() => foldInThreads(join(dir, 'no-such-store.sqlite'), 1, 2, chunks, () => (inserted += 1))).toThrow(
      /a folding thread failed: .*(unable to open|does not exist)/,
    );
    expect(inserted).toBe(0);
  });

  it('fails when a folding thread fails, and the next start rebuilds again', async () => {
    const db = new Database(file);
    const broken = db
      .prepare("SELECT position, data FROM events WHERE stream LIKE 'person-%' ORDER BY position DESC LIMIT 1")
      .get() as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"not json', broken.position);
    db.close();

    await expect(rebuilt(2)).rejects.toThrow(/a folding thread failed: .*JSON/);
    const check = new Database(file, { readonly: true });
    expect(readCheckpoint(check)?.version).toBe(0); // stopped midway: the next start rebuilds
    check.close();

    const repair = new Database(file);
    repair.prepare('UPDATE events SET data = ? WHERE position = ?').run(broken.data, broken.position);
    repair.close();
    const after = await rebuilt(2);
    expect(after.applied).toBe(after.head);
  });
});
