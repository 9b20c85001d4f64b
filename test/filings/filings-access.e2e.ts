import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { expectStatus } from '../support/http';
import { type DemoRegistry, rawGet, startDemoRegistry } from './filing-test-kit';

const S = SEED_IDS;
const COUNCIL = '/v1/organisations';

describe('filings: who may ask, and what is refused', () => {
  let d: DemoRegistry;
  const status = async (url: string, key?: string) => {
    const answer = await rawGet(d.t.app, url, key);
    return [answer.status, answer.status >= 400 ? answer.json()['code'] : null];
  };

  beforeAll(async () => {
    d = await startDemoRegistry();
  });
  afterAll(() => d.t.close());

  it('lets compliance (or admin) preview, issue and read filings, and no one else', async () => {
    for (const url of [
      '/v1/filings/structure',
      '/v1/filings/leadership-changes?from=2023-01-01',
      '/v1/filings/membership-compliance',
    ]) {
      expect([url, ...(await status(url))]).toEqual([url, 401, 'auth.unauthenticated']);
      expect([url, ...(await status(url, d.registrarKey))]).toEqual([url, 403, 'auth.forbidden']);
      expect([url, ...(await status(url, d.complianceKey))]).toEqual([url, 200, null]);
    }
    const list = `/v1/filings/member-list?organisationId=${S.region}`;
    expect(await status(list)).toEqual([401, 'auth.unauthenticated']);
    expect(await status(list, d.registrarKey)).toEqual([403, 'auth.forbidden']);
    expect(await status(list, d.complianceKey)).toEqual([200, null]);
    expect(await status('/v1/filings/pending', d.registrarKey)).toEqual([403, 'auth.forbidden']);
    const denied = await d.registrar('POST', '/v1/filings', { kind: 'structure' });
    expect([denied.status, denied.body['code']]).toEqual([403, 'auth.forbidden']);
    const id = expectStatus(await d.compliance('POST', '/v1/filings', { kind: 'structure' }), 201)['id'] as string;
    expect(await status(`/v1/filings/${id}`, d.registrarKey)).toEqual([403, 'auth.forbidden']);
    expect(await status(`/v1/filings/${id}/document`)).toEqual([401, 'auth.unauthenticated']);
  });

  it('answers bad parameters with 400 naming every field', async () => {
    const fields = async (url: string) => {
      const answer = await rawGet(d.t.app, url, d.complianceKey);
      expect([url, answer.status]).toEqual([url, 400]);
      return (answer.json()['errors'] as Array<{ field: string }>).map((e) => e.field).sort();
    };
    expect(await fields('/v1/filings/leadership-changes?to=2023-01-01')).toEqual(['from']);
    expect(await fields('/v1/filings/leadership-changes?from=2023-02-01&to=2023-01-01')).toEqual(['from']);
    expect(await fields('/v1/filings/leadership-changes?from=2023-01-01&to=2023-12-31&asOf=2023-06-01')).toEqual([
      'asOf',
    ]);
    expect(await fields('/v1/filings/structure?format=xml&lang=de&asOf=2023-02-30&from=2023-01-01')).toEqual([
      'asOf',
      'format',
      'from',
      'lang',
    ]);
    expect(await fields('/v1/filings/member-list')).toEqual(['organisationId']);
    expect(await fields(`/v1/filings/structure?organisationId=${S.region}&knownAt=yesterday`)).toEqual([
      'knownAt',
      'organisationId',
    ]);
    const bad = await d.compliance('POST', '/v1/filings', { kind: 'census', format: 'doc' });
    expect([bad.status, bad.body['code']]).toEqual([400, 'request.validation_failed']);
  });

  it('refuses what cannot be filed with 404 or 422, never 500', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await status(`/v1/filings/structure?knownAt=${future}`, d.complianceKey)).toEqual([
      422,
      'filing.known_at_not_past',
    ]);
    expect(await status('/v1/filings/structure?asOf=2021-06-01', d.complianceKey)).toEqual([422, 'filing.no_party']);
    expect(await status(`/v1/filings/member-list?organisationId=${randomUUID()}`, d.complianceKey)).toEqual([
      404,
      'organisation.not_found',
    ]);
    const region = expectStatus(await d.admin('GET', `${COUNCIL}/${S.region}`));
    const body = (region['children'] as Array<{ id: string; kind: string }>).find((c) => c.kind === 'body')!;
    expect(await status(`/v1/filings/member-list?organisationId=${body.id}`, d.complianceKey)).toEqual([
      422,
      'filing.not_a_branch',
    ]);
    expect(await status(`/v1/filings/member-list?organisationId=${S.region}&asOf=2022-12-01`, d.complianceKey)).toEqual(
      [422, 'organisation.not_active'],
    );
    expect(await status(`/v1/filings/${randomUUID()}`, d.complianceKey)).toEqual([404, 'filing.not_found']);
    expect(await status('/v1/filings/census', d.complianceKey)).toEqual([404, 'filing.not_found']);
  });
});
