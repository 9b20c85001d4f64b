import { randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryEventStore } from '@baytaq/event-store';
import { FeedPageCache } from './feed-page-cache';
import { storeFilterFor } from './feed-redaction';
import { FEED_PAGE_SIZE, FeedStream, type FeedLog } from './feed-stream';
import { LogGrowth } from './log-growth';
import { ReadTurns } from './read-turns';

/** Counts the `event:` lines a client receives, until it has `expected` of them or `ms` have passed. */
function countEvents(url: string, expected: number, ms: number): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    let tail = '';
    const req = request(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const parts = (tail + chunk).split('\nevent: ');
        count += parts.length - 1;
        tail = parts[parts.length - 1]!.slice(-7);
        if (count >= expected) finish();
      });
    });
    const timer = setTimeout(() => finish(), ms);
    const finish = () => {
      clearTimeout(timer);
      req.destroy();
      resolve(count);
    };
    req.on('error', () => finish());
    req.end();
  });
}

describe('FeedStream', () => {
  const EVENTS = 4 * FEED_PAGE_SIZE + 17;
  let server: Server;
  let url: string;
  let log: FeedLog;
  const streams = new Set<FeedStream>();

  beforeAll(async () => {
    const store = new MemoryEventStore();
    const filler = 'Синтетов '.repeat(100);
    for (let i = 0; i < EVENTS; i += 100) {
      const events = Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) => ({
        id: randomUUID(),
        type: 'PostCreated',
        data: { n: i + j, filler },
      }));
      await store.append(`organisation-${randomUUID()}`, events, 'no_stream');
    }
    log = { store, turns: new ReadTurns(), growth: new LogGrowth(store), pages: new FeedPageCache() };
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const stream: FeedStream = new FeedStream(res, log, {
        filter: storeFilterFor('public', undefined),
        audience: 'public',
        heartbeatMs: 60_000,
        stillAllowed: () => true,
        onClosed: () => streams.delete(stream),
        onError: (error) => {
          throw error;
        },
      });
      streams.add(stream);
      stream.start();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await Promise.all([...streams].map((stream) => stream.close('shutdown')));
    await log.growth.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends every client the whole log when many replay at once from the pages kept', async () => {
    // Pages kept are written at once in a turn's first, synchronous, step: the socket may take
    // them and emit 'drain' before the stream waits for it (a stream that missed it stalled).
    const counts = await Promise.all(Array.from({ length: 30 }, () => countEvents(url, EVENTS, 15_000)));
    expect(counts).toEqual(counts.map(() => EVENTS));
    expect(log.pages.size).toBe(Math.floor(EVENTS / FEED_PAGE_SIZE));
  });

  it('sends a client that joins later what was appended meanwhile, live', async () => {
    const store = log.store as MemoryEventStore;
    const waiting = countEvents(url, EVENTS + 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await store.append(
      `organisation-${randomUUID()}`,
      [{ id: randomUUID(), type: 'PostCreated', data: {} }],
      'no_stream',
    );
    expect(await waiting).toBe(EVENTS + 1);
  });
});
