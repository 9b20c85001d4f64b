import { renderCsv } from '../render/render-csv';
import { type BranchRegistrationData } from './branch-registration';
import { type FilingMoment } from './filing-moment';
import { branchDeadline, lawRuleSets, ruleSetOn } from './law-rule-sets';
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

  it('dates the initiative group and the branch deadline the same way: 1,000 and six months, then 700 and a year', () => {
    const sets = lawRuleSets('2022-11-05');
    expect(ruleSetOn(sets, '2022-11-04')).toMatchObject({ initiativeGroup: 1_000, branchDeadlineMonths: 6 });
    expect(ruleSetOn(sets, '2022-11-05')).toMatchObject({ initiativeGroup: 700, branchDeadlineMonths: 12 });
  });

  it("counts the deadline in months from the party's registration, to the month's end when it is shorter", () => {
    expect(branchDeadline('2022-11-28', 12)).toBe('2023-11-28');
    expect(branchDeadline('2022-08-31', 6)).toBe('2023-02-28');
    expect(branchDeadline('2023-08-31', 6)).toBe('2024-02-29');
  });
});

/** The party registered on 2022-11-28; Karaganda's branch registered late, Abai's in time, none elsewhere. */
const branches: BranchRegistrationData = {
  partyRegistered: '2022-11-28',
  regionalBranches: [
    { kato: '350000000', name: { ru: 'Карагандинский филиал', en: 'Karaganda branch' }, registered: '2023-12-10' },
    { kato: '100000000', name: { ru: 'Абайский филиал', en: 'Abai branch' }, registered: '2023-06-01' },
    { kato: '710000000', name: { ru: 'Астанинский филиал', en: 'Astana branch' }, registered: null },
  ],
};

describe('buildMembershipCompliance: branches not registered within the deadline', () => {
  const build = (asOf: string, lang: FilingMoment['lang'], data: Partial<BranchRegistrationData> = {}) =>
    buildMembershipCompliance(moment(asOf, lang), {
      ruleSets: lawRuleSets('2022-11-05'),
      totalMembers: 0,
      regionCounts: new Map(),
      ...branches,
      ...data,
    }).sections[3]!;

  it('lists the regions without a branch, the branches not registered and those registered late, with days overdue', () => {
    const late = build('2024-06-01', 'en');
    expect(late.heading).toBe(
      "Regions whose branch was not registered within 12 months of the party's registration (2022-11-28; deadline 2023-11-28): 19",
    );
    expect(late.rows).toHaveLength(19);
    expect(late.rows.find((r) => r['region'] === 'Karaganda Region')).toEqual({
      rowNumber: expect.any(Number),
      region: 'Karaganda Region',
      organisation: 'Karaganda branch',
      registrationDate: '2023-12-10',
      deadline: '2023-11-28',
      daysOverdue: 12,
    });
    expect(late.rows.find((r) => r['region'] === 'Astana')).toMatchObject({
      organisation: 'Astana branch',
      registrationDate: null,
      daysOverdue: 186,
    });
    expect(late.rows.find((r) => r['region'] === 'Akmola Region')).toMatchObject({
      organisation: null,
      daysOverdue: 186,
    });
    expect(late.rows.map((r) => r['region'])).not.toContain('Abai Region');
    expect(late.rows.map((r) => r['rowNumber'])).toEqual(late.rows.map((_, i) => i + 1));
    expect(renderCsv(buildMembershipComplianceDoc('2024-06-01', 'en')).toString('utf8')).toContain(
      'Karaganda Region,Karaganda branch,2023-12-10,2023-11-28,12',
    );
  });

  it('lists nothing up to the deadline, and says no deadline runs before the party is registered, in each language', () => {
    expect(build('2023-11-28', 'ru').rows).toEqual([]);
    // Karaganda registers only on 2023-12-10: on the 29th it is overdue, unregistered.
    expect(build('2023-11-29', 'ru').rows).toHaveLength(19);
    expect(build('2023-11-29', 'ru').rows.find((r) => r['organisation'] === 'Карагандинский филиал')).toMatchObject({
      registrationDate: null,
      daysOverdue: 1,
    });
    expect(build('2023-11-29', 'ru').heading).toBe(
      'Регионы, филиал которых не зарегистрирован в течение 12 мес. со дня регистрации партии (2022-11-28; срок — 2023-11-28): 19',
    );
    expect(build('2023-11-29', 'kk').heading).toBe(
      'Филиалы партия тіркелген күннен (2022-11-28) бастап 12 ай ішінде тіркелмеген өңірлер (мерзімі — 2023-11-28): 19',
    );
    const unregistered = { partyRegistered: null };
    expect(build('2024-06-01', 'ru', unregistered)).toMatchObject({
      heading: 'Партия не зарегистрирована на 2024-06-01: срок регистрации филиалов не исчисляется',
      rows: [],
    });
    expect(build('2024-06-01', 'kk', unregistered).heading).toBe(
      '2024-06-01 күні партия тіркелмеген: филиалдарды тіркеу мерзімі есептелмейді',
    );
    expect(build('2024-06-01', 'en', unregistered).heading).toBe(
      'The party is not registered by 2024-06-01: no branch registration deadline runs yet',
    );
  });

  it('applies the deadline in force on the day: six months before the amendment', () => {
    const before = build('2022-10-01', 'en', { partyRegistered: '2022-01-10', regionalBranches: [] });
    expect(before.heading).toContain('within 6 months');
    expect(before.rows[0]).toMatchObject({ deadline: '2022-07-10', daysOverdue: 83 });
    expect(before.rows).toHaveLength(20);
  });
});

function buildMembershipComplianceDoc(asOf: string, lang: FilingMoment['lang']) {
  return buildMembershipCompliance(moment(asOf, lang), {
    ruleSets: lawRuleSets('2022-11-05'),
    totalMembers: 0,
    regionCounts: new Map(),
    ...branches,
  });
}

describe('buildMembershipCompliance', () => {
  it('holds a date of 2021 to 20,000 and 600 over the 17 regions of the day', () => {
    const doc = buildMembershipCompliance(moment('2021-06-01'), {
      ...branches,
      ruleSets: lawRuleSets('2022-11-05'),
      totalMembers: 21_000,
      regionCounts: new Map([
        [KARAGANDA, 650],
        [EAST, 599],
      ]),
    });
    const [party, regions, below] = doc.sections;
    expect(party!.rows).toEqual([{ organisation: 'Партия «Сынақ»', members: 21_000, minimum: 20_000, shortfall: 0 }]);
    expect(party!.heading).toContain(
      'до изменений 2022 года: инициативная группа не менее 1\u00a0000 граждан, не менее 20\u00a0000 членов партии и не менее 600',
    );
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
      ...branches,
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
      'Law of the RK "On Political Parties" as amended in 2022: an initiative group of at least 700 citizens, at least 5,000 party members and at least 200 members in every region',
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
        ...branches,
        ruleSets: lawRuleSets('2022-11-05'),
        totalMembers: 1,
        regionCounts: counts,
      }),
    ).toThrow(/100000000 is not a region on 2021-06-01/);
  });
});
