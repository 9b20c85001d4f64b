import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessEntry } from '../../apps/registry/src/disclosure/access-record.store';
import { client, expectStatus } from '../support/http';
import { ALL_PERSONAL_VALUES, type PersonalDataRegistry, startPersonalDataRegistry } from './personal-data-fixture';

type Entry = AccessEntry;

/**
 * API.md, "Personal data": every read of personal data is recorded (actor, endpoint, person ids,
 * time, correlation id) and admin reads the record at GET /v1/audit/access. The test makes reads
 * of every kind with a compliance key, public reads with it, and reads with a registrar key and
 * none; the record must list exactly the first, each with the people its answer held.
 */
describe('the access record', () => {
  let d: PersonalDataRegistry;
  let expected: Array<[string, string, string, string[]]>;
  let audit: (query?: string) => Promise<{ items: Entry[]; next: string | null }>;
  let before: string;
  let between: string;

  beforeAll(async () => {
    d = await startPersonalDataRegistry();
    const { ids } = d;
    const admin = client(d.t.app, d.t.adminKey);
    audit = async (query = '') =>
      expectStatus(await admin('GET', `/v1/audit/access${query}`)) as unknown as {
        items: Entry[];
        next: string | null;
      };
    const get = async (key: string | undefined, url: string, requestId: string, status = 200) => {
      const headers: Record<string, string> = { 'x-request-id': requestId, 'x-correlation-id': `corr-${requestId}` };
      if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
      const res = await d.t.app.inject({ method: 'GET', url, headers });
      expect([url, res.statusCode]).toEqual([url, status]);
    };
    const all = [ids.officer, ids.member, ids.applicant, ids.imported];
    const members = [ids.officer, ids.member, ids.imported];
    const personal: Array<[string, string, string, string[]]> = [
      ['r-person', 'GET /v1/people/{id}', `/v1/people/${ids.member}`, [ids.member]],
      ['r-search', 'GET /v1/people', '/v1/people', [ids.member]],
      ['r-membership', 'GET /v1/people/{id}/membership', `/v1/people/${ids.member}/membership`, [ids.member]],
      ['r-members', 'GET /v1/organisations/{id}/members', `/v1/organisations/${ids.branch}/members`, members],
      ['r-list', 'GET /v1/filings/member-list', '/v1/filings/member-list', members],
      ['r-document', 'GET /v1/filings/{id}/document', `/v1/filings/${ids.memberListFiling}/document`, members],
      ['r-export', 'GET /v1/people/{id}/export', `/v1/people/${ids.applicant}/export`, [ids.applicant]],
      ['r-feed', 'GET /v1/events', '/v1/events', all],
    ];
    const query: Record<string, string> = {
      'r-search': `?q=${encodeURIComponent('Приватова')}`,
      'r-list': `?organisationId=${ids.branch}&asOf=2023-06-01`,
      'r-feed': '?limit=500',
    };
    before = new Date().toISOString();
    for (const [requestId, , path] of personal.slice(0, 4)) {
      await get(d.complianceKey, `${path}${query[requestId] ?? ''}`, requestId);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    between = new Date().toISOString();
    for (const [requestId, , path] of personal.slice(4)) {
      await get(d.complianceKey, `${path}${query[requestId] ?? ''}`, requestId);
    }
    // Public data, whoever reads it, and refusals: none of these is in the record.
    await get(d.complianceKey, '/v1/organisations/tree', 'c-tree');
    await get(d.complianceKey, `/v1/organisations/${ids.branch}/officers`, 'c-officers');
    await get(d.complianceKey, `/v1/people/${ids.officer}/positions`, 'c-positions');
    await get(d.complianceKey, '/v1/filings/structure', 'c-structure');
    await get(d.complianceKey, `/v1/filings/${ids.filing}/document`, 'c-structure-doc');
    await get(d.complianceKey, `/v1/events?types=OrganisationEstablished`, 'c-feed-public');
    await get(d.complianceKey, `/v1/people?q=${encodeURIComponent('Несуществующий')}`, 'c-search-none');
    await get(d.registrarKey, `/v1/people/${ids.officer}`, 'g-officer');
    await get(d.registrarKey, `/v1/people/${ids.member}`, 'g-member', 404);
    await get(d.registrarKey, '/v1/events?limit=500', 'g-feed');
    await get(d.registrarKey, `/v1/organisations/${ids.branch}/members`, 'g-members', 403);
    await get(undefined, `/v1/people/${ids.officer}`, 'p-officer');
    await get(undefined, '/v1/events', 'p-feed');
    expected = personal;
  }, 60_000);
  afterAll(() => d.t.close());

  const shape = (e: Entry) => [e.requestId, e.endpoint, e.path, [...e.personIds].sort()];
  const expectedShape = (rows: Array<[string, string, string, string[]]>) =>
    rows.map(([requestId, endpoint, path, ids]) => [requestId, endpoint, path, [...ids].sort()]);

  it('lists exactly the reads of personal data, in order, with the people each answer held', async () => {
    const { items, next } = await audit();
    expect(next).toBeNull();
    expect(items.map(shape)).toEqual(expectedShape(expected));
    for (const entry of items) {
      expect(entry.actor).toBe('compliance-desk');
      expect(entry.correlationId).toBe(`corr-${entry.requestId}`);
      expect(entry.at >= before && entry.at <= new Date().toISOString()).toBe(true);
    }
  });

  it('filters by person, actor and time, and pages', async () => {
    const { ids } = d;
    const requests = async (query: string) => (await audit(query)).items.map((e) => e.requestId);
    expect(await requests(`?personId=${ids.applicant}`)).toEqual(['r-export', 'r-feed']);
    expect(await requests(`?personId=${ids.officer.toUpperCase()}`)).toEqual([
      'r-members',
      'r-list',
      'r-document',
      'r-feed',
    ]);
    expect(await requests('?actor=registrar-desk')).toEqual([]);
    expect(await requests(`?actor=compliance-desk&to=${encodeURIComponent(between)}`)).toEqual(
      expected.slice(0, 4).map((e) => e[0]),
    );
    expect(await requests(`?from=${encodeURIComponent(between)}&personId=${ids.member}`)).toEqual([
      'r-list',
      'r-document',
      'r-feed',
    ]);
    const walked: string[] = [];
    for (let cursor = ''; ;) {
      const page = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      walked.push(...page.items.map((e) => e.requestId));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(walked).toEqual(expected.map((e) => e[0]));
  });

  it('refuses bad filters with 400 naming them, and anyone but admin with 403', async () => {
    const admin = client(d.t.app, d.t.adminKey);
    const bad = await admin('GET', '/v1/audit/access?personId=nobody&from=yesterday&limit=0&cursor=zz');
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'cursor',
      'from',
      'limit',
      'personId',
    ]);
    for (const key of [d.complianceKey, d.registrarKey]) {
      expect((await client(d.t.app, key)('GET', '/v1/audit/access')).status).toBe(403);
    }
  });

  it('keeps its own WAL file beside the store, holding ids and no personal data', async () => {
    const file = join(d.t.dataDir, 'access.sqlite');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const bytes = readdirSync(d.t.dataDir)
      .filter((name) => name.startsWith('access.sqlite'))
      .map((name) => readFileSync(join(d.t.dataDir, name)));
    const text = Buffer.concat(bytes).toString('latin1');
    const utf8 = Buffer.concat(bytes).toString('utf8');
    expect(ALL_PERSONAL_VALUES.filter((v) => text.includes(v) || utf8.includes(v))).toEqual([]);
    // The record's content is there to be found (so the scan can find something): the actor's name.
    expect(text.includes('compliance-desk')).toBe(true);
  });
});
