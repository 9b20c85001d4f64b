/**
 * npm run bench:sse: is the service still responsive while 500 clients replay the event feed?
 * On the demo party plus 2,000 generated members (a fresh data directory), the built service in
 * a child process; 500 connections to GET /v1/events/stream without Last-Event-ID (each replays
 * the public log from its start) opened at once from 127.0.0.1, by a thread of their own, with
 * the stream limits raised so that all are admitted, while a probe asks
 * GET /v1/organisations?limit=50 one request at a time until every replay has caught up (at
 * most BENCH_SECONDS, default 60). Then the same 500 against the default limits, to count how
 * many are refused. Loopback only, bounded in count and time. BENCH_DATA_DIR names a data
 * directory to build into and keep, or to reuse when it holds a store already.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BENCH_ADMIN_KEY, startBuiltServer, type BenchServer } from './support/registry-server';
import type { ReplaysReport, ReplaysRequest } from './support/sse-replays.worker';

const STREAMS = Number(process.env['BENCH_STREAMS'] ?? 500);
const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 2000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const PROBE = '/v1/organisations?limit=50';
const PROBE_PAUSE_MS = 5;

const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(script: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [resolve(script), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${script} exited with ${result.status}`);
}

/** The seed story, then a generated party beside it, in a fresh data directory (or BENCH_DATA_DIR's). */
function buildData(dataDir: string): void {
  const env = { REGISTRY_DATA_DIR: dataDir, REGISTRY_ADMIN_KEY: BENCH_ADMIN_KEY };
  run('dist/apps/tools/src/demo/demo.main.js', [], env);
  run(
    'dist/apps/tools/src/generate/generate.main.js',
    ['--members', String(MEMBERS), '--force-append', '--data-dir', dataDir],
    env,
  );
}

/** How many events the public feed holds: what a replay without a key sends. */
async function publicEvents(base: string): Promise<number> {
  let count = 0;
  for (let after = ''; ;) {
    const page = (await (await fetch(`${base}/v1/events?limit=500${after}`)).json()) as {
      items: unknown[];
      next: string | null;
    };
    count += page.items.length;
    if (page.items.length === 0 || page.next === null) return count;
    after = `&after=${page.next}`;
  }
}

/** The service's event loop delay since the last scrape (prom-client's default metrics), in ms. */
async function loopDelay(base: string): Promise<{ max: number; p99: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => 1000 * Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { max: value('nodejs_eventloop_lag_max_seconds'), p99: value('nodejs_eventloop_lag_p99_seconds') };
}

/** The streams, opened at once by a worker thread; `stop` closes them and gives the last report. */
function openReplays(url: string, count: number, total: number) {
  const worker = new Worker(join(__dirname, 'support', 'sse-replays.worker.ts'), {
    workerData: { url, count, total } satisfies ReplaysRequest,
  });
  let latest: ReplaysReport = { statuses: {}, caughtUpMs: [], bytes: 0, final: false };
  let final: (report: ReplaysReport) => void = () => undefined;
  const ended = new Promise<ReplaysReport>((resolve) => (final = resolve));
  worker.on('error', (error) => {
    process.stderr.write(`the replay clients failed: ${String(error.stack ?? error)}\n`);
    process.exit(1);
  });
  worker.on('message', (report: ReplaysReport) => {
    latest = report;
    if (report.final) final(report);
  });
  return {
    latest: () => latest,
    async stop(): Promise<ReplaysReport> {
      worker.postMessage('stop');
      const report = await ended;
      await worker.terminate();
      return report;
    },
  };
}

