import { renderJson } from '../render/render-json';
import { type FilingMoment } from './filing-moment';
import { buildStructure, type StructureNode } from './structure';

const moment = (asOf: string, lang: FilingMoment['lang'] = 'ru'): FilingMoment => ({
  lang,
  partyName: { ru: 'Партия «Сынақ»', kk: '«Сынақ» партиясы' },
  asOf,
  knownAt: '2024-06-01T09:30:00Z',
  issuedAt: '2024-06-02T10:15:00Z',
});

const node = (over: Partial<StructureNode> & Pick<StructureNode, 'kind' | 'name'>): StructureNode => ({
  status: 'active',
  kato: null,
  registration: null,
  head: null,
  memberCount: 0,
  children: [],
  ...over,
});

// A city in the Ulytau region's territory (KATO 62…): Karaganda's before 2022-06-08, Ulytau's after.
const tree: StructureNode[] = [
  node({
    kind: 'party',
    name: { ru: 'Партия «Сынақ»' },
    registration: { authority: 'Министерство юстиции', number: '1-П', bin: '000000000001', date: '2020-02-01' },
    head: {
      name: { surname: 'Тестов', given: 'Тест', patronymic: 'Тестович' },
      since: '2020-01-10',
      method: 'elected',
    },
    memberCount: 12,
    children: [
      node({
        kind: 'regional_branch',
        name: { ru: 'Тестовый филиал', kk: 'Сынақ филиалы' },
        kato: '621010000',
        head: { name: { surname: 'Үлгіев', given: 'Сынақ' }, since: '2021-03-15', method: 'acting' },
        memberCount: 9,
        children: [
          node({ kind: 'body', name: { ru: 'Совет' } }),
          node({ kind: 'city_branch', name: { ru: 'Закрытый филиал' }, status: 'dissolved' }),
          node({ kind: 'city_branch', name: { ru: 'Городской филиал' }, kato: '621010000', memberCount: 4 }),
        ],
      }),
    ],
  }),
];

describe('buildStructure', () => {
  it('lists the party and its active branches depth first, with region, registration, head and members', () => {
    const doc = buildStructure(moment('2021-06-01'), { roots: tree });
    const [section] = doc.sections;
    expect(section!.rows).toEqual([
      {
        rowNumber: 1,
        organisation: 'Партия «Сынақ»',
        kind: 'party',
        region: null,
        registrationAuthority: 'Министерство юстиции',
        registrationNumber: '1-П',
        bin: '000000000001',
        registrationDate: '2020-02-01',
        head: 'Тестов Тест Тестович',
        since: '2020-01-10',
        memberCount: 12,
      },
      expect.objectContaining({
        rowNumber: 2,
        organisation: 'Тестовый филиал',
        region: 'Карагандинская область',
        head: 'Үлгіев Сынақ (временно исполняющий обязанности)',
        since: '2021-03-15',
        bin: null,
      }),
      expect.objectContaining({ rowNumber: 3, organisation: 'Городской филиал', head: null, memberCount: 4 }),
    ]);
    expect(section!.summary).toEqual([{ label: 'members', value: 12 }]);
    expect(doc).toMatchObject({ kind: 'structure', title: 'Сведения о структуре партии', asOf: '2021-06-01' });
    expect(() => renderJson(doc)).not.toThrow();
  });

  it('names the region as it was on the day, in the language of the document', () => {
    const after = buildStructure(moment('2023-01-01', 'kk'), { roots: tree });
    expect(after.sections[0]!.rows.map((r) => r['region'])).toEqual([null, 'Ұлытау облысы', 'Ұлытау облысы']);
    expect(after.sections[0]!.rows[1]!['organisation']).toBe('Сынақ филиалы');
  });
});
