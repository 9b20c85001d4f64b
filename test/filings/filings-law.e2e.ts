import { randomUUID } from 'node:crypto';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';
import { type Call, rawGet, sectionsOf } from './filing-test-kit';

/**
 * The membership compliance report against the law's dated minimums, on a synthetic party that
 * existed in 2021 (the seed party did not): a city branch in the territory that became the Abai
 * region in 2022 counts toward East Kazakhstan before the split and toward Abai after it.
 */
const EAST_KAZAKHSTAN = '630000000';
const SEMEY = '101010000';
const KARAGANDA = '350000000';

async function syntheticParty(call: Call): Promise<void> {
  const created = async (body: Record<string, unknown>) =>
    expectStatus(await call('POST', '/v1/organisations', body), 201)['id'] as string;
  const party = await created({
    kind: 'party',
    name: { ru: 'Партия «Сынақ» (тестовые данные)' },
    effectiveDate: '2020-01-15',
  });
  const branch = (kind: string, parentId: string, kato: string, ru: string) =>
    created({ id: randomUUID(), kind, parentId, kato, name: { ru }, effectiveDate: '2020-02-01' });
  const east = await branch('regional_branch', party, EAST_KAZAKHSTAN, 'Восточный тестовый филиал');
  const semey = await branch('city_branch', east, SEMEY, 'Семейский тестовый филиал');
  const karaganda = await branch('regional_branch', party, KARAGANDA, 'Карагандинский тестовый филиал');
  const writes = registryWrites(call);
  const placed: Array<[string, number]> = [
    [party, 1],
    [east, 2],
    [semey, 3],
    [karaganda, 1],
  ];
  for (const [organisationId, count] of placed) {
    for (let i = 0; i < count; i++) await writes.member('Синтетиков', organisationId, '2020-03-01');
  }
}

describe('membership compliance against the dated minimums of the law', () => {
  const apps: TestApp[] = [];
  const compliance = async (t: TestApp, asOf: string, lang = 'ru') => {
    const answer = await rawGet(t.app, `/v1/filings/membership-compliance?asOf=${asOf}&lang=${lang}`, t.adminKey);
    expect(answer.status).toBe(200);
    const [party, regions, below] = sectionsOf(answer.json());
    const byRegion = new Map(regions!.rows.map((r) => [r['region'], r]));
    return { party: party!, regions: regions!, below: below!, byRegion };
  };
  const start = async (env: Record<string, string> = {}) => {
    const t = await startTestApp(env);
    apps.push(t);
    await syntheticParty(client(t.app, t.adminKey));
    return t;
  };
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  it('holds 2021 to 20,000 and 600 over 17 regions, and 2023 to 5,000 and 200 over 20', async () => {
    const t = await start();
    const old = await compliance(t, '2021-06-01');
    expect(old.party.rows).toEqual([
      { organisation: 'Партия «Сынақ» (тестовые данные)', members: 7, minimum: 20_000, shortfall: 19_993 },
    ]);
    expect(old.regions.rows).toHaveLength(17);
    expect(old.byRegion.has('область Абай')).toBe(false);
    expect(old.byRegion.get('Восточно-Казахстанская область')).toMatchObject({
      members: 5,
      minimum: 600,
      shortfall: 595,
    });
    expect(old.byRegion.get('Карагандинская область')).toMatchObject({ members: 1, shortfall: 599 });
    expect(old.below.rows).toHaveLength(17);

    const now = await compliance(t, '2023-06-01', 'en');
    expect(now.party.rows[0]).toMatchObject({ members: 7, minimum: 5_000, shortfall: 4_993 });
    expect(now.regions.rows).toHaveLength(20);
    expect(now.byRegion.get('Abai Region')).toMatchObject({ members: 3, minimum: 200, shortfall: 197 });
    expect(now.byRegion.get('East Kazakhstan Region')).toMatchObject({ members: 2, shortfall: 198 });
    expect(now.regions.summary).toEqual([{ label: 'members', value: 6 }]);
    // The public statistics count the same members per region on both days.
    for (const asOf of ['2021-06-01', '2023-06-01']) {
      const stats = expectStatus(await client(t.app, t.adminKey)('GET', `/v1/statistics/membership?asOf=${asOf}`));
      const counts = (stats['rows'] as Array<{ count: number }>).map((r) => r.count);
      const report = await compliance(t, asOf);
      expect(report.regions.rows.map((r) => r['members'])).toEqual(counts);
    }
  });

  it('takes the day the amendment applies from REGISTRY_LAW_2022_EFFECTIVE', async () => {
    const t = await start({ REGISTRY_LAW_2022_EFFECTIVE: '2023-07-01' });
    expect((await compliance(t, '2023-06-30')).party.rows[0]).toMatchObject({ minimum: 20_000 });
    expect((await compliance(t, '2023-07-01')).party.rows[0]).toMatchObject({ minimum: 5_000 });
    expect((await compliance(t, '2023-06-30')).regions.rows).toHaveLength(20);
  });
});
