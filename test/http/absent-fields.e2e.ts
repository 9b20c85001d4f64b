import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus as ok, type Answer } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/** Paths inside a value that hold null. */
function nullsIn(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value as object).flatMap(([key, inner]) => nullsIn(inner, path ? `${path}.${key}` : key));
}

/**
 * A null sent for an optional field is that field left out, on every write; a required field left
 * out or sent as null is one `required` error naming it.
 */
describe('absent and null fields over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let call: ReturnType<typeof client>;
  const ids = { party: randomUUID(), region: randomUUID(), meeting: randomUUID(), post: randomUUID() };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    call = client(t.app, t.adminKey);
  });
  afterAll(() => t.close());

  /** The data of the events a write appended. */
  const appended = async (answer: Answer): Promise<Array<Record<string, unknown>>> => {
    const eventIds = answer.body['eventIds'] as string[];
    const events = await store.readAll();
    return events.filter((e) => eventIds.includes(e.id)).map((e) => e.data as Record<string, unknown>);
  };

  /** A write that must be accepted with this status; the data of the events it appended. */
  const write = async (path: string, body: Record<string, unknown>, status = 200) => {
    const answer = await call('POST', path, body);
    ok(answer, status);
    const data = await appended(answer);
    expect(data.length).toBeGreaterThan(0);
    return Object.assign(data, { id: answer.body['id'] as string });
  };
  const noNulls = (data: Array<Record<string, unknown>>) => expect(data.flatMap((d) => nullsIn(d))).toEqual([]);
  const basis = { meetingId: null, protocolNumber: null, document: null, votes: null };

  it('takes null for every optional field of every write as the field left out', async () => {
    const { party, region, meeting, post } = ids;
    const dated = (effectiveDate: string) => ({ effectiveDate, basis: null });
    noNulls(
      await write(
        '/v1/organisations',
        {
          id: party,
          kind: 'party',
          name: { kk: null, ru: 'Байтак', en: null },
          parentId: null,
          bodyType: null,
          kato: null,
          ...dated('2022-09-24'),
        },
        201,
      ),
    );
    noNulls(
      await write(`/v1/organisations/${party}/registrations`, {
        authority: 'Минюст',
        number: null,
        bin: null,
        effectiveDate: '2022-11-28',
      }),
    );
    const recorded = await write(
      '/v1/meetings',
      {
        id: meeting,
        organisationId: party,
        kind: 'conference',
        date: '2023-01-10',
        place: 'Темиртау',
        attendance: 120,
        quorum: null,
        protocolNumber: null,
        agenda: null,
      },
      201,
    );
    noNulls(recorded);
    expect(recorded[0]).toMatchObject({ agenda: [] });
    expect(recorded[0]).not.toHaveProperty('quorum');
    noNulls(
      await write(
        '/v1/organisations',
        {
          id: region,
          kind: 'regional_branch',
          parentId: party,
          kato: '350000000',
          name: { ru: 'Карагандинский филиал' },
          bodyType: null,
          effectiveDate: '2023-01-11',
          basis: { ...basis, meetingId: meeting },
        },
        201,
      ),
    );
    noNulls(
      await write(`/v1/organisations/${region}/renamings`, {
        name: { ru: 'Карагандинский областной филиал', kk: null },
        ...dated('2023-02-01'),
      }),
    );
    noNulls(
      await write(
        `/v1/organisations/${region}/posts`,
        { id: post, title: { ru: 'Председатель', en: null }, role: 'chair', ...dated('2023-02-01') },
        201,
      ),
    );
    const chair = await write(
      '/v1/people',
      {
        id: null,
        name: { surname: 'Нулев', given: 'Синтетик', patronymic: null },
        citizenship: 'KZ',
        birthDate: '1980-01-01',
        latinName: null,
        iin: null,
        contacts: null,
      },
      201,
    );
    noNulls(chair);
    const person = chair.id;
    noNulls(
      await write(`/v1/people/${person}/details`, {
        name: null,
        latinName: null,
        iin: null,
        birthDate: null,
        contacts: { phone: null, email: null, address: 'Синтетическая улица, 1' },
        citizenship: null,
        reason: 'corrected',
        effectiveDate: '2023-01-01',
      }),
    );
    noNulls(
      await write(`/v1/people/${person}/membership/admission`, {
        organisationId: region,
        cardNumber: null,
        ageAttested: null,
        end: null,
        ...dated('2023-02-01'),
      }),
    );
    const tenure = await write(
      `/v1/posts/${post}/tenures`,
      { id: null, personId: person, method: 'elected', end: null, ...dated('2023-02-02') },
      201,
    );
    noNulls(tenure);
    noNulls(await write(`/v1/tenures/${tenure.id}/end`, { reason: 'resigned', ...dated('2023-03-01') }));
    noNulls(await write(`/v1/people/${person}/membership/suspension`, dated('2023-04-01')));
    noNulls(await write(`/v1/people/${person}/membership/reinstatement`, dated('2023-04-15')));
    noNulls(await write(`/v1/people/${person}/membership/transfer`, { organisationId: party, ...dated('2023-05-01') }));
    noNulls(await write(`/v1/people/${person}/membership/termination`, { reason: 'resigned', ...dated('2023-06-01') }));
    noNulls(await write(`/v1/posts/${post}/abolition`, dated('2023-07-01')));
    noNulls(
      await write(`/v1/organisations/${region}/dissolution`, {
        reason: 'decision',
        successorIds: null,
        ...dated('2023-08-01'),
      }),
    );
  });

  it('keeps a null where it means something: a post with seats null has unlimited seats', async () => {
    const unlimited = await write(
      `/v1/organisations/${ids.party}/posts`,
      { title: { ru: 'Член совета' }, role: 'member', seats: null, effectiveDate: '2023-09-01' },
      201,
    );
    expect(unlimited[0]).toMatchObject({ seats: null });
    const single = await write(
      `/v1/organisations/${ids.party}/posts`,
      { title: { ru: 'Секретарь' }, role: 'secretary', effectiveDate: '2023-09-01' },
      201,
    );
    expect(single[0]!['seats']).not.toBeNull();
  });

  /** Each required field missing, and sent as null: one `required` error per field, nothing else. */
  it.each([
    ['/v1/organisations', {}, ['kind', 'name', 'effectiveDate']],
    ['/v1/organisations', { kind: 'party', name: null, effectiveDate: null }, ['name', 'effectiveDate']],
    ['/v1/organisations/:party/registrations', {}, ['authority', 'effectiveDate']],
    ['/v1/organisations/:party/renamings', { name: {} }, ['effectiveDate']],
    ['/v1/organisations/:party/dissolution', { effectiveDate: '2024-01-01' }, ['reason']],
    ['/v1/organisations/:party/posts', { title: { ru: 'Пост' }, role: null }, ['role', 'effectiveDate']],
    [
      '/v1/organisations/:party/renamings',
      { name: { ru: 'Б' }, effectiveDate: '2024-01-01', basis: { votes: { for: 3 } } },
      ['basis.votes.against', 'basis.votes.abstained'],
    ],
    ['/v1/posts/:post/tenures', { effectiveDate: '2024-01-01' }, ['personId', 'method']],
    ['/v1/tenures/:post/end', { effectiveDate: '2024-01-01', basis: {} }, ['reason']],
    ['/v1/posts/:post/abolition', { basis: null }, ['effectiveDate']],
    ['/v1/people', {}, ['name', 'citizenship']],
    [
      '/v1/people',
      { name: { patronymic: 'Тестович' }, citizenship: 'KZ', latinName: { surname: null } },
      ['name.surname', 'name.given', 'latinName.surname', 'latinName.given'],
    ],
    ['/v1/people/:party/details', { name: {} }, ['name.surname', 'name.given', 'reason', 'effectiveDate']],
    [
      '/v1/people/:party/membership/admission',
      { end: {} },
      ['organisationId', 'effectiveDate', 'end.effectiveDate', 'end.reason'],
    ],
    ['/v1/people/:party/membership/transfer', {}, ['organisationId', 'effectiveDate']],
    ['/v1/people/:party/membership/suspension', {}, ['effectiveDate']],
    ['/v1/people/:party/membership/termination', { effectiveDate: '2024-01-01' }, ['reason']],
    ['/v1/meetings', { agenda: ['Отчёт'] }, ['organisationId', 'kind', 'date', 'place', 'attendance']],
    ['/v1/events/:party/retraction', { reason: null }, ['reason']],
    ['/v1/keys', {}, ['name', 'roles']],
  ])('%s %j: required %j', async (route, body, fields) => {
    const path = route.replace(':party', ids.party).replace(':post', ids.post);
    const head = await store.headPosition();
    const answer = await call('POST', path, body);
    expect([answer.status, answer.body['code']]).toEqual([400, 'request.validation_failed']);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const errors = answer.body['errors'] as Array<{ field: string; code: string; message: string }>;
    expect(errors.map((e) => e.field).sort()).toEqual([...fields].sort());
    expect(errors.every((e) => e.code === 'required' && e.message === `${e.field} is required`)).toBe(true);
    expect(await store.headPosition()).toBe(head);
  });

  it('records a meeting without agenda, quorum or protocol number', async () => {
    const [data] = await write(
      '/v1/meetings',
      { organisationId: ids.party, kind: 'conference', date: '2023-03-01', place: 'Астана', attendance: 80 },
      201,
    );
    expect(data).toMatchObject({ agenda: [], attendance: 80 });
    expect(data).not.toHaveProperty('quorum');
    expect(data).not.toHaveProperty('protocolNumber');
  });
});
