import {
  getOperations,
  getText,
  isEventStream,
  personalIn,
  readStreamFor,
  urlsOf,
  withoutEcho,
  type Got,
} from './openapi-reads';
import {
  ALL_PERSONAL_VALUES,
  OFFICER,
  PERSONAL_FIELD_NAMES,
  type PersonalDataRegistry,
  startPersonalDataRegistry,
} from './personal-data-fixture';

/**
 * API.md, "Personal data": a registrar key writes people but never reads personal data. Every GET
 * of the OpenAPI document is asked with every id of a registry that holds personal data of each
 * kind (an officer, a member who never held a post, an applicant, an imported member, issued
 * member lists), and no answer may hold any of it. The same sweep with a compliance key finds it
 * (so the scan can fail).
 */
describe('least privilege: a registrar key reads no personal data', () => {
  let d: PersonalDataRegistry;
  let baseUrl: string;
  let eventId: string;

  beforeAll(async () => {
    d = await startPersonalDataRegistry();
    await d.t.app.listen(0, '127.0.0.1');
    baseUrl = await d.t.app.getUrl();
    const feed = JSON.parse((await getText(d.t.app, '/v1/events?limit=1', undefined)).text) as {
      items: Array<{ eventId: string }>;
    };
    eventId = feed.items[0]!.eventId;
  }, 60_000);
  afterAll(() => d.t.close());

  /** Every URL of every GET path asked with the key: url -> answer. */
  async function sweep(key: string): Promise<Map<string, Got>> {
    const answers = new Map<string, Got>();
    const operations = await getOperations(d.t.app);
    expect(operations.length).toBeGreaterThan(25);
    for (const [path, operation] of operations) {
      for (const url of urlsOf(path, operation, d, eventId)) {
        answers.set(
          url,
          isEventStream(operation) ? await readStreamFor(baseUrl, url, key) : await getText(d.t.app, url, key),
        );
      }
    }
    return answers;
  }

  it('answers every GET of the OpenAPI document without a personal value or field', async () => {
    const answers = await sweep(d.registrarKey);
    const leaks = [...answers]
      .map(
        ([url, got]) =>
          [url, got.status, personalIn(withoutEcho(url, got.text), ALL_PERSONAL_VALUES, PERSONAL_FIELD_NAMES)] as const,
      )
      .filter(([, , found]) => found.length > 0);
    expect(leaks).toEqual([]);
    expect([...answers].filter(([, got]) => got.status >= 500)).toEqual([]);

    // Not a sweep of refusals: the registrar reads what is public, and only that.
    const status = (url: string) => answers.get(url)?.status;
    const { ids } = d;
    expect(status(`/v1/people/${ids.officer}`)).toBe(200);
    expect(answers.get(`/v1/people/${ids.officer}`)!.text).toContain(OFFICER.surname);
    expect([ids.member, ids.applicant, ids.imported].map((id) => status(`/v1/people/${id}`))).toEqual([404, 404, 404]);
    expect(status(`/v1/organisations/${ids.branch}/members`)).toBe(403);
    expect(status(`/v1/people/${ids.member}/membership`)).toBe(403);
    expect(status(`/v1/people/${ids.member}/export`)).toBe(403);
    expect(status(`/v1/filings/member-list?organisationId=${ids.branch}`)).toBe(403);
    expect(status(`/v1/filings/${ids.memberListFiling}/document`)).toBe(403);
    expect(status('/v1/audit/access')).toBe(403);
    expect(status(`/v1/organisations/${ids.branch}/officers`)).toBe(200);
    expect(status('/v1/events?limit=500')).toBe(200);
    expect(status('/v1/events/stream')).toBe(200);
    expect(answers.get('/v1/events/stream')!.text).toContain('event: TenureStarted');
    const ok = [...answers.values()].filter((got) => got.status === 200).length;
    expect(ok).toBeGreaterThan(20);
  }, 120_000);

  it('is a sweep that finds personal data where a compliance key may read it', async () => {
    const answers = await sweep(d.complianceKey);
    const { ids } = d;
    const leaky = (url: string) =>
      personalIn(withoutEcho(url, answers.get(url)?.text ?? ''), ALL_PERSONAL_VALUES, PERSONAL_FIELD_NAMES).length > 0;
    expect(
      [
        `/v1/people/${ids.member}`,
        `/v1/people/${ids.applicant}`,
        `/v1/people?q=${encodeURIComponent('Приватова')}`,
        `/v1/people/${ids.member}/membership`,
        `/v1/people/${ids.imported}/export`,
        `/v1/organisations/${ids.branch}/members`,
        `/v1/filings/member-list?organisationId=${ids.branch}`,
        `/v1/filings/${ids.memberListFiling}/document`,
        '/v1/events?limit=500',
        '/v1/events/stream',
      ].filter((url) => !leaky(url)),
    ).toEqual([]);
  }, 120_000);
});
