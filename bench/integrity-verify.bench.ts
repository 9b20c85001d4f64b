/**
 * The verify part of bench:integrity (issue 14): `npm run verify`'s module on a store of
 * BENCH_EVENTS synthetic events (default 1,000,000: about what the 1,000,000-member set holds per
 * million members' admissions; BENCH_EVENTS=200000 for a quick run), written through the embedded
 * store so that the tree is kept as the service keeps it; then inclusion-proof latency at that size
 * through the LOG_TREE reader's class on a read connection.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore, SqliteLogTreeReader } from '../libs/event-store/src';
import { syntheticEvent } from './support/synthetic-events';
import { verifyLog } from '../apps/tools/src/verify/verify-log';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const PROOFS = 20_000;
const dir = resolve(process.env['BENCH_DIR'] ?? 'data/bench-integrity');

async function fill(file: string): Promise<void> {
  const store = SqliteEventStore.open(file);
  for (let i = 0; i < EVENTS;) {
    const batch: Array<Promise<unknown>> = [];
    for (let j = 0; j < 4_000 && i < EVENTS; j++, i++)
      batch.push(store.append(`bench-${i}`, [syntheticEvent(i)], 'no_stream'));
    await Promise.all(batch);
  }
  await store.close();
}

/** The verify and proof-latency targets, on a store filled here (bench:integrity calls it after the command cost). */
export async function runVerifyTargets(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'registry.sqlite');
  const filling = Date.now();
  await fill(file);
  console.log(`wrote ${EVENTS} events with their tree in ${((Date.now() - filling) / 1000).toFixed(1)} s`);

  const outcome = verifyLog(dir, undefined);
  if (!outcome.ok) throw new Error(`verify failed on an untouched store: ${outcome.problems[0]}`);
  const rate = Math.round(outcome.events / outcome.seconds);
  console.log(`verify: ${outcome.events} events in ${outcome.seconds.toFixed(2)} s`);

  const db = new Database(file, { readonly: true });
  const tree = new SqliteLogTreeReader(db);
  const size = tree.size();
  const times: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const index = Math.floor(Math.random() * size);
    const started = process.hrtime.bigint();
    tree.inclusionProof(index, size);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  db.close();
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(times.length * 0.99)]!;
  console.log(
    `inclusion proofs at size ${size}: p50 ${times[times.length >> 1]!.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`,
  );
  console.log(`TARGET verify_events_per_s ${rate} 1/s (goal >= 200000)`);
  console.log(`TARGET inclusion_proof_p99_ms ${p99.toFixed(3)} ms (goal <= 2)`);
  rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) {
  runVerifyTargets().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
