import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore, type Subscription } from '@baytaq/event-store';
import { EventFeedStreams, FeedStreamSettings } from '../../apps/registry/src/events/event-feed.streams';
import { FEED_PAGE_SIZE } from '../../apps/registry/src/events/feed-stream';
import { client } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { connectSse, type SseConnection } from './sse-client';

interface Item {
  position: string;
  stream: string;
  type: string;
  eventId: string;
  data: unknown;
}

/** A real port: an endless response cannot go through inject. */
async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Counts the subscriptions the feed opens on the store and those it closes again. */
function watchSubscriptions(store: EventStore): { opened: number; closed: number } {
  const counts = { opened: 0, closed: 0 };
  const subscribe = store.subscribeToAll.bind(store);
  jest.spyOn(store, 'subscribeToAll').mockImplementation((options, handler): Subscription => {
    const inner = subscribe(options, handler);
    counts.opened += 1;
    return {
      close: async () => {
        await inner.close();
        counts.closed += 1;
      },
    };
  });
  return counts;
}

const items = (sse: SseConnection): Item[] => sse.messages.map((m) => JSON.parse(m.data) as Item);

describe('GET /v1/events/stream (e2e)', () => {
  let t: TestApp;
  let base: string;
  let store: EventStore;
  let w: ReturnType<typeof registryWrites>;
  let party: string;
  const iin = makeIin('1979-07-07', 'female', 23);
  const open: SseConnection[] = [];
  const connect = async (path: string, headers: Record<string, string> = {}) => {
    const sse = await connectSse(`${base}${path}`, headers);
    open.push(sse);
    return sse;
  };
  const admin = () => ({ authorization: `Bearer ${t.adminKey}` });
  const adminFeed = async (): Promise<Item[]> =>
    (await t.app.inject({ method: 'GET', url: '/v1/events?limit=500', headers: admin() })).json().items;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    t.app.get(FeedStreamSettings).heartbeatMs = 100;
    w = registryWrites(client(t.app, t.adminKey));
    party = await w.establishParty(randomUUID());
    await w.createPost(party, 'chair', 'Председатель', '2022-09-24');
    await w.registerPerson('Потокова', { iin, birthDate: '1979-07-07' });
    await w.createPost(party, 'secretary', 'Секретарь', '2022-09-25');
    base = await listening(t);
  });
  afterEach(() => open.splice(0).forEach((sse) => sse.disconnect()));
  afterAll(() => t.close());

  it('resumes after Last-Event-ID with exactly the later events, then delivers a new one live', async () => {
    const before = await adminFeed();
    const resumeAt = before[1]!;
    // The header wins over `after`: it is what EventSource sends when it reconnects.
    const sse = await connect(`/v1/events/stream?after=${before[0]!.position}`, {
      ...admin(),
      'last-event-id': resumeAt.position,
    });
    expect(sse.response.statusCode).toBe(200);
    expect(sse.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const later = before.slice(2);
    await sse.until(() => sse.messages.length >= later.length);
    expect(items(sse).map((i) => i.eventId)).toEqual(later.map((i) => i.eventId));
    expect(sse.messages.map((m) => [m.id, m.event])).toEqual(later.map((i) => [i.position, i.type]));

    const post = await w.createPost(party, 'treasurer', 'Казначей', '2022-09-26');
    await sse.until(() => sse.messages.length === later.length + 1);
    const live = items(sse).at(-1)!;
    expect(live).toMatchObject({ type: 'PostCreated', stream: `organisation-${party}` });
    expect(live.data).toMatchObject({ postId: post });
    expect(live.eventId).toBe((await adminFeed()).at(-1)!.eventId);
  });

  it('resumes from after= when no Last-Event-ID is sent, and keeps only the listed types', async () => {
    const before = await adminFeed();
    const sse = await connect(`/v1/events/stream?after=${before[0]!.position}&types=PostCreated`, admin());
    const posts = before.slice(1).filter((i) => i.type === 'PostCreated');
    await sse.until(() => sse.messages.length >= posts.length);
    await sse.until(() => sse.comments.includes('keep-alive'));
    expect(items(sse).map((i) => i.eventId)).toEqual(posts.map((i) => i.eventId));
  });

  it("shows the public no person's event and no internal stream; the admin sees the IIN", async () => {
    const total = (await adminFeed()).length;
    const pub = await connect('/v1/events/stream');
    const priv = await connect('/v1/events/stream', admin());
    await priv.until(() => priv.messages.length >= total);
    const publicStreams = (m: { stream: string }) => /^(organisation|meeting)-/.test(m.stream);
    const publicTotal = items(priv).filter(publicStreams).length;
    await pub.until(() => pub.messages.length >= publicTotal);
    await pub.until(() => pub.comments.includes('keep-alive'));
    expect(items(pub).map((i) => i.eventId)).toEqual(
      items(priv)
        .filter(publicStreams)
        .map((i) => i.eventId),
    );
    expect(JSON.stringify(pub.messages)).not.toContain(iin);
    expect(JSON.stringify(priv.messages)).toContain(iin);
    expect(items(priv).some((i) => i.stream.startsWith('person-'))).toBe(true);
    expect(items(pub).filter((i) => i.stream.startsWith('person-'))).toEqual([]);
    expect(items(pub).filter((i) => /^(idempotency|apikey|iin)-/.test(i.stream))).toEqual([]);
  });

  it('stops reading the log for a client that has left', async () => {
    const streams = t.app.get(EventFeedStreams);
    const read = store.readAll.bind(store);
    let publicPages = 0;
    jest.spyOn(store, 'readAll').mockImplementation((options) => {
      if (options?.maxCount === FEED_PAGE_SIZE && options.filter?.streamPrefixes) publicPages += 1;
      return read(options);
    });
    try {
      const leaving = await connect('/v1/events/stream');
      const staying = await connect('/v1/events/stream', admin());
      await leaving.until(() => leaving.messages.length > 0);
      await staying.until(() => staying.messages.length > 0);
      const opened = streams.openStreams;
      leaving.disconnect();
      await leaving.until(() => streams.openStreams === opened - 1);
      const pagesBefore = publicPages;
      const post = await w.createPost(party, 'member', 'Член совета', '2022-09-27');
      await staying.until(() => items(staying).some((i) => JSON.stringify(i.data).includes(post)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(publicPages).toBe(pagesBefore);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it("ends a compliance key's stream once the key is revoked, before it sends another event", async () => {
    const call = client(t.app, t.adminKey);
    const issued = await call('POST', '/v1/keys', { name: 'feed-auditor', roles: ['compliance'] });
    const sse = await connect('/v1/events/stream', { authorization: `Bearer ${issued.body['key'] as string}` });
    const total = (await adminFeed()).length;
    await sse.until(() => sse.messages.length >= total);
    expect((await call('DELETE', '/v1/keys/feed-auditor')).status).toBe(204);
    await w.registerPerson('Послеотзывова');
    await sse.ended;
    expect(sse.messages).toHaveLength(total);
  });

  it('answers a position it did not produce with a 400 problem, before streaming anything', async () => {
    for (const headers of [{ 'last-event-id': 'not-a-position' }, {}]) {
      const query = 'last-event-id' in headers ? '' : '?after=99999999';
      const res = await t.app.inject({ method: 'GET', url: `/v1/events/stream${query}`, headers });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const field = 'last-event-id' in headers ? 'Last-Event-ID' : 'after';
      expect(res.json()).toMatchObject({ code: 'request.validation_failed', errors: [{ field }] });
    }
  });
});

describe('GET /v1/events/stream at shutdown (e2e)', () => {
  it('ends open streams so that app.close() does not hang, and closes the store subscription', async () => {
    const t = await startTestApp();
    await registryWrites(client(t.app, t.adminKey)).establishParty(randomUUID());
    const counts = watchSubscriptions(t.app.get(EVENT_STORE));
    const sse = await connectSse(`${await listening(t)}/v1/events/stream`);
    await sse.until(() => sse.messages.length > 0);
    const started = Date.now();
    await t.close();
    await sse.ended;
    expect(Date.now() - started).toBeLessThan(3000);
    expect([counts.opened, counts.closed]).toEqual([1, 1]);
  });

  it('refuses new streams with 503 once shutdown has begun', async () => {
    const t = await startTestApp();
    try {
      await t.app.get(EventFeedStreams).beforeApplicationShutdown();
      const res = await t.app.inject({ method: 'GET', url: '/v1/events/stream' });
      expect([res.statusCode, res.headers['retry-after'], res.json().code]).toEqual([
        503,
        '1',
        'service.shutting_down',
      ]);
    } finally {
      await t.close();
    }
  });
});
