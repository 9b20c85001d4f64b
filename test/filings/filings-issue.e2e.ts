import { randomUUID } from 'node:crypto';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import {
  type DemoRegistry,
  momentBetween,
  rawGet,
  sectionsOf,
  sha256,
  squash,
  startDemoRegistry,
} from './filing-test-kit';

const S = SEED_IDS;
const TYPO = 'Темиртауский филиал (опечатка)';

describe('issuing filings and making them again', () => {
  let d: DemoRegistry;
  const issue = async (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    expectStatus(await d.compliance('POST', '/v1/filings', body, headers), 201);
  const documentOf = async (id: string) => {
    const answer = await rawGet(d.t.app, `/v1/filings/${id}/document`, d.complianceKey);
    expect(answer.status).toBe(200);
    return answer;
  };
  const namesIn = (doc: Record<string, unknown>) => sectionsOf(doc)[0]!.rows.map((r) => r['organisation']);

  beforeAll(async () => {
    d = await startDemoRegistry();
  });
  afterAll(() => d.t.close());

  it.each(['json', 'csv', 'pdf'])(
    'records a %s filing with an explicit knownAt and its SHA-256, and regenerates the same bytes after later writes',
    async (format) => {
      const written = await issue({ kind: 'structure', asOf: '2024-06-01', format, lang: 'ru' });
      expect(written).toEqual({
        id: expect.any(String),
        revision: 0,
        position: expect.any(String),
        eventIds: [expect.any(String)],
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const record = expectStatus(await d.compliance('GET', `/v1/filings/${written['id'] as string}`));
      expect(record).toMatchObject({
        filingId: written['id'],
        kind: 'structure',
        parameters: { asOf: '2024-06-01', knownAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
        format,
        lang: 'ru',
        sha256: written['sha256'],
        actor: 'compliance-desk',
      });
      const first = await documentOf(written['id'] as string);
      expect(sha256(first.bytes)).toBe(record['sha256']);
      expect(first.headers['repr-digest']).toBe(
        `sha-256=:${Buffer.from(record['sha256'] as string, 'hex').toString('base64')}:`,
      );
      expect(first.bytes.length).toBe(record['byteLength']);
      // A member admitted later changes what a new preview shows, not what was issued.
      const writes = registryWrites(d.registrar);
      await writes.member('Позжеев', S.temirtauCity, '2024-05-01');
      const again = await documentOf(written['id'] as string);
      expect(sha256(again.bytes)).toBe(record['sha256']);
      const now = await rawGet(d.t.app, `/v1/filings/structure?asOf=2024-06-01&format=${format}`, d.complianceKey);
      // JSON and PDF carry their moment of issue, so only the CSV's bytes can tell the content apart.
      if (format === 'csv') expect(sha256(now.bytes)).not.toBe(record['sha256']);
      if (format === 'json') {
        const members = (doc: Record<string, unknown>) => sectionsOf(doc)[0]!.rows[0]!['memberCount'] as number;
        expect(members(now.json())).toBe(members(again.json()) + 1);
      }
      if (format === 'pdf') {
        const parsed = await pdfParse(again.bytes);
        expect(squash(parsed.text)).toContain(record['dataSha256']);
        const issuedAt = (record['issuedAt'] as string).replace(/[-:T]/g, '').slice(0, 14);
        expect(parsed.info['CreationDate']).toBe(`D:${issuedAt}Z`);
      }
    },
  );

  it('a filing as known before a retraction still shows the retracted facts; one after does not', async () => {
    const renamed = expectStatus(
      await d.registrar('POST', `/v1/organisations/${S.temirtauCity}/renamings`, {
        name: { ru: TYPO },
        effectiveDate: '2024-01-01',
      }),
    );
    const mistaken = await registryWrites(d.registrar).registerPerson('Ошибкин');
    const admitted = expectStatus(
      await d.registrar('POST', `/v1/people/${mistaken}/membership/admission`, {
        organisationId: S.karagandaCity,
        effectiveDate: '2024-02-01',
      }),
    );
    const beforeRetraction = await momentBetween();
    for (const write of [renamed, admitted]) {
      const eventId = (write['eventIds'] as string[])[0]!;
      expectStatus(await d.registrar('POST', `/v1/events/${eventId}/retraction`, { reason: 'entered in error' }));
    }
    const before = await issue({ kind: 'structure', asOf: '2024-06-01', knownAt: beforeRetraction });
    const after = await issue({ kind: 'structure', asOf: '2024-06-01' });
    const [was, is] = [await documentOf(before['id'] as string), await documentOf(after['id'] as string)];
    expect(namesIn(was.json())).toContain(TYPO);
    expect(namesIn(is.json())).not.toContain(TYPO);
    const karaganda = (doc: Record<string, unknown>) =>
      sectionsOf(doc)[0]!.rows.find((r) => r['organisation'] === 'Карагандинский городской филиал')!['memberCount'];
    expect((karaganda(was.json()) as number) - (karaganda(is.json()) as number)).toBe(1);
    expect(was.json()['knownAt']).toBe(beforeRetraction);
  });

  it('answers a repeated Idempotency-Key with the first issue, and a reused one with another body with 422', async () => {
    const body = { kind: 'membership-compliance', asOf: '2023-06-01', format: 'csv' };
    const first = await d.compliance('POST', '/v1/filings', body, { 'idempotency-key': 'filing-once' });
    const second = await d.compliance('POST', '/v1/filings', body, { 'idempotency-key': 'filing-once' });
    expect([first.status, second.status, second.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(second.body).toEqual(first.body);
    const other = await d.compliance(
      'POST',
      '/v1/filings',
      { ...body, lang: 'en' },
      { 'idempotency-key': 'filing-once' },
    );
    expect([other.status, other.body['code']]).toEqual([422, 'idempotency.key_reused']);
    const again = await d.compliance('POST', '/v1/filings', { ...body, id: first.body['id'] });
    expect([again.status, again.body['code']]).toEqual([409, 'filing.already_issued']);
    const upper = randomUUID().toUpperCase();
    expect((await issue({ kind: 'structure', id: upper }))['id']).toBe(upper.toLowerCase());
    expectStatus(await d.compliance('GET', `/v1/filings/${upper}`));
  });

  it('keeps filings out of the public event feed; compliance sees them', async () => {
    const publicFeed = await d.t.app.inject({ method: 'GET', url: '/v1/events?limit=500' });
    const publicTypes = (publicFeed.json() as { items: Array<{ type: string; stream: string }> }).items;
    expect(publicTypes.length).toBeGreaterThan(0);
    expect(publicTypes.filter((e) => e.type === 'FilingIssued' || e.stream.startsWith('filing-'))).toEqual([]);
    const privileged = expectStatus(await d.compliance('GET', '/v1/events?limit=500&types=FilingIssued'));
    expect((privileged['items'] as unknown[]).length).toBeGreaterThan(0);
  });
});
