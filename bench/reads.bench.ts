/**
 * npm run bench:reads: the read side on a generated party (BENCH_MEMBERS, default 1,000,000).
 * 1. a raw scan of the events table, then a rebuild of every read model from it;
 * 2. in-process latency of "officers of a branch on a random date" and "membership by region on
 *    a random date";
 * 3. HTTP req/s of GET /v1/organisations/{id}/officers with autocannon, and the service's peak RSS.
 * The generated data directory is kept (BENCH_DATA_DIR, or one per member count in BENCH_DIR or
 * the temp directory) and reused by the next run: generating a million members takes minutes.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { addDays, daysBetween } from '@baytaq/domain';
import { SqliteEventStore } from '@baytaq/event-store';
import { EmbeddedReadModels, KNOWN_NOW, type RegistryReads } from '@baytaq/read-models';
import { ensureGeneratedParty, GENERATED_DATA_DIR, GENERATED_STORE_FILE } from './support/generated-party';
import { startBuiltServer } from './support/registry-server';

const DATA_DIR = GENERATED_DATA_DIR;
const STORE_FILE = GENERATED_STORE_FILE;
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 20_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const FIRST_DAY = '2022-09-24';
const LAST_DAY = '2026-11-25';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** A deterministic sequence, so that two runs ask the same questions. */
function randomSource(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What any reader of the log pays at least: every row read and its JSON parsed. */
function rawScan(): { events: number; rate: number } {
  const db = new Database(STORE_FILE, { readonly: true });
  const started = process.hrtime.bigint();
  let events = 0;
  for (const row of db
    .prepare('SELECT position, id, stream, revision, type, data, metadata, recorded_at FROM events')
    .iterate()) {
    const r = row as { data: string; metadata: string };
    JSON.parse(r.data);
    JSON.parse(r.metadata);
    events += 1;
  }
  db.close();
  return { events, rate: events / (Number(process.hrtime.bigint() - started) / 1e9) };
}

/**
 * Opens the store with a rebuild of its read models, timed from before the open to its end. Also
 * says where the time went, from the progress reports: until the first chunk was inserted (the
 * old tables dropped), the chunks, and the rest (the indexes sorted, the checkpoint).
 */
function rebuild(): { store: SqliteEventStore; models: EmbeddedReadModels; events: number; rate: number } {
  const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
  const started = process.hrtime.bigint();
  let models: EmbeddedReadModels | undefined;
  let firstChunk: number | undefined;
  // The last report comes once the indexes are built; the one before it, after the last chunk.
  let lastChunk = 0;
  let lastReport = 0;
  const store = SqliteEventStore.open(STORE_FILE, {
    projection: (db) => {
      models = EmbeddedReadModels.open(db, {
        rebuild: true,
        onProgress: () => {
          lastChunk = lastReport;
          lastReport = seconds(started);
          firstChunk ??= lastReport;
        },
      });
      return models.inline;
    },
  });
  const total = seconds(started);
  const events = models!.eventsApplied;
  out(
    `rebuild phases: ${firstChunk?.toFixed(1)} s to the first chunk, chunks until ${lastChunk.toFixed(1)} s, ` +
      `${(total - lastChunk).toFixed(1)} s for the rest (indexes, checkpoint)`,
  );
  return { store, models: models!, events, rate: events / total };
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function latency(name: string, ask: (random: () => number) => unknown): { p50: number; p99: number } {
  const random = randomSource(42);
  for (let i = 0; i < 1_000; i++) ask(random);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = process.hrtime.bigint();
    ask(random);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const p = percentiles(samples);
  out(`${name}: p50 ${p.p50.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms over ${SAMPLES} questions`);
  return p;
}

const span = daysBetween(FIRST_DAY, LAST_DAY);
const randomDay = (random: () => number) => addDays(FIRST_DAY, Math.floor(random() * span));

function branchesOf(reads: RegistryReads): string[] {
  return reads.organisations
    .list({ asOf: LAST_DAY, knownAt: KNOWN_NOW })
    .filter((o) => o.kind !== 'body' && o.kind !== 'party')
    .map((o) => o.id);
}

function peakRssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function http(branches: string[]): Promise<{ rate: number; rssMib: number }> {
  const server = await startBuiltServer(Number(process.env['BENCH_PORT'] ?? 3921), {}, DATA_DIR);
  try {
    const random = randomSource(7);
    const result = await new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: server.url,
          connections: 50,
          duration: SECONDS,
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => ({
                ...request,
                path: `/v1/organisations/${branches[Math.floor(random() * branches.length)]}/officers?asOf=${randomDay(random)}`,
              }),
            },
          ],
        },
        (error, r) => (error ? fail(error) : done(r)),
      );
      autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
    out(
      `GET /v1/organisations/{id}/officers: ${result.requests.average.toFixed(0)} req/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests`,
    );
    return { rate: result.requests.average, rssMib: peakRssMib(server.pid) };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  ensureGeneratedParty(out);
  const scan = rawScan();
  out(`raw scan of the events table: ${scan.events} events, ${Math.round(scan.rate)} events/s`);
  const built = rebuild();
  out(
    `rebuild: ${built.events} events, ${Math.round(built.rate)} events/s, ${(built.rate / scan.rate).toFixed(2)} x the raw scan`,
  );
  const reads = built.models.reads;
  const branches = branchesOf(reads);
  const members = reads.memberCounts.countsOn({ asOf: LAST_DAY, knownAt: KNOWN_NOW });
  out(`${branches.length} branches; ${[...members.values()].reduce((a, b) => a + b, 0)} members on ${LAST_DAY}`);
  const officers = latency('officers of a branch on a random date', (random) =>
    reads.organisations.officers(branches[Math.floor(random() * branches.length)]!, {
      asOf: randomDay(random),
      knownAt: KNOWN_NOW,
    }),
  );
  const byRegion = latency('membership by region on a random date', (random) =>
    reads.structure.byRegion({ asOf: randomDay(random), knownAt: KNOWN_NOW }),
  );
  await built.store.close();
  const served = await http(branches);
  out(`service peak RSS: ${served.rssMib.toFixed(0)} MiB`);
  out(`TARGET rebuild_events_per_s ${Math.round(built.rate)} 1/s (goal >= 100000)`);
  out(`TARGET asof_officers_p99_ms ${officers.p99.toFixed(3)} ms (goal <= 2)`);
  out(`TARGET asof_membership_p99_ms ${byRegion.p99.toFixed(3)} ms (goal <= 2)`);
  out(`TARGET http_officers_req_per_s ${Math.round(served.rate)} 1/s (goal >= 10000)`);
  out(`TARGET service_rss_mib ${served.rssMib.toFixed(0)} MiB (goal <= 1024)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
