import { randomUUID } from 'node:crypto';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

const ERASE = { reason: 'Retention period over', legalBasis: 'Law of RK No. 94-V, art. 12' };

/**
 * The retention report: with REGISTRY_RETENTION_YEARS 5, as of 2026-01-01 a former member whose
 * last membership ended on or before 2021-01-01 and who never held a post is listed, nobody else.
 */
describe('retention report (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists exactly the former members due, records the read, and erases them in one admin request', async () => {
    const call = client(t.app, t.adminKey);
    const w = registryWrites(call);
    const party = await w.establishParty(randomUUID(), '2014-01-01');
    const terminate = async (id: string, effectiveDate: string) =>
      expectStatus(
        await call('POST', `/v1/people/${id}/membership/termination`, { effectiveDate, reason: 'resigned' }),
      );
    const due = [
      await w.member('Давноушедший', party, '2015-01-10'),
      await w.member('Давноушедшая', party, '2016-02-01'),
    ];
    await terminate(due[0]!, '2019-06-01');
    await terminate(due[1]!, '2020-12-31');
    const recent = await w.member('Недавноушедший', party, '2015-01-10');
    await terminate(recent, '2024-01-01');
    const member = await w.member('Действующий', party, '2015-01-10');
    const returned = await w.member('Вернувшийся', party, '2015-01-10');
    await terminate(returned, '2018-01-01');
    expectStatus(
      await call('POST', `/v1/people/${returned}/membership/admission`, {
        organisationId: party,
        effectiveDate: '2020-01-01',
      }),
    );
    const officer = await w.member('Бывшийпредседатель', party, '2015-01-10');
    const post = await w.createPost(party, 'chair', 'Председатель', '2014-01-01');
    expectStatus(await w.startTenure(post, officer, '2016-01-01'), 201);
    await terminate(officer, '2019-06-01');

    const report = expectStatus(await call('GET', '/v1/retention/people?asOf=2026-01-01&limit=1'));
    expect(report).toMatchObject({ retentionYears: 5, endedOnOrBefore: '2021-01-01', next: expect.any(String) });
    const second = expectStatus(
      await call('GET', `/v1/retention/people?asOf=2026-01-01&limit=1&cursor=${String(report['next'])}`),
    );
    expect(second['next']).toBeNull();
    const listed = [...(report['items'] as object[]), ...(second['items'] as object[])];
    expect(listed).toEqual(
      [...due].sort().map((personId) => ({
        personId,
        name: expect.objectContaining({ surname: personId === due[0] ? 'Давноушедший' : 'Давноушедшая' }),
        membershipEndedOn: personId === due[0] ? '2019-06-01' : '2020-12-31',
      })),
    );
    for (const id of [recent, member, returned, officer]) expect(JSON.stringify(listed)).not.toContain(id);

    const audit = expectStatus(await call('GET', '/v1/audit/access'));
    const reads = (audit['items'] as Array<{ endpoint: string; personIds: string[] }>).filter(
      (e) => e.endpoint === 'GET /v1/retention/people',
    );
    expect(reads.flatMap((e) => e.personIds).sort()).toEqual([...due].sort());

    const registrar = client(
      t.app,
      expectStatus(await call('POST', '/v1/keys', { name: 'registrar-r', roles: ['registrar'] }), 201)['key'] as string,
    );
    expect((await registrar('GET', '/v1/retention/people')).status).toBe(403);
    const compliance = client(
      t.app,
      expectStatus(await call('POST', '/v1/keys', { name: 'compliance-r', roles: ['compliance'] }), 201)[
        'key'
      ] as string,
    );
    expect((await compliance('POST', '/v1/retention/erasures', { ...ERASE, asOf: '2026-01-01' })).status).toBe(403);
    const bad = await call('POST', '/v1/retention/erasures', { ...ERASE, asOf: '2026-02-30', limit: 0 });
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['asOf', 'limit']);

    const first = expectStatus(
      await call('POST', '/v1/retention/erasures', { ...ERASE, asOf: '2026-01-01', limit: 1 }),
    );
    expect(first).toMatchObject({ more: true, erased: [{ personId: [...due].sort()[0] }] });
    const rest = expectStatus(await call('POST', '/v1/retention/erasures', { ...ERASE, asOf: '2026-01-01' }));
    expect(rest).toMatchObject({ more: false, erased: [{ personId: [...due].sort()[1] }] });
    for (const id of due) {
      expect(expectStatus(await call('GET', `/v1/people/${id}`))).toMatchObject({ erased: { on: expect.any(String) } });
    }
    expect(expectStatus(await call('GET', `/v1/people/${recent}`))).toMatchObject({ erased: null });
    expect(expectStatus(await call('GET', '/v1/retention/people?asOf=2026-01-01'))['items']).toEqual([]);
    const again = expectStatus(await call('POST', '/v1/retention/erasures', { ...ERASE, asOf: '2026-01-01' }));
    expect(again).toMatchObject({ erased: [], more: false });
  });
});
