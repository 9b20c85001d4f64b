/**
 * The clients of bench:sse, in a thread of their own: reading 500 streams keeps an event loop
 * busy, and the probe's timings must be the service's, not the wait in a busy client's loop.
 * Opens `count` streams at once and reports, every 200 ms and when told to stop, their statuses,
 * how many have received `total` events (one `event:` line each), when, and the bytes received.
 */
import { Agent, request, type IncomingMessage } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface ReplaysRequest {
  url: string;
  count: number;
  total: number;
}

export interface ReplaysReport {
  statuses: Record<string, number>;
  caughtUpMs: number[];
  bytes: number;
  final: boolean;
}

const MARK = Buffer.from('\nevent: ');
const { url, count, total } = workerData as ReplaysRequest;
const started = Date.now();
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const responses: IncomingMessage[] = [];
const statuses: Array<number | undefined> = [];
const caughtUpMs: number[] = [];
let bytes = 0;

for (let i = 0; i < count; i++) {
  const req = request(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
    statuses[i] = res.statusCode;
    responses.push(res);
    let events = 0;
    let tail: Buffer = Buffer.alloc(0);
    res.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      const text = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const before = events;
      let last = -1;
      for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + MARK.length)) {
        events += 1;
        last = at;
      }
      // The bytes after the last mark that could begin the next one.
      tail = text.subarray(Math.max(last + MARK.length, text.length - MARK.length + 1));
      if (before < total && events >= total) caughtUpMs.push(Date.now() - started);
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => (statuses[i] ??= -1));
  req.end();
}

function report(final: boolean): void {
  const counts: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const status = statuses[i] === undefined ? 'no answer' : String(statuses[i]);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  parentPort!.postMessage({ statuses: counts, caughtUpMs, bytes, final } satisfies ReplaysReport);
}

const ticker = setInterval(() => report(false), 200);
parentPort!.on('message', () => {
  clearInterval(ticker);
  report(true);
  for (const res of responses) res.destroy();
  agent.destroy();
  parentPort!.close();
});
