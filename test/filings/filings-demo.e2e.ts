import { makeIin } from '@baytaq/domain';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { expectStatus } from '../support/http';
import {
  type DemoRegistry,
  rawGet,
  sectionsOf,
  sha256,
  squash,
  squashedPdfText,
  startDemoRegistry,
} from './filing-test-kit';

/**
 * Each filing's content on the demo data, against the seed story's known facts (DOMAIN.md) and
 * against the public read endpoints, never against the code that builds the filings.
 */
const S = SEED_IDS;
const PARTY_KK = 'Қазақстанның «Байтақ» жасылдар партиясы';
const KAZITOV = 'Казитов Сейфул-Малик Туреханович';
const KUDERINOV = 'Кудеринов Мурат Тасбулатович';
const KOZLOVSKY = 'Козловский Артём Валерьевич';
const SYNTHETIC_IIN = makeIin('1990-01-01', 'male', 4242);

describe('filings on the demo data', () => {
  let d: DemoRegistry;
  const preview = async (path: string) => {
    const answer = await rawGet(d.t.app, path, d.complianceKey);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.bytes.toString('utf8')}`);
    return answer;
  };

  beforeAll(async () => {
    d = await startDemoRegistry();
    // One obviously synthetic member with an IIN and a card: the seed story gives neither.
    const person = expectStatus(
      await d.registrar('POST', '/v1/people', {
        name: { surname: 'Синтетов', given: 'Тестжан' },
        iin: SYNTHETIC_IIN,
        birthDate: '1990-01-01',
        citizenship: 'KZ',
      }),
      201,
    )['id'] as string;
    expectStatus(
      await d.registrar('POST', `/v1/people/${person}/membership/admission`, {
        organisationId: S.temirtauCity,
        effectiveDate: '2024-02-01',
        cardNumber: 'SYN-000001',
      }),
    );
  });
  afterAll(() => d.t.close());

  it('structure: the party and the three branches with region, registration, head since, and members', async () => {
    const doc = (await preview('/v1/filings/structure?asOf=2024-06-01')).json();
    const [section] = sectionsOf(doc);
    const row = (organisation: string, kind: string, region: string | null, head: string, since: string) => ({
      organisation,
      kind,
      region,
      head,
      since,
    });
    const shown = section!.rows.map((r) =>
      row(
        r['organisation'] as string,
        r['kind'] as string,
        r['region'] as string,
        r['head'] as string,
        r['since'] as string,
      ),
    );
    expect(shown.slice(0, 2)).toEqual([
      row(PARTY_KK, 'party', null, 'Әміртай Азаматхан', '2022-09-24'),
      row(
        'Карагандинский областной филиал партии «Байтақ»',
        'regional_branch',
        'Карагандинская область',
        KAZITOV,
        '2023-01-10',
      ),
    ]);
    expect(shown.slice(2)).toEqual(
      expect.arrayContaining([
        row('Карагандинский городской филиал', 'city_branch', 'Карагандинская область', KUDERINOV, '2023-01-10'),
        row('Темиртауский городской филиал', 'city_branch', 'Карагандинская область', KOZLOVSKY, '2023-01-10'),
      ]),
    );
    expect(section!.rows).toHaveLength(4);
    expect(section!.rows[0]).toMatchObject({
      rowNumber: 1,
      registrationAuthority: 'Министерство юстиции Республики Казахстан',
      registrationDate: '2022-11-28',
      registrationNumber: null,
      bin: null,
    });
    // Member counts against the public tree: each branch with its sub-branches.
    const tree = expectStatus(
      await d.t.app
        .inject({ method: 'GET', url: '/v1/organisations/tree?asOf=2024-06-01' })
        .then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers })),
    );
    const totals = new Map<string, number>();
    const walk = (
      nodes: Array<{ name: { ru?: string; kk?: string }; totalMemberCount: number; children: unknown[] }>,
    ) =>
      nodes.forEach((n) => {
        totals.set(n.name.ru ?? n.name.kk!, n.totalMemberCount);
        walk(n.children as typeof nodes);
      });
    walk(tree['roots'] as never);
    for (const r of section!.rows)
      expect([r['organisation'], r['memberCount']]).toEqual([
        r['organisation'],
        totals.get(r['organisation'] as string),
      ]);
    expect(section!.rows.slice(0, 2).map((r) => r['memberCount'])).toEqual([5, 4]);
    expect(section!.summary).toEqual([{ label: 'members', value: 5 }]);
  });

  it('leadership-changes: the four elections of the seed story with their basis', async () => {
    const doc = (await preview('/v1/filings/leadership-changes?from=2022-01-01&to=2023-12-31')).json();
    expect(doc).toMatchObject({ asOf: '2023-12-31', period: { from: '2022-01-01', to: '2023-12-31' } });
    const rows = sectionsOf(doc)[0]!.rows;
    const changes = rows.map((r) => [r['effectiveDate'], r['previousHolder'], r['nextHolder'], r['method']]);
    expect(changes[0]).toEqual(['2022-09-24', null, 'Әміртай Азаматхан', 'elected']);
    expect(changes.slice(1).sort()).toEqual(
      [KAZITOV, KOZLOVSKY, KUDERINOV].map((name) => ['2023-01-10', null, name, 'elected']),
    );
    expect(rows[0]).toMatchObject({
      post: 'Председатель партии',
      basis: 'Founding congress of the party, 24 September 2022',
      meeting: null,
    });
    const kazitov = rows.find((r) => r['nextHolder'] === KAZITOV)!;
    expect(kazitov).toMatchObject({
      organisation: 'Карагандинский областной филиал партии «Байтақ»',
      post: 'Председатель областного филиала',
      meeting: 'Общее собрание, 2023-01-10, присутствовало: 128',
      place: 'Temirtau',
      protocolNumber: null,
      votesFor: null,
    });
    // The public succession of each chair says the same.
    const officers = expectStatus(await d.admin('GET', `/v1/organisations/${S.region}/officers?asOf=2023-02-01`));
    const chair = (officers['posts'] as Array<{ id: string; role: string }>).find((p) => p.role === 'chair')!;
    const holders = expectStatus(await d.admin('GET', `/v1/posts/${chair.id}/holders`));
    const [first] = holders['entries'] as Array<{ from: string; method: string; predecessorId: string | null }>;
    expect([kazitov['effectiveDate'], kazitov['method'], kazitov['previousHolder']]).toEqual([
      first!.from,
      first!.method,
      first!.predecessorId,
    ]);
  });

  it('membership-compliance: 5,000 and 200 on 2023-06-01, over 20 regions, as the statistics count', async () => {
    const doc = (await preview('/v1/filings/membership-compliance?asOf=2023-06-01')).json();
    const [party, regions, below] = sectionsOf(doc);
    expect(party!.rows).toEqual([{ organisation: PARTY_KK, members: 4, minimum: 5000, shortfall: 4996 }]);
    const stats = expectStatus(await d.admin('GET', '/v1/statistics/membership?asOf=2023-06-01&groupBy=region'));
    const statRows = stats['rows'] as Array<{ kato: string; name: { ru: string }; count: number }>;
    expect(stats['total']).toBe(3);
    expect(regions!.rows.map((r) => [r['region'], r['members'], r['minimum'], r['shortfall']])).toEqual(
      statRows.map((s) => [s.name.ru, s.count, 200, Math.max(0, 200 - s.count)]),
    );
    expect(regions!.rows).toHaveLength(20);
    expect(below!.rows).toHaveLength(20);
    expect(below!.rows.find((r) => r['region'] === 'Карагандинская область')).toMatchObject({ shortfall: 197 });
  });

  it('member-list: the regional branch with its sub-branches, IIN, admission and card, as the members reads list them', async () => {
    const doc = (await preview(`/v1/filings/member-list?organisationId=${S.region}&asOf=2024-06-01`)).json();
    const [section] = sectionsOf(doc);
    expect(section!.heading).toBe('Карагандинский областной филиал партии «Байтақ», включая нижестоящие филиалы');
    expect(
      section!.rows.map((r) => [r['fullName'], r['iin'], r['admissionDate'], r['cardNumber'], r['organisation']]),
    ).toEqual([
      [KAZITOV, null, '2023-01-10', null, 'Карагандинский областной филиал партии «Байтақ»'],
      [KOZLOVSKY, null, '2023-01-10', null, 'Темиртауский городской филиал'],
      [KUDERINOV, null, '2023-01-10', null, 'Карагандинский городской филиал'],
      ['Синтетов Тестжан', SYNTHETIC_IIN, '2024-02-01', 'SYN-000001', 'Темиртауский городской филиал'],
    ]);
    let listed = 0;
    for (const branch of [S.region, S.karagandaCity, S.temirtauCity]) {
      const members = expectStatus(await d.compliance('GET', `/v1/organisations/${branch}/members?asOf=2024-06-01`));
      listed += (members['items'] as unknown[]).length;
    }
    expect(section!.summary).toEqual([{ label: 'total', value: listed }]);
  });

  it('CSV opens with the BOM, CRLF and the localized columns', async () => {
    const answer = await preview('/v1/filings/structure?asOf=2024-06-01&format=csv&lang=kk');
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('inline; filename="structure-2024-06-01-kk.csv"');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = answer.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '№,Ұйым,Түрі,Өңір,Тіркеуші орган,Тіркеу нөмірі,БСН,Тіркелген күні,Басшы,Қызметке кіріскен күні,Мүшелер саны',
    );
    expect(lines[1]).toBe(
      `1,${PARTY_KK},Партия,,Министерство юстиции Республики Казахстан,,,2022-11-28,Әміртай Азаматхан,2022-09-24,5`,
    );
    const members = await preview(
      `/v1/filings/member-list?organisationId=${S.temirtauCity}&asOf=2024-06-01&format=csv`,
    );
    expect(members.bytes.toString('utf8').split('\r\n')[0]).toBe(
      '\ufeff№,"Фамилия, имя, отчество",ИИН,Дата вступления в партию,Номер партийного билета',
    );
  });

  it('PDF: A4 in Russian with the Cyrillic names and the hash of its data in the text', async () => {
    const answer = await preview('/v1/filings/structure?asOf=2024-06-01&format=pdf');
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['content-disposition']).toBe('inline; filename="structure-2024-06-01-ru.pdf"');
    expect(answer.headers['x-content-sha256']).toBe(sha256(answer.bytes));
    const text = await squashedPdfText(answer.bytes);
    for (const name of [KAZITOV, KUDERINOV, KOZLOVSKY, 'Әміртай Азаматхан', 'Сведения о структуре партии']) {
      expect(text).toContain(squash(name));
    }
    expect(text).toContain(squash(`SHA-256 данных: ${answer.headers['x-data-sha256'] as string}`));
    expect(text).toContain(squash('Страница 1 из 1'));
  });

  it('serves the JSON data whose SHA-256 the PDF footer prints', async () => {
    const answer = await preview('/v1/filings/membership-compliance?asOf=2023-06-01');
    expect(answer.headers['x-data-sha256']).toBe(sha256(answer.bytes));
  });
});
