import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { expectStatus as ok, client } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * What a hostile (or clumsy) client sends, through the real app: every answer is a problem
 * document with a stable code, never a 5xx, and a refused write appends nothing.
 */
describe('hostile input over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let call: ReturnType<typeof client>;
  const party = randomUUID();
  let person: string;

  /** A raw request: `payload` goes as it is, with the content type given (JSON by default). */
  const send = async (method: string, url: string, payload?: string, contentType = 'application/json') => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        ...(payload !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    return { status: res.statusCode, type: String(res.headers['content-type']), headers: res.headers, body: res.body };
  };

  /** Sends, and expects a problem answer with this status and code and an unchanged log. */
  const refused = async (
    status: number,
    code: string,
    method: string,
    url: string,
    payload?: string,
    type?: string,
  ) => {
    const head = await store.headPosition();
    const answer = await send(method, url, payload, type);
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect([answer.status, body['code'], body['status']]).toEqual([status, code, status]);
    expect(answer.type).toContain('application/problem+json');
    expect(body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String) }));
    expect(await store.headPosition()).toBe(head);
    return body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    await w.establishParty(party);
    person = await w.registerPerson('Враждебнов');
  });
  afterAll(() => t.close());

  const deep = (levels: number, open: string, close: string) => `${open.repeat(levels)}1${close.repeat(levels)}`;

  it.each([
    ['objects', (n: number) => `{"x":${deep(n, '{"a":', '}')}}`],
    ['arrays', (n: number) => `{"x":${deep(n, '[', ']')}}`],
    ['both, inside a known field', (n: number) => `{"kind":"party","name":${deep(n, '{"ru":[', ']}')}}`],
  ])('refuses JSON nested thousands of levels deep (%s) with 400 request.too_deep', async (_kind, body) => {
    for (const url of ['/v1/organisations', '/v1/people', `/v1/people/${person}/details`, '/v1/meetings']) {
      const problem = await refused(400, 'request.too_deep', 'POST', url, body(5000));
      expect(problem['maxDepth']).toBe(64);
    }
  });

  it('counts only brackets outside strings, and lets 64 levels through to validation', async () => {
    const brackets = ok(
      await call('POST', '/v1/organisations', {
        kind: 'party',
        name: { ru: `Партия ${'[{'.repeat(100)}"\\` },
        effectiveDate: '2022-09-24',
      }),
      201,
    );
    expect(brackets['id']).toEqual(expect.any(String));
    const atLimit = await refused(
      400,
      'request.validation_failed',
      'POST',
      '/v1/people',
      `{"x":${deep(63, '[', ']')}}`,
    );
    expect(atLimit['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'x' })]));
    await refused(400, 'request.too_deep', 'POST', '/v1/people', `{"x":${deep(64, '[', ']')}}`);
  });

  it.each([
    ['a string for an object', { name: 'Враждебнов', citizenship: 'KZ' }, 'name'],
    ['an array for an object', { name: [{ surname: 'Враждебнов' }], citizenship: 'KZ' }, 'name'],
    ['an array for a string', { name: { surname: ['Враждебнов'], given: 'С' }, citizenship: 'KZ' }, 'name.surname'],
    ['a number for a string', { name: { surname: 42, given: 'С' }, citizenship: 7 }, 'citizenship'],
    ['an object for a date', { name: { surname: 'В', given: 'С' }, citizenship: 'KZ', birthDate: {} }, 'birthDate'],
    ['a boolean for an IIN', { name: { surname: 'В', given: 'С' }, citizenship: 'KZ', iin: true }, 'iin'],
  ])('refuses %s with 400 and the field named', async (_name, body, field) => {
    const problem = await refused(400, 'request.validation_failed', 'POST', '/v1/people', JSON.stringify(body));
    expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it.each([
    ['a huge attendance', '1e300', '1', 'attendance'],
    ['an attendance past 2^53', '123456789012345678901234567890', '1', 'attendance'],
    ['an infinite quorum (1e400)', '5', '1e400', 'quorum'],
    ['a negative quorum', '5', '-1', 'quorum'],
    ['a fractional attendance', '2.5', '1', 'attendance'],
    ['a numeric string for a count', '"5"', '1', 'attendance'],
  ])('refuses %s on a meeting with 400', async (_name, attendance, quorum, field) => {
    const body = `{"organisationId":"${party}","kind":"conference","date":"2023-01-10","place":"Астана","attendance":${attendance},"quorum":${quorum}}`;
    const problem = await refused(400, 'request.validation_failed', 'POST', '/v1/meetings', body);
    expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"Враждебнов"'],
    ['a number', '42'],
  ])('refuses %s as the whole body with 400', async (_name, body) => {
    const problem = await refused(400, 'request.validation_failed', 'POST', '/v1/people', body);
    expect(problem['errors']).toEqual([expect.objectContaining({ field: 'body', code: 'isObject' })]);
  });

  it.each([
    ['a lone high surrogate', '"a\\ud800@example.org"'],
    ['a lone low surrogate', '"\\udfff"'],
    ['a NUL', '"a\\u0000b@example.org"'],
    ['a right-to-left override', '"\\u202eexample.org@a"'],
  ])('answers an email with %s without a 5xx', async (_name, email) => {
    const body = `{"name":{"surname":"Юникодов","given":"Синтетик"},"citizenship":"KZ","contacts":{"email":${email},"phone":${email}}}`;
    const problem = await refused(400, 'request.validation_failed', 'POST', '/v1/people', body);
    const fields = (problem['errors'] as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['contacts.email', 'contacts.phone']));
  });

  it('answers odd Unicode in an address with no 5xx', async () => {
    for (const address of ['\\ud800', '\\u0000', '\\u202e\\u2066', '\\ufeff', '\\udbff\\udfff']) {
      const body = `{"name":{"surname":"Юникодов","given":"Синтетик"},"citizenship":"KZ","contacts":{"address":"${address}"}}`;
      const answer = await send('POST', '/v1/people', body);
      expect(answer.status).toBeLessThan(500);
      if (answer.status >= 400) expect(answer.type).toContain('application/problem+json');
    }
  });

  it('answers broken JSON and an empty JSON body with 400 request.malformed', async () => {
    await refused(400, 'request.malformed', 'POST', '/v1/organisations', '{"kind": ');
    await refused(400, 'request.malformed', 'POST', '/v1/organisations', '');
    await refused(400, 'request.malformed', 'POST', '/v1/organisations', '{"__proto__":{"admin":true}}');
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png'])(
    'answers a write sent as %s with 415',
    async (type) => {
      await refused(415, 'request.unsupported_media_type', 'POST', '/v1/people', 'kind=party', type);
    },
  );

  it('answers a broken percent-encoding in the path with 400 request.bad_url', async () => {
    await refused(400, 'request.bad_url', 'GET', '/v1/organisations/%E0%A4%A');
    await refused(400, 'request.bad_url', 'POST', `/v1/people/%zz/details`, '{}');
  });

  it('answers a URL over 8 KiB, or a path segment over 100 characters, with 414', async () => {
    const long = await refused(414, 'request.uri_too_long', 'GET', `/v1/organisations?kind=${'a'.repeat(9000)}`);
    expect(long['instance']).toBeUndefined();
    await refused(414, 'request.uri_too_long', 'POST', `/v1/people/${'a'.repeat(500)}/details`, '{}');
  });

  it('answers a known path with another method 405 with Allow, an unknown one 404', async () => {
    const wrong = await send('PUT', '/v1/people', '{}');
    expect([wrong.status, JSON.parse(wrong.body).code]).toEqual([405, 'route.method_not_allowed']);
    expect(wrong.type).toContain('application/problem+json');
    expect(String(wrong.headers['allow']).split(', ')).toEqual(expect.arrayContaining(['GET', 'POST']));
    await refused(405, 'route.method_not_allowed', 'DELETE', `/v1/people/${person}/details`);
    await refused(404, 'route.not_found', 'GET', '/v1/nothing-here');
  });
});
