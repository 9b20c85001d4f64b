import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { makeIin } from '@baytaq/domain';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** One table of refusals across the write endpoints: each with its status and stable code, and nothing appended. */
describe('refusals of the write API', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  const party = randomUUID();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    await w.establishParty(party);
    const person = async (body: Record<string, unknown>) =>
      ok(
        await call('POST', '/v1/people', {
          name: { surname: 'Отказов', given: 'Синтетик' },
          citizenship: 'KZ',
          birthDate: '1980-01-01',
          ...body,
        }),
        201,
      )['id'] as string;
    ids['member'] = await person({});
    ok(
      await call('POST', `/v1/people/${ids['member']}/membership/admission`, {
        organisationId: party,
        effectiveDate: '2022-10-01',
      }),
    );
    ids['outsider'] = await person({});
    ids['minor'] = await person({ birthDate: '2010-01-01' });
    ids['foreigner'] = await person({ citizenship: 'RU' });
    ids['council'] = await w.createPost(party, 'member', 'Член совета', '2022-10-01');
    ok(await w.startTenure(ids['council'], ids['member'], '2022-10-01'), 201);
    ids['region'] = ok(
      await call('POST', '/v1/organisations', {
        kind: 'regional_branch',
        parentId: party,
        kato: '350000000',
        name: { ru: 'Ф' },
        effectiveDate: '2023-01-10',
      }),
      201,
    )['id'] as string;
  });
  afterAll(() => t.close());

  const cases: Array<[string, () => [string, unknown], number, string]> = [
    [
      'a registration of an unknown organisation',
      () => [`/v1/organisations/${randomUUID()}/registrations`, { authority: 'Минюст', effectiveDate: '2023-01-01' }],
      404,
      'organisation.not_found',
    ],
    [
      'a branch under an unknown parent',
      () => [
        '/v1/organisations',
        {
          kind: 'regional_branch',
          parentId: randomUUID(),
          kato: '350000000',
          name: { ru: 'Ф' },
          effectiveDate: '2023-01-10',
        },
      ],
      404,
      'organisation.parent_not_found',
    ],
    [
      'a party with a parent',
      () => [
        '/v1/organisations',
        { kind: 'party', parentId: party, name: { ru: 'Вторая' }, effectiveDate: '2023-01-10' },
      ],
      422,
      'organisation.invalid_parent',
    ],
    [
      'a branch before its parent existed',
      () => [
        '/v1/organisations',
        {
          kind: 'regional_branch',
          parentId: party,
          kato: '350000000',
          name: { ru: 'Рано' },
          effectiveDate: '2022-01-01',
        },
      ],
      409,
      'organisation.parent_inactive',
    ],
    [
      'a post of an unknown organisation',
      () => [
        `/v1/organisations/${randomUUID()}/posts`,
        { title: { ru: 'П' }, role: 'chair', effectiveDate: '2023-01-10' },
      ],
      404,
      'organisation.not_found',
    ],
    [
      'a post whose id names a post of another organisation',
      () => [
        `/v1/organisations/${ids['region']}/posts`,
        { id: ids['council'], title: { ru: 'П' }, role: 'chair', effectiveDate: '2023-01-10' },
      ],
      409,
      'post.already_exists',
    ],
    [
      'the end of an unknown tenure',
      () => [`/v1/tenures/${randomUUID()}/end`, { effectiveDate: '2023-01-10', reason: 'resigned' }],
      404,
      'tenure.not_found',
    ],
    [
      'a second, overlapping tenure of one person in one post',
      () => [
        `/v1/posts/${ids['council']}/tenures`,
        { personId: ids['member'], effectiveDate: '2023-01-10', method: 'elected' },
      ],
      409,
      'tenure.overlap',
    ],
    [
      'an admission of a member',
      () => [
        `/v1/people/${ids['member']}/membership/admission`,
        { organisationId: party, effectiveDate: '2023-01-10' },
      ],
      409,
      'membership.already_member',
    ],
    [
      'an admission under 18',
      () => [`/v1/people/${ids['minor']}/membership/admission`, { organisationId: party, effectiveDate: '2023-01-10' }],
      409,
      'membership.underage',
    ],
    [
      'an admission of a foreign citizen',
      () => [
        `/v1/people/${ids['foreigner']}/membership/admission`,
        { organisationId: party, effectiveDate: '2023-01-10' },
      ],
      409,
      'membership.not_citizen',
    ],
    [
      'an admission of an unknown person',
      () => [`/v1/people/${randomUUID()}/membership/admission`, { organisationId: party, effectiveDate: '2023-01-10' }],
      404,
      'person.not_found',
    ],
    [
      'a transfer of a non-member',
      () => [
        `/v1/people/${ids['outsider']}/membership/transfer`,
        { organisationId: party, effectiveDate: '2023-01-10' },
      ],
      409,
      'membership.not_member',
    ],
    [
      'a termination of a non-member',
      () => [
        `/v1/people/${ids['outsider']}/membership/termination`,
        { effectiveDate: '2023-01-10', reason: 'resigned' },
      ],
      409,
      'membership.not_member',
    ],
    [
      'a meeting of an unknown organisation',
      () => [
        '/v1/meetings',
        {
          organisationId: randomUUID(),
          kind: 'congress',
          date: '2023-01-10',
          place: 'Астана',
          attendance: 10,
          agenda: ['Отчёт'],
        },
      ],
      404,
      'meeting.organisation_not_found',
    ],
    [
      'a person whose name is not in Cyrillic, without reserving the valid IIN sent with it',
      () => [
        '/v1/people',
        { name: { surname: 'Smith', given: 'John' }, citizenship: 'KZ', iin: makeIin('1980-01-01', 'male', 9) },
      ],
      422,
      'name.invalid',
    ],
    [
      'a retraction without a reason',
      () => [`/v1/events/${randomUUID()}/retraction`, {}],
      400,
      'request.validation_failed',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, request, status, code) => {
    const [path, body] = request();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const answer = await call('POST', path, body);
    expect([answer.status, answer.body['code']]).toEqual([status, code]);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(await store.headPosition()).toBe(head);
  });
});
