import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { expectStatus } from '../support/http';
import { type DemoRegistry, startDemoRegistry } from './filing-test-kit';

const S = SEED_IDS;

interface PendingItem {
  eventId: string;
  type: string;
  category: string;
  organisationId: string;
  effectiveDate: string;
  retracted: { at: string } | null;
  reportedIn: string | null;
}

describe('GET /v1/filings/pending', () => {
  let d: DemoRegistry;
  const pending = async () => expectStatus(await d.compliance('GET', '/v1/filings/pending'))['items'] as PendingItem[];
  const issue = async (body: Record<string, unknown>) =>
    expectStatus(await d.compliance('POST', '/v1/filings', body), 201)['id'] as string;

  beforeAll(async () => {
    d = await startDemoRegistry();
  });
  afterAll(() => d.t.close());

  it('before any filing lists every change of the seed story, bodies left out of the structure', async () => {
    const items = await pending();
    const leadership = items.filter((i) => i.category === 'leadership');
    expect(leadership.map((i) => [i.type, i.effectiveDate]).sort()).toEqual([
      ['TenureStarted', '2022-09-24'],
      ['TenureStarted', '2023-01-10'],
      ['TenureStarted', '2023-01-10'],
      ['TenureStarted', '2023-01-10'],
    ]);
    const structure = items.filter((i) => i.category === 'structure');
    expect(structure.map((i) => i.organisationId).sort()).toEqual(
      [S.party, S.party, S.region, S.karagandaCity, S.temirtauCity].sort(),
    );
    expect(structure.map((i) => i.type).sort()).toEqual([
      'OrganisationEstablished',
      'OrganisationEstablished',
      'OrganisationEstablished',
      'OrganisationEstablished',
      'OrganisationRegistered',
    ]);
  });

  it('lists a leadership change recorded after the last filing that covers its date, and not those before', async () => {
    const filing = await issue({ kind: 'leadership-changes', from: '2022-01-01', to: '2024-12-31' });
    expect((await pending()).filter((i) => i.category === 'leadership')).toEqual([]);
    const officers = expectStatus(await d.admin('GET', `/v1/organisations/${S.region}/officers?asOf=2023-02-01`));
    const chair = (officers['posts'] as Array<{ role: string; holders: Array<{ tenureId: string }> }>).find(
      (p) => p.role === 'chair',
    )!;
    const ended = expectStatus(
      await d.registrar('POST', `/v1/tenures/${chair.holders[0]!.tenureId}/end`, {
        effectiveDate: '2024-03-01',
        reason: 'resigned',
      }),
    );
    const leadership = (await pending()).filter((i) => i.category === 'leadership');
    expect(leadership.map((i) => [i.eventId, i.type, i.effectiveDate, i.organisationId])).toEqual([
      [(ended['eventIds'] as string[])[0], 'TenureEnded', '2024-03-01', S.region],
    ]);
    const record = expectStatus(await d.compliance('GET', '/v1/filings/pending'));
    expect(record['lastFiled']).toMatchObject({ 'leadership-changes': { id: filing } });
    // A filing of another period does not cover it; one of its period does.
    await issue({ kind: 'leadership-changes', from: '2025-01-01', to: '2025-12-31' });
    expect((await pending()).filter((i) => i.category === 'leadership')).toHaveLength(1);
    await issue({ kind: 'leadership-changes', from: '2024-03-01', to: '2024-03-01' });
    expect((await pending()).filter((i) => i.category === 'leadership')).toEqual([]);
  });

  it('lists a reported structure change once it is retracted, until a filing covers the retraction', async () => {
    const renamed = expectStatus(
      await d.registrar('POST', `/v1/organisations/${S.karagandaCity}/renamings`, {
        name: { ru: 'Карагандинский филиал (опечатка)' },
        effectiveDate: '2024-01-01',
      }),
    );
    const renaming = (renamed['eventIds'] as string[])[0]!;
    expect((await pending()).filter((i) => i.category === 'structure').map((i) => i.eventId)).toContain(renaming);
    const filed = await issue({ kind: 'structure', asOf: '2024-06-01', format: 'pdf' });
    expect((await pending()).filter((i) => i.category === 'structure')).toEqual([]);
    expectStatus(await d.registrar('POST', `/v1/events/${renaming}/retraction`, { reason: 'entered in error' }));
    expect((await pending()).filter((i) => i.category === 'structure')).toEqual([
      expect.objectContaining({ eventId: renaming, reportedIn: filed, retracted: expect.objectContaining({}) }),
    ]);
    await issue({ kind: 'structure', asOf: '2024-06-01' });
    expect((await pending()).filter((i) => i.category === 'structure')).toEqual([]);
  });
});
