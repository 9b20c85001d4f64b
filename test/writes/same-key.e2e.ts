import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

const AT_ONCE = 50;

/** Concurrent requests with one Idempotency-Key: one stored result, one answer given to all. */
describe('the same Idempotency-Key sent 50 times at once', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let store: EventStore;
  let w: ReturnType<typeof registryWrites>;
  const party = randomUUID();
  let post: string;
  let member: string;
  let officer: string;
  let tenure: string;

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    store = t.app.get(EVENT_STORE);
    w = registryWrites(call);
    await w.establishParty(party);
    post = await w.createPost(party, 'secretary', 'Синтетический секретарь', '2022-09-24');
    member = await w.registerPerson('Одновременный');
    officer = await w.member('Совместный', party, '2023-01-01');
    tenure = ok(await w.startTenure(post, officer, '2023-02-01'), 201)['id'] as string;
  });
  afterAll(() => t.close());

  const routes: Array<[string, () => [string, Record<string, unknown>]]> = [
    [
      'POST /v1/organisations',
      () => [
        '/v1/organisations',
        {
          kind: 'regional_branch',
          parentId: party,
          name: { ru: 'Синтетический филиал' },
          kato: '350000000',
          effectiveDate: '2023-01-10',
        },
      ],
    ],
    [
      'POST /v1/organisations/{id}/renamings',
      () => [
        `/v1/organisations/${party}/renamings`,
        { name: { ru: 'Байтак обновлённый' }, effectiveDate: '2023-03-01' },
      ],
    ],
    [
      'POST /v1/organisations/{id}/registrations',
      () => [
        `/v1/organisations/${party}/registrations`,
        { authority: 'Министерство юстиции', number: '7', bin: '230140000007', effectiveDate: '2023-01-20' },
      ],
    ],
    [
      'POST /v1/organisations/{id}/posts',
      () => [
        `/v1/organisations/${party}/posts`,
        { title: { ru: 'Синтетический казначей' }, role: 'treasurer', effectiveDate: '2022-09-24' },
      ],
    ],
    [
      'POST /v1/people',
      () => [
        '/v1/people',
        {
          name: { surname: 'Многократный', given: 'Синтетик' },
          citizenship: 'KZ',
          iin: makeIin('1985-05-05', 'male', 41),
        },
      ],
    ],
    [
      'POST /v1/people/{id}/membership/admission',
      () => [`/v1/people/${member}/membership/admission`, { organisationId: party, effectiveDate: '2023-04-01' }],
    ],
    [
      'POST /v1/meetings',
      () => [
        '/v1/meetings',
        { organisationId: party, kind: 'congress', date: '2023-01-10', place: 'Темиртау', attendance: 100 },
      ],
    ],
    [
      'POST /v1/tenures/{id}/end',
      () => [`/v1/tenures/${tenure}/end`, { effectiveDate: '2023-06-01', reason: 'resigned' }],
    ],
    [
      'POST /v1/people/{id}/membership/termination',
      () => [`/v1/people/${officer}/membership/termination`, { effectiveDate: '2023-07-01', reason: 'resigned' }],
    ],
  ];

  it.each(routes)('%s: one stored result and 50 identical answers', async (_, request) => {
    const [url, body] = request();
    const key = `same-key-${randomUUID()}`;
    const before = await store.headPosition();
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () => call('POST', url, body, { 'idempotency-key': key })),
    );
    const distinct = new Set(answers.map((a) => JSON.stringify([a.status, a.body])));
    expect([...distinct]).toHaveLength(1);
    expect(answers[0]!.status).toBeLessThan(300);
    const appended = await store.readAll({ ...(before ? { after: before } : {}) });
    const written = appended.filter((e) => !e.stream.startsWith('idempotency-'));
    // The write's own events once, and one record of the key.
    expect(written.map((e) => e.id)).toEqual(expect.arrayContaining(answers[0]!.body['eventIds'] as string[]));
    expect(new Set(written.map((e) => e.id)).size).toBe(written.length);
    expect(appended.filter((e) => e.stream.startsWith('idempotency-'))).toHaveLength(1);
  });
});
