import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

interface Item {
  position: string;
  stream: string;
  type: string;
  data: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  eventId: string;
  revision: number;
  recordedAt: string;
}
interface Page {
  items: Item[];
  next: string | null;
}

const INTERNAL = /^(idempotency|apikey|iin)-/;

describe('GET /v1/events (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let keys: { registrar: string; compliance: string };
  const iin = makeIin('1985-03-03', 'male', 11);
  const surname = 'Фидова';

  const get = async (url: string, key?: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.statusCode, headers: res.headers, body: res.json() as Page & Record<string, unknown> };
  };
  const page = async (url: string, key?: string): Promise<Page> => ok(await get(url, key)) as unknown as Page;
  /** Follows `next` as an integrator does, `limit` items at a time, until a page comes back empty. */
  const pageThrough = async (query: string, key?: string): Promise<{ items: Item[]; next: string | null }> => {
    const items: Item[] = [];
    let next: string | null = null;
    for (;;) {
      const p = await page(`/v1/events?${query}${next ? `&after=${next}` : ''}`, key);
      if (p.items.length === 0) return { items, next: p.next };
      items.push(...p.items);
      next = p.next;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    const call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    const issue = async (name: string, role: string) =>
      ok(await call('POST', '/v1/keys', { name, roles: [role] }), 201)['key'] as string;
    keys = {
      registrar: await issue('feed-registrar', 'registrar'),
      compliance: await issue('feed-audit', 'compliance'),
    };
    const party = await w.establishParty(randomUUID());
    const chair = await w.createPost(party, 'chair', 'Председатель', '2022-09-24');
    const person = await w.registerPerson(surname, { iin, birthDate: '1985-03-03' });
    ok(
      await call(
        'POST',
        `/v1/people/${person}/membership/admission`,
        { organisationId: party, effectiveDate: '2022-10-01' },
        { 'idempotency-key': 'feed-admission-1' },
      ),
    );
    ok(await w.startTenure(chair, person, '2022-10-02'), 201);
    await w.member('Членова', party, '2022-11-01');
  });
  afterAll(() => t.close());

  it('pages through the log with next: every visible event exactly once, in log order', async () => {
    const all = (await page('/v1/events?limit=500', t.adminKey)).items;
    const expected = (await store.readAll()).filter((e) => !INTERNAL.test(e.stream));
    expect(all.map((i) => i.eventId)).toEqual(expected.map((e) => e.id));
    expect(all.length).toBeGreaterThan(6);
    const paged = await pageThrough('limit=2', t.adminKey);
    expect(paged.items).toEqual(all);
    expect(new Set(paged.items.map((i) => i.eventId)).size).toBe(paged.items.length);
    // At the end, next stands at the head of the log: internal events after the last item are passed too.
    expect(paged.next).toBe(await store.headPosition());
  });

  it('gives each item its position, stream, type, data, metadata, recordedAt, eventId and revision', async () => {
    const [first] = (await page('/v1/events?limit=1&types=OrganisationEstablished', t.adminKey)).items;
    const [recorded] = await store.readAll({ filter: { eventTypes: ['OrganisationEstablished'] }, maxCount: 1 });
    expect(first).toEqual({
      position: recorded!.position,
      stream: recorded!.stream,
      type: 'OrganisationEstablished',
      data: recorded!.data,
      metadata: recorded!.metadata,
      recordedAt: recorded!.recordedAt,
      eventId: recorded!.id,
      revision: recorded!.revision,
    });
  });

  it('keeps only the listed types', async () => {
    const { items } = await pageThrough('limit=1&types=PersonRegistered,PostCreated', t.adminKey);
    expect(items.map((i) => i.type).sort()).toEqual(['PersonRegistered', 'PersonRegistered', 'PostCreated']);
    const repeated = await page('/v1/events?types=PersonRegistered&types=PostCreated', t.adminKey);
    expect(repeated.items).toEqual(items);
  });

  it('shows the public and a registrar no personal data, and compliance and admin all of it', async () => {
    expect(JSON.stringify(await store.readAll())).toContain(iin);
    for (const key of [undefined, keys.registrar]) {
      const { items } = await pageThrough('limit=3', key);
      const text = JSON.stringify(items);
      expect(text).not.toContain(iin);
      expect(text).not.toContain(surname);
      // Not even a redacted trace: the count and dates of someone's events would tell a membership.
      expect(items.filter((i) => i.stream.startsWith('person-'))).toEqual([]);
      // Leadership is public: the tenure names the person who holds the post.
      expect(items.find((i) => i.type === 'TenureStarted')?.data).toHaveProperty('personId');
    }
    for (const key of [keys.compliance, t.adminKey]) {
      const text = JSON.stringify((await page('/v1/events?limit=500', key)).items);
      expect(text).toContain(iin);
      expect(text).toContain(surname);
    }
  });

  it('never shows internal streams, though the log has them, to anyone', async () => {
    const streams = (await store.readAll()).map((e) => e.stream);
    for (const prefix of ['idempotency-', 'apikey-', 'iin-'])
      expect(streams.some((s) => s.startsWith(prefix))).toBe(true);
    for (const key of [undefined, keys.registrar, keys.compliance, t.adminKey]) {
      const { items } = await pageThrough('limit=500', key);
      expect(items.filter((i) => INTERNAL.test(i.stream))).toEqual([]);
      expect(items.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['garbage', 'after'],
    ['99999999', 'after'],
  ])('answers 400 with a problem naming the field for after=%s', async (after, field) => {
    const res = await get(`/v1/events?after=${after}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'request.validation_failed', errors: [{ field }] });
  });

  it.each(['0', '501', 'ten', '1.5', '1e2', '-3'])('answers 400 for limit=%s', async (limit) => {
    const res = await get(`/v1/events?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'request.validation_failed',
      errors: [{ field: 'limit', code: 'wholeNumberInRange', message: 'limit must be a whole number from 1 to 500' }],
    });
  });

  it('takes limit=500, and refuses bad types and an unknown key', async () => {
    expect((await get('/v1/events?limit=500')).status).toBe(200);
    const badTypes = await get('/v1/events?types=a,,b');
    expect([badTypes.status, badTypes.body['errors']]).toEqual([400, [expect.objectContaining({ field: 'types' })]]);
    expect((await get('/v1/events', 'bq_unknown-key-of-no-one-00000000000')).status).toBe(401);
  });
});
