import { randomUUID } from 'node:crypto';
import { makeIin } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus as ok } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** Rules whose facts live in other streams: the app must load them (the domain tests cover the rules themselves). */
describe('rules across streams', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let store: EventStore;
  let w: ReturnType<typeof registryWrites>;
  const party = randomUUID();

  const establish = async (kind: string, parentId: string, effectiveDate = '2023-01-10') =>
    ok(
      await call('POST', '/v1/organisations', {
        kind,
        parentId,
        name: { ru: `Синтетический ${kind}` },
        kato: '350000000',
        effectiveDate,
      }),
      201,
    )['id'] as string;

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    store = t.app.get(EVENT_STORE);
    await w.establishParty(party);
  });
  afterAll(() => t.close());

  it('keeps an IIN to one person (409 iin.taken); a client-chosen id cannot register twice', async () => {
    const iin = makeIin('1991-04-04', 'female', 7);
    const id = randomUUID();
    const person = { id, name: { surname: 'Уникальная', given: 'Синтетика' }, citizenship: 'KZ', iin };
    ok(await call('POST', '/v1/people', person), 201);
    const twice = await call('POST', '/v1/people', person);
    expect([twice.status, twice.body['code']]).toEqual([409, 'person.already_registered']);
    const other = await call('POST', '/v1/people', {
      ...person,
      id: randomUUID(),
      name: { surname: 'Другая', given: 'Синтетика' },
    });
    expect([other.status, other.body['code']]).toEqual([409, 'iin.taken']);
    const streams = new Set((await store.readAll()).map((e) => e.stream));
    expect([...streams].some((s) => s.includes(iin))).toBe(false);
  });

  it('refuses to dissolve a branch with an active sub-branch, then with an active member', async () => {
    const region = await establish('regional_branch', party);
    const city = await establish('city_branch', region);
    const refused = await call('POST', `/v1/organisations/${region}/dissolution`, {
      effectiveDate: '2024-01-01',
      reason: 'decision',
    });
    expect([refused.status, refused.body['code']]).toEqual([409, 'organisation.has_active_children']);
    ok(
      await call('POST', `/v1/organisations/${city}/dissolution`, { effectiveDate: '2023-12-01', reason: 'decision' }),
    );

    const member = ok(
      await call('POST', '/v1/people', {
        name: { surname: 'Членова', given: 'Синтетика' },
        citizenship: 'KZ',
        birthDate: '1980-01-01',
      }),
      201,
    )['id'];
    ok(
      await call('POST', `/v1/people/${member}/membership/admission`, {
        organisationId: region,
        effectiveDate: '2023-02-01',
      }),
    );
    const withMember = await call('POST', `/v1/organisations/${region}/dissolution`, {
      effectiveDate: '2024-01-01',
      reason: 'decision',
    });
    expect([withMember.status, withMember.body['code']]).toEqual([409, 'organisation.has_active_members']);
    ok(
      await call('POST', `/v1/people/${member}/membership/transfer`, {
        organisationId: party,
        effectiveDate: '2023-12-15',
      }),
    );
    ok(
      await call('POST', `/v1/organisations/${region}/dissolution`, {
        effectiveDate: '2024-01-01',
        reason: 'decision',
      }),
    );
  });

  it('refuses a branch under a dissolved parent, and an admission to an unknown branch', async () => {
    const region = await establish('regional_branch', party);
    ok(
      await call('POST', `/v1/organisations/${region}/dissolution`, {
        effectiveDate: '2023-06-01',
        reason: 'decision',
      }),
    );
    const late = await call('POST', '/v1/organisations', {
      kind: 'city_branch',
      parentId: region,
      name: { ru: 'Поздний' },
      kato: '351000000',
      effectiveDate: '2023-07-01',
    });
    expect(late.status).toBe(409);
    const person = ok(
      await call('POST', '/v1/people', {
        name: { surname: 'Ищущая', given: 'Синтетика' },
        citizenship: 'KZ',
        birthDate: '1980-01-01',
      }),
      201,
    )['id'];
    const unknown = await call('POST', `/v1/people/${person}/membership/admission`, {
      organisationId: randomUUID(),
      effectiveDate: '2023-02-01',
    });
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'organisation.not_found']);
  });

  it('stores concurrent retries of one idempotent request once', async () => {
    const body = { name: { surname: 'Гонкина', given: 'Синтетика' }, citizenship: 'KZ' };
    const headers = { 'idempotency-key': `race-${randomUUID()}` };
    const before = (await store.readAll()).length;
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', '/v1/people', body, headers)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body['id'])).size).toBe(1);
    const people = (await store.readAll()).slice(before).filter((e) => e.type === 'PersonRegistered');
    expect(people).toHaveLength(1);
  });
});
