import { makeIin, type MultilingualName } from '@baytaq/domain';
import { type FilingDocument, type FilingLang, type FilingSection } from '../filing-document';
import { kindTitle } from '../labels';

/** Obviously synthetic documents for the renderers' tests and samples: no real person or party. */
export const SAMPLE_PARTY: MultilingualName = {
  ru: 'Партия «Сынақ» (тестовые данные)',
  kk: '«Сынақ» партиясы (сынақ деректері)',
  en: 'Party "Synaq" (test data)',
};

export const TRICKY_CELL = 'Протокол №7, пункт "2"\nвторая строка';
export const FORMULA_CELL = '=HYPERLINK("http://example.invalid")';

const SURNAMES = ['Тестов', 'Сынақов', 'Үлгіев', 'Әміртаев', 'Қалыпов', 'Өрнекова', 'Ғылымов', 'Һәмзин'];
const GIVEN = ['Тест', 'Сынақ', 'Үлгі', 'Іңкәр', 'Ұлан'];

function base(kind: FilingDocument['kind'], lang: FilingLang, sections: FilingSection[]): FilingDocument {
  return {
    kind,
    lang,
    partyName: SAMPLE_PARTY,
    title: kindTitle(kind, lang),
    asOf: '2024-06-01',
    knownAt: '2024-06-01T09:30:00Z',
    issuedAt: '2024-06-02T10:15:00Z',
    sections,
  };
}

/** A member list of `count` generated members; the first two carry the names the tests look for. */
export function sampleMemberList(lang: FilingLang, count: number): FilingDocument {
  const rows = Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 1,
    fullName:
      i === 0
        ? 'Тестов Тест Тестович'
        : i === 1
          ? 'Әміртаев Сынақ'
          : `${SURNAMES[i % SURNAMES.length]} ${GIVEN[i % GIVEN.length]} ${String(i).padStart(4, '0')}`,
    iin: makeIin(`19${String(60 + (i % 40))}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'female' : 'male', 1000 + i),
    admissionDate: '2023-01-10',
    cardNumber: `T-${String(i + 1).padStart(6, '0')}`,
  }));
  const section: FilingSection = {
    heading: lang === 'kk' ? 'Сынақ өңірлік филиалы' : lang === 'ru' ? 'Тестовый региональный филиал' : 'Test branch',
    columns: [
      { key: 'rowNumber', label: 'rowNumber' },
      { key: 'fullName', label: 'fullName' },
      { key: 'iin', label: 'iin' },
      { key: 'admissionDate', label: 'admissionDate' },
      { key: 'cardNumber', label: 'cardNumber' },
    ],
    rows,
    summary: [{ label: 'total', value: count }],
  };
  return base('member-list', lang, [section]);
}

/** The branch structure, with an awkward basis cell (comma, quotes, newline) and a formula-like one. */
export function sampleStructure(lang: FilingLang): FilingDocument {
  const columns = [
    { key: 'organisation', label: 'organisation' },
    { key: 'kind', label: 'kind', values: 'organisationKind' },
    { key: 'region', label: 'region' },
    { key: 'bin', label: 'bin' },
    { key: 'head', label: 'head' },
    { key: 'memberCount', label: 'memberCount' },
    { key: 'basis', label: 'basis' },
  ] as const;
  const rows = [
    row('Партия «Сынақ»', 'party', null, '000000000001', 'Тестов Тест Тестович', 21000, 'Съезд, протокол №1'),
    row(
      'Тестовый региональный филиал',
      'regional_branch',
      'Тестовая область',
      '000000000002',
      'Әміртаев Сынақ',
      640,
      TRICKY_CELL,
    ),
    row('Тестовый городской филиал', 'city_branch', 'Тестовая область', null, null, 12, FORMULA_CELL),
  ];
  return base('structure', lang, [{ columns, rows, summary: [{ label: 'total', value: 21652 }] }]);

  function row(...cells: [string, string, string | null, string | null, string | null, number, string]) {
    const [organisation, kind, region, bin, head, memberCount, basis] = cells;
    return { organisation, kind, region, bin, head, memberCount, basis };
  }
}

/** Leadership changes: twelve columns, so the renderer turns the page to landscape. */
export function sampleLeadershipChanges(lang: FilingLang): FilingDocument {
  const keys = [
    'organisation',
    'post',
    'previousHolder',
    'nextHolder',
    'effectiveDate',
    'method',
    'meeting',
    'place',
    'protocolNumber',
    'votesFor',
    'votesAgainst',
    'votesAbstained',
  ] as const;
  const columns = keys.map((key) =>
    key === 'method' ? { key, label: key, values: 'tenureMethod' as const } : { key, label: key },
  );
  const rows = [
    {
      organisation: 'Тестовый региональный филиал',
      post: 'Председатель филиала',
      previousHolder: 'Тестов Тест Тестович',
      nextHolder: 'Әміртаев Сынақ',
      effectiveDate: '2024-03-15',
      method: 'elected',
      meeting: 'Конференция филиала',
      place: 'г. Тестовск',
      protocolNumber: '3',
      votesFor: 97,
      votesAgainst: 2,
      votesAbstained: 1,
    },
  ];
  return { ...base('leadership-changes', lang, [{ columns, rows }]), period: { from: '2024-01-01', to: '2024-06-01' } };
}
