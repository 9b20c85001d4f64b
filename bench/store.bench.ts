/**
 * npm run bench:store: append throughput of the sqlite adapter against raw better-sqlite3 with
 * the same durability (WAL, synchronous=FULL, one insert per transaction), in the same run.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore, type EventToAppend } from '../libs/event-store/src';
import { syntheticEvent } from './support/synthetic-events';
import { configureConnection, migrateEventTables } from '../libs/event-store/src/sqlite/sqlite-schema';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const STREAMS = 1000;
const dir = resolve(process.env['BENCH_DIR'] ?? 'data/bench-store');

function freshFile(name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return file;
}

function rawBaseline(): number {
  const db = new Database(freshFile('raw'));
  configureConnection(db);
  migrateEventTables(db);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Array<number>(STREAMS).fill(0);
  const once = db.transaction((e: EventToAppend, i: number) => {
    const s = i % STREAMS;
    insert.run(
      e.id,
      `bench-${s}`,
      revisions[s]!++,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      new Date().toISOString(),
    );
  });
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  while (Date.now() < end) once(syntheticEvent(n), n++);
  db.close();
  return n / SECONDS;
}

/** The writer in this thread (`SqliteEventStore.open`) or in a thread of its own, as the service runs it. */
async function adapter(name: string, writers: number, batch: number, thread = false): Promise<number> {
  const file = freshFile(name);
  const store = thread ? await SqliteEventStore.openWithWriterThread(file) : SqliteEventStore.open(file);
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  const writer = async (w: number): Promise<void> => {
    for (let k = w; Date.now() < end; k += writers) {
      const events = Array.from({ length: batch }, (_, j) => syntheticEvent(n + j));
      await store.append(`bench-${k % STREAMS}`, events, 'any');
      n += batch;
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  await store.close();
  return n / SECONDS;
}

async function main(): Promise<void> {
  process.stdout.write(`bench:store: ${SECONDS}s per case, ${STREAMS} streams, files in ${dir}\n`);
  const baseline = rawBaseline();
  const rows: Array<[string, number]> = [['raw better-sqlite3, 1 insert per transaction (baseline)', baseline]];
  const single = await adapter('single', 1, 1);
  rows.push(['sqlite adapter, 1 writer', single]);
  const group = await adapter('group', 64, 1);
  rows.push(['sqlite adapter, 64 concurrent writers (group commit)', group]);
  const batches = await adapter('batches', 1, 1000);
  rows.push(['sqlite adapter, batches of 1,000 events', batches]);
  rows.push(['writer thread (as the service runs), 1 writer', await adapter('thread-single', 1, 1, true)]);
  rows.push(['writer thread (as the service runs), 64 concurrent writers', await adapter('thread-group', 64, 1, true)]);
  for (const [label, rate] of rows) {
    process.stdout.write(
      `${label.padEnd(58)} ${rate.toFixed(0).padStart(9)} events/s  ${(rate / baseline).toFixed(2)} x baseline\n`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`TARGET group_commit_ratio ${(group / baseline).toFixed(2)} x (goal >= 3)\n`);
  process.stdout.write(`TARGET single_writer_ratio ${(single / baseline).toFixed(2)} x (goal >= 0.8)\n`);
}

void main();
