import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { rawGet, sectionsOf, squash, squashedPdfText } from './filing-test-kit';

/**
 * The compliance filing's late branch registrations, through the real app: a synthetic party
 * registered on 2022-12-01 (after the amendment of 2022-11-05: a year to register its branches),
 * its Karaganda branch registered late, its Abai branch in time, its Astana branch never.
 */
describe('membership compliance: branches not registered within the deadline', () => {
  let t: TestApp;
  const section = async (asOf: string, lang: string) => {
    const answer = await rawGet(t.app, `/v1/filings/membership-compliance?asOf=${asOf}&lang=${lang}`, t.adminKey);
    expect(answer.status).toBe(200);
    return sectionsOf(answer.json())[3]!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const call = client(t.app, t.adminKey);
    const created = async (body: Record<string, unknown>) =>
      expectStatus(await call('POST', '/v1/organisations', body), 201)['id'] as string;
    const register = async (id: string, effectiveDate: string) =>
      expectStatus(
        await call('POST', `/v1/organisations/${id}/registrations`, {
          authority: 'Министерство юстиции',
          effectiveDate,
        }),
      );
    const party = await created({
      kind: 'party',
      name: { ru: 'Партия «Сынақ» (тестовые данные)' },
      effectiveDate: '2022-09-01',
    });
    await register(party, '2022-12-01');
    const branch = (kato: string, ru: string) =>
      created({ kind: 'regional_branch', parentId: party, kato, name: { ru }, effectiveDate: '2023-01-10' });
    await register(await branch('350000000', 'Карагандинский тестовый филиал'), '2024-01-15');
    await register(await branch('100000000', 'Абайский тестовый филиал'), '2023-06-01');
    await branch('710000000', 'Астанинский тестовый филиал');
  });
  afterAll(() => t.close());

  it('lists every region whose branch was not registered by 2023-12-01, with days overdue', async () => {
    const late = await section('2024-06-01', 'ru');
    expect(late.heading).toBe(
      'Регионы, филиал которых не зарегистрирован в течение 12 мес. со дня регистрации партии (2022-12-01; срок — 2023-12-01): 19',
    );
    const byRegion = new Map(late.rows.map((r) => [r['region'], r]));
    expect(byRegion.get('Карагандинская область')).toMatchObject({
      organisation: 'Карагандинский тестовый филиал',
      registrationDate: '2024-01-15',
      deadline: '2023-12-01',
      daysOverdue: 45,
    });
    expect(byRegion.get('город Астана')).toMatchObject({
      organisation: 'Астанинский тестовый филиал',
      registrationDate: null,
      daysOverdue: 183,
    });
    expect(byRegion.get('Акмолинская область')).toMatchObject({ organisation: null, daysOverdue: 183 });
    expect(byRegion.has('область Абай')).toBe(false);
    // On the deadline itself nothing is overdue; before the party's registration no deadline runs.
    expect((await section('2023-12-01', 'ru')).rows).toEqual([]);
    expect((await section('2022-11-30', 'en')).heading).toBe(
      'The party is not registered by 2022-11-30: no branch registration deadline runs yet',
    );
  });

  it('says the same in Kazakh and English, and in CSV and PDF', async () => {
    const kk = await section('2024-06-01', 'kk');
    expect(kk.heading).toBe(
      'Филиалы партия тіркелген күннен (2022-12-01) бастап 12 ай ішінде тіркелмеген өңірлер (мерзімі — 2023-12-01): 19',
    );
    const en = await section('2024-06-01', 'en');
    expect(en.rows.find((r) => r['region'] === 'Karaganda Region')).toMatchObject({ daysOverdue: 45 });
    const csv = await rawGet(t.app, '/v1/filings/membership-compliance?asOf=2024-06-01&lang=en&format=csv', t.adminKey);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('No.,Region,Organisation,Registration date,Deadline,Days overdue\r\n');
    expect(text).toContain('Karaganda Region,Карагандинский тестовый филиал,2024-01-15,2023-12-01,45');
    const pdf = await rawGet(t.app, '/v1/filings/membership-compliance?asOf=2024-06-01&lang=kk&format=pdf', t.adminKey);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfText = await squashedPdfText(pdf.bytes);
    expect(pdfText).toContain(squash('Кешіктірілген күндер'));
    expect(pdfText).toContain(squash('Карагандинский тестовый филиал'));
  });
});