async function probe(base: string, until: () => boolean, deadline: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const timings: number[] = [];
  while (!until() && Date.now() < deadline) {
    const t0 = performance.now();
    await new Promise<void>((done, fail) => {
      const req = request(`${base}${PROBE}`, { agent }, (res) => {
        if (res.statusCode !== 200) fail(new Error(`probe answered ${res.statusCode}`));
        res.resume();
        res.on('end', () => done());
      });
      req.on('error', fail);
      req.end();
    });
    timings.push(performance.now() - t0);
    await sleep(PROBE_PAUSE_MS);
  }
  agent.destroy();
  return timings.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(1);
const latency = (sorted: number[]) =>
  `${sorted.length} requests, p50 ${ms(percentile(sorted, 50))} ms, p99 ${ms(percentile(sorted, 99))} ms, ` +
  `max ${ms(sorted[sorted.length - 1] ?? NaN)} ms`;
const statuses = (report: ReplaysReport) =>
  Object.entries(report.statuses)
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');
const answered = (report: ReplaysReport) =>
  Object.entries(report.statuses).reduce((n, [status, count]) => n + (status === 'no answer' ? 0 : count), 0) ===
  STREAMS;

async function withServer<T>(dataDir: string, env: Record<string, string>, body: (s: BenchServer) => Promise<T>) {
  const server = await startBuiltServer(20_000 + Math.floor(Math.random() * 20_000), env, dataDir);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

async function replaying(server: BenchServer, limit: string): Promise<number[]> {
  const total = await publicEvents(server.url);
  out(`data: demo party + ${MEMBERS} generated members; the public feed holds ${total} events`);
  out(`probe alone: ${latency(await probe(server.url, () => false, Date.now() + 2000))}`);
  await loopDelay(server.url);
  const started = Date.now();
  const replays = openReplays(`${server.url}/v1/events/stream`, STREAMS, total);
  const caughtUp = () => {
    const report = replays.latest();
    return answered(report) && report.caughtUpMs.length >= (report.statuses['200'] ?? 0);
  };
  const timings = await probe(server.url, caughtUp, started + SECONDS * 1000);
  const delay = await loopDelay(server.url);
  const report = await replays.stop();
  const done = report.caughtUpMs;
  out(`${STREAMS} replays opened at once (limits ${limit} in total and per client): ${statuses(report)}`);
  out(
    `  caught up: ${done.length} within ${SECONDS} s` +
      (done.length > 0
        ? `, the first after ${ms(done[0]! / 1000)} s, the last after ${ms(done.at(-1)! / 1000)} s`
        : '') +
      `; ${(report.bytes / 2 ** 20).toFixed(0)} MiB received`,
  );
  out(`  the service's event loop delay meanwhile: p99 ${ms(delay.p99)} ms, max ${ms(delay.max)} ms`);
  out(`probe while replaying: ${latency(timings)} (GET ${PROBE})`);
  return timings;
}

async function atDefaults(server: BenchServer): Promise<void> {
  const replays = openReplays(`${server.url}/v1/events/stream`, STREAMS, Number.POSITIVE_INFINITY);
  const deadline = Date.now() + 10_000;
  while (!answered(replays.latest()) && Date.now() < deadline) await sleep(50);
  const report = await replays.stop();
  const refused = (report.statuses['429'] ?? 0) + (report.statuses['503'] ?? 0);
  out(`${STREAMS} replays at the default limits (200 in total, 10 per client): ${statuses(report)}`);
  out(`  stream limits hit: ${refused} refused (429 per client, 503 in total)`);
}

async function main(): Promise<void> {
  const kept = process.env['BENCH_DATA_DIR'];
  const dataDir = kept
    ? resolve(kept)
    : mkdtempSync(join(resolve(process.env['BENCH_DIR'] ?? tmpdir()), 'baytaq-sse-'));
  if (kept && existsSync(join(dataDir, 'registry.sqlite'))) out(`reusing ${dataDir}`);
  else {
    mkdirSync(dataDir, { recursive: true });
    buildData(dataDir);
  }
  try {
    const limit = String(2 * STREAMS);
    const raised = { REGISTRY_SSE_MAX_STREAMS: limit, REGISTRY_SSE_MAX_STREAMS_PER_CLIENT: limit };
    const timings = await withServer(dataDir, raised, (server) => replaying(server, limit));
    await withServer(dataDir, {}, atDefaults);
    out(`TARGET sse_replay_probe_p99_ms ${ms(percentile(timings, 99))} ms (goal <= 100)`);
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
