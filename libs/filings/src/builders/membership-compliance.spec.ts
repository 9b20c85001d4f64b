import { renderCsv } from '../render/render-csv';
import { type FilingMoment } from './filing-moment';
import { lawRuleSets, ruleSetOn } from './law-rule-sets';
import { buildMembershipCompliance } from './membership-compliance';

const moment = (asOf: string, lang: FilingMoment['lang'] = 'ru'): FilingMoment => ({
  lang,
  partyName: { ru: 'Партия «Сынақ»' },
  asOf,
  knownAt: '2024-06-01T09:30:00Z',
  issuedAt: '2024-06-02T10:15:00Z',
});
const KARAGANDA = '350000000';
const ABAI = '100000000';
const EAST = '630000000';

describe('lawRuleSets', () => {
  it('applies the new minimums from the configured day on, the old ones before it', () => {
    const sets = lawRuleSets('2022-11-05');
    expect(ruleSetOn(sets, '2022-11-04')).toMatchObject({ partyMinimum: 20_000, regionMinimum: 600 });
    expect(ruleSetOn(sets, '2022-11-05')).toMatchObject({ partyMinimum: 5_000, regionMinimum: 200 });
    expect(ruleSetOn(lawRuleSets('2023-06-01'), '2023-01-01')).toMatchObject({ partyMinimum: 20_000 });
  });
});

describe('buildMembershipCompliance', () => {
  it('holds a date of 2021 to 20,000 and 600 over the 17 regions of the day', () => {
    const doc = buildMembershipCompliance(moment('2021-06-01'), {
      ruleSets: lawRuleSets('2022-11-05'),
      totalMembers: 21_000,
      regionCounts: new Map([
        [KARAGANDA, 650],
        [EAST, 599],
      ]),
    });
    const [party, regions, below] = doc.sections;
    expect(party!.rows).toEqual([{ organisation: 'Партия «Сынақ»', members: 21_000, minimum: 20_000, shortfall: 0 }]);
    expect(party!.heading).toContain('до изменений 2022 года: не менее 20\u00a0000 членов партии и не менее 600');
    expect(regions!.rows).toHaveLength(17);
    expect(regions!.rows.map((r) => r['region'])).not.toContain('область Абай');
    expect(regions!.rows.find((r) => r['region'] === 'Карагандинская область')).toMatchObject({
      members: 650,
      minimum: 600,
      shortfall: 0,
    });
    expect(regions!.summary).toEqual([{ label: 'members', value: 1249 }]);
    expect(below!.rows).toHaveLength(16);
    expect(below!.rows).toContainEqual({
      rowNumber: expect.any(Number),
      region: 'Восточно-Казахстанская область',
      shortfall: 1,
    });
    expect(below!.heading).toBe('Регионы с численностью ниже минимума: 16');
  });

  it('holds a date of 2023 to 5,000 and 200 over the 20 regions, regions without members at 0', () => {
    const doc = buildMembershipCompliance(moment('2023-06-01', 'en'), {
      ruleSets: lawRuleSets('2022-11-05'),
      totalMembers: 4,
      regionCounts: new Map([
        [KARAGANDA, 3],
        [ABAI, 200],
      ]),
    });
    const [party, regions, below] = doc.sections;
    expect(party!.rows[0]).toMatchObject({ members: 4, minimum: 5_000, shortfall: 4_996 });
    expect(party!.heading).toBe(
      'Law of the RK "On Political Parties" as amended in 2022: at least 5,000 party members and at least 200 members in every region',
    );
    expect(regions!.rows).toHaveLength(20);
    expect(regions!.rows.filter((r) => r['members'] === 0)).toHaveLength(18);
    expect(below!.rows.map((r) => r['region'])).not.toContain('Abai Region');
    expect(below!.rows.find((r) => r['region'] === 'Karaganda Region')).toMatchObject({ shortfall: 197 });
    expect(renderCsv(doc).toString('utf8')).toContain('Karaganda Region,3,200,197');
  });

  it('refuses counts for a region that did not exist on the day', () => {
    const counts = new Map([[ABAI, 1]]);
    expect(() =>
      buildMembershipCompliance(moment('2021-06-01'), {
        ruleSets: lawRuleSets('2022-11-05'),
        totalMembers: 1,
        regionCounts: counts,
      }),
    ).toThrow(/100000000 is not a region on 2021-06-01/);
  });
});
