import { randomUUID } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore, type ReadAllOptions } from '@baytaq/event-store';
import { EventFeedStreams } from '../../apps/registry/src/events/event-feed.streams';
import { FEED_PAGE_SIZE } from '../../apps/registry/src/events/feed-stream';
import { client } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { connectSse, type SseConnection } from './sse-client';

async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A refused stream: its status, headers and problem document. */
async function refusal(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    type: res.headers.get('content-type'),
    body: (await res.json()) as unknown,
  };
}

/** Counts the pages the feed's streams read from the store (what the store's other readers ask is left out). */
function countPages(store: EventStore): { pages: number } {
  const counts = { pages: 0 };
  const read = store.readAll.bind(store);
  jest.spyOn(store, 'readAll').mockImplementation((options?: ReadAllOptions) => {
    if (options?.maxCount === FEED_PAGE_SIZE) counts.pages += 1;
    return read(options);
  });
  return counts;
}

describe('GET /v1/events/stream within its limits (e2e)', () => {
  let t: TestApp;
  let base: string;
  const open: SseConnection[] = [];
  const connect = async (headers: Record<string, string> = {}) => {
    const sse = await connectSse(`${base}/v1/events/stream`, headers);
    open.push(sse);
    return sse;
  };

  beforeAll(async () => {
    t = await startTestApp({
      REGISTRY_SSE_MAX_STREAMS: '3',
      REGISTRY_SSE_MAX_STREAMS_PER_CLIENT: '2',
      REGISTRY_SSE_HEARTBEAT_SECONDS: '1',
    });
    await registryWrites(client(t.app, t.adminKey)).establishParty(randomUUID());
    base = await listening(t);
  });
  afterEach(async () => {
    open.splice(0).forEach((sse) => sse.disconnect());
    const streams = t.app.get(EventFeedStreams);
    while (streams.openStreams > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });
  afterAll(() => t.close());

  it('follows the log with one store subscription, however many streams are open', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const subscribe = jest.spyOn(store, 'subscribeToAll');
    try {
      const streams = await Promise.all([connect(), connect(), connect({ authorization: `Bearer ${t.adminKey}` })]);
      await Promise.all(streams.map((sse) => sse.until(() => sse.messages.length > 0)));
      expect(subscribe).toHaveBeenCalledTimes(1);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('refuses a client beyond its streams with 429, everyone beyond the total with 503, and admits again once one leaves', async () => {
    const streams = t.app.get(EventFeedStreams);
    const first = await connect();
    expect((await connect()).response.statusCode).toBe(200);
    expect(await refusal(`${base}/v1/events/stream`)).toEqual({
      status: 429,
      retryAfter: '5',
      type: 'application/problem+json; charset=utf-8',
      body: expect.objectContaining({ status: 429, code: 'feed.too_many_streams_for_client', limit: 2 }),
    });
    // Another client: the admin key counts apart from the anonymous address.
    expect((await connect({ authorization: `Bearer ${t.adminKey}` })).response.statusCode).toBe(200);
    const issued = await client(t.app, t.adminKey)('POST', '/v1/keys', { name: 'feed-reader', roles: ['registrar'] });
    const reader = { authorization: `Bearer ${issued.body['key'] as string}` };
    expect(await refusal(`${base}/v1/events/stream`, reader)).toEqual({
      status: 503,
      retryAfter: '5',
      type: 'application/problem+json; charset=utf-8',
      body: expect.objectContaining({ status: 503, code: 'feed.too_many_streams', limit: 3 }),
    });
    first.disconnect();
    await first.until(() => streams.openStreams === 2);
    const again = await connect(reader);
    expect(again.response.statusCode).toBe(200);
    expect(streams.openStreams).toBe(3);
  });

  it('sends the keep-alive comment at the configured interval', async () => {
    const sse = await connect();
    const started = Date.now();
    await sse.until(() => sse.comments.includes('keep-alive'), 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('GET /v1/events/stream at the pace of its client (e2e)', () => {
  const EVENTS = 10 * FEED_PAGE_SIZE;
  let t: TestApp;
  let base: string;
  let store: EventStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    base = await listening(t);
    // 4 KB events of a stream kind no read model folds: 20 MB of feed, more than sockets buffer.
    const filler = 'Синтетов '.repeat(400);
    for (let i = 0; i < EVENTS; i += 500) {
      const events = Array.from({ length: 500 }, (_, j) => ({
        id: randomUUID(),
        type: 'SyntheticFiller',
        data: { n: i + j, filler },
      }));
      await store.append(`synthetic-${randomUUID()}`, events, 'no_stream');
    }
  });
  afterAll(() => t.close());

  it('reads no further page while the client has not taken the last one, and sends everything once it reads', async () => {
    const counts = countPages(store);
    let response!: IncomingMessage;
    const req = request(`${base}/v1/events/stream?types=SyntheticFiller`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${t.adminKey}` },
    });
    await new Promise<void>((resolve) => {
      req.on('response', (res) => {
        response = res;
        res.pause();
        resolve();
      });
      req.end();
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const whilePaused = counts.pages;
      expect(whilePaused).toBeGreaterThanOrEqual(1);
      expect(whilePaused).toBeLessThanOrEqual(5);

      const mark = '\nevent: SyntheticFiller\n';
      let received = 0;
      let tail = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const parts = (tail + chunk).split(mark);
        received += parts.length - 1;
        tail = parts[parts.length - 1]!.slice(-(mark.length - 1));
      });
      response.resume();
      const deadline = Date.now() + 20_000;
      while (received < EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received).toBe(EVENTS);
      expect(counts.pages).toBeGreaterThan(EVENTS / FEED_PAGE_SIZE);
    } finally {
      jest.restoreAllMocks();
      req.destroy();
    }
  });
});
