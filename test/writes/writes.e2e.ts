import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { makeIin } from '@baytaq/domain';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('write API', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let w: ReturnType<typeof registryWrites>;
  let store: EventStore;
  const party = randomUUID();
  const region = randomUUID();

  const ok = expectStatus;
  const person = async (surname: string, birthDate = '1980-05-05') => {
    const id = randomUUID();
    ok(
      await call('POST', '/v1/people', {
        id,
        name: { surname, given: 'Синтетик' },
        citizenship: 'KZ',
        birthDate,
        iin: makeIin(birthDate, 'male', Math.floor(Math.random() * 9000)),
      }),
      201,
    );
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    store = t.app.get(EVENT_STORE);
    await w.establishParty(party);
    ok(
      await call('POST', `/v1/organisations/${party}/registrations`, {
        authority: 'Ministry of Justice',
        number: 'SYN-1',
        bin: '221140000001',
        effectiveDate: '2022-11-28',
      }),
    );
    ok(
      await call('POST', '/v1/organisations', {
        id: region,
        kind: 'regional_branch',
        parentId: party,
        name: { ru: 'Карагандинский областной филиал' },
        kato: '350000000',
        effectiveDate: '2023-01-10',
      }),
      201,
    );
  });
  afterAll(() => t.close());

  it('answers a write with id, revision, position and event ids, and records metadata', async () => {
    const body = ok(
      await call(
        'POST',
        `/v1/organisations/${party}/renamings`,
        { name: { kk: 'Байтақ', ru: 'Байтак', en: 'Baytaq' }, effectiveDate: '2023-07-22' },
        { 'x-correlation-id': 'corr-1' },
      ),
    );
    expect(body).toMatchObject({ id: party, revision: 2 });
    expect(typeof body['position']).toBe('string');
    const [event] = await store.readStream(`organisation-${party}`, { direction: 'backwards', maxCount: 1 });
    expect((body['eventIds'] as string[])[0]).toBe(event!.id);
    expect(event!.metadata).toMatchObject({ actor: 'admin', correlationId: 'corr-1', effectiveDate: '2023-07-22' });
  });

  it('elects an officer who is a member, and refuses a second holder of a single seat with post.seats_exceeded', async () => {
    const chair = await person('Первый');
    const rival = await person('Второй');
    for (const id of [chair, rival])
      ok(
        await call('POST', `/v1/people/${id}/membership/admission`, {
          organisationId: region,
          effectiveDate: '2023-01-10',
        }),
      );
    const post = await w.createPost(region, 'chair', 'Председатель', '2023-01-10');
    const tenure = ok(await w.startTenure(post, chair, '2023-01-10', 'elected'), 201);
    const refused = await w.startTenure(post, rival, '2023-02-01', 'acting');
    expect(refused.status).toBe(409);
    expect(refused.body['code']).toBe('post.seats_exceeded');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // Ending the first tenure frees the seat from that day on.
    ok(await call('POST', `/v1/tenures/${tenure['id']}/end`, { effectiveDate: '2023-02-01', reason: 'resigned' }));
    ok(await w.startTenure(post, rival, '2023-02-01', 'acting'), 201);
  });

  it('refuses a tenure for a non-member with tenure.holder_not_member, and one for an unknown post with 404', async () => {
    const outsider = await person('Посторонний');
    const post = await w.createPost(region, 'secretary', 'Секретарь', '2023-01-10');
    const refused = await w.startTenure(post, outsider, '2023-03-01', 'appointed');
    expect([refused.status, refused.body['code']]).toEqual([409, 'tenure.holder_not_member']);
    const unknown = await call('POST', `/v1/posts/${randomUUID()}/tenures`, {
      personId: outsider,
      effectiveDate: '2023-03-01',
      method: 'appointed',
    });
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'post.not_found']);
  });

  it('ends the tenures of a member whose membership ends, as events', async () => {
    const officer = await person('Уходящий');
    ok(
      await call('POST', `/v1/people/${officer}/membership/admission`, {
        organisationId: region,
        effectiveDate: '2023-01-10',
      }),
    );
    const post = await w.createPost(region, 'treasurer', 'Казначей', '2023-01-10');
    const tenure = ok(await w.startTenure(post, officer, '2023-01-10', 'elected'), 201)['id'];
    ok(
      await call('POST', `/v1/people/${officer}/membership/termination`, {
        effectiveDate: '2023-06-01',
        reason: 'resigned',
      }),
    );
    const ended = (await store.readStream(`organisation-${region}`)).filter(
      (e) => e.type === 'TenureEnded' && e.data['tenureId'] === tenure,
    );
    expect(ended).toHaveLength(1);
    expect(ended[0]!.data).toMatchObject({ reason: 'membership_ended', effectiveDate: '2023-06-01' });
  });

  it('replays an idempotent retry without appending, and refuses the key with another body (422)', async () => {
    const key = `idem-${randomUUID()}`;
    const body = { name: { surname: 'Повторов', given: 'Синтетик' }, citizenship: 'KZ' };
    const first = await call('POST', '/v1/people', body, { 'idempotency-key': key });
    const head = await store.headPosition();
    const again = await call('POST', '/v1/people', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await store.headPosition()).toBe(head);
    const other = await call('POST', '/v1/people', { ...body, citizenship: 'RU' }, { 'idempotency-key': key });
    expect([other.status, other.body['code']]).toEqual([422, 'idempotency.key_reused']);
  });

  it('answers a stale If-Match with 412 and appends nothing', async () => {
    const head = await store.headPosition();
    const stale = await call(
      'POST',
      `/v1/organisations/${party}/renamings`,
      { name: { ru: 'Байтак' }, effectiveDate: '2023-08-01' },
      { 'if-match': '"0"' },
    );
    expect([stale.status, stale.body['code']]).toEqual([412, 'concurrency.stale_revision']);
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses an invalid IIN check digit with 422, malformed JSON with 400, a huge body with 413', async () => {
    const iin = makeIin('1985-03-03', 'female', 42);
    const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    const bad = await call('POST', '/v1/people', {
      name: { surname: 'Ошибкина', given: 'Синтетика' },
      citizenship: 'KZ',
      iin: wrong,
    });
    expect([bad.status, bad.body['code']]).toEqual([422, 'iin.invalid']);
    const malformed = await call('POST', '/v1/organisations', '{"kind": ');
    expect([malformed.status, malformed.body['code']]).toEqual([400, 'request.malformed']);
    const huge = await call('POST', '/v1/organisations', {
      kind: 'party',
      name: { ru: 'x'.repeat(2_000_000) },
      effectiveDate: '2022-01-01',
    });
    expect([huge.status, huge.body['code']]).toEqual([413, 'request.too_large']);
  });

  it('lists every invalid field with its path (400)', async () => {
    const res = await call('POST', '/v1/organisations', {
      kind: 'nation',
      name: { ru: 5 },
      effectiveDate: '2023-13-40',
      extra: 1,
    });
    expect(res.status).toBe(400);
    const fields = (res.body['errors'] as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'name.ru', 'effectiveDate', 'extra']));
  });

  it('refuses writes without a key (401) and with a key lacking the role (403)', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/v1/people', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const issued = ok(await call('POST', '/v1/keys', { name: 'compliance-desk', roles: ['compliance'] }), 201);
    const compliance = client(t.app, issued['key'] as string);
    const denied = await compliance('POST', '/v1/people', {
      name: { surname: 'Запретов', given: 'Синтетик' },
      citizenship: 'KZ',
    });
    expect([denied.status, denied.body['code']]).toEqual([403, 'auth.forbidden']);
  });
});
