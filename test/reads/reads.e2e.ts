import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { type Answer, client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every read endpoint on the seed story, plus later entries: a resignation, a vacancy and an
 * acting chair, a mistaken renaming and a mistaken admission, both retracted.
 */
const S = SEED_IDS;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('reads on the demo data', () => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let compliance: ReturnType<typeof client>;
  let registrar: ReturnType<typeof client>;
  let chairPost: string;
  let synthetic: string;
  /** Recorded after the mistakes and before their retraction. */
  let beforeRetraction: string;
  let lastPosition: string;

  const get = (url: string, as: ReturnType<typeof client> | null = null): Promise<Answer> =>
    as
      ? as('GET', url)
      : t.app
          .inject({ method: 'GET', url })
          .then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers }));

  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
    admin = client(t.app, t.adminKey);
    for (const [name, roles] of [
      ['compliance-desk', ['compliance']],
      ['branch-office', ['registrar']],
    ] as const) {
      const issued = expectStatus(await admin('POST', '/v1/keys', { name, roles }), 201);
      if (name === 'compliance-desk') compliance = client(t.app, issued['key'] as string);
      else registrar = client(t.app, issued['key'] as string);
    }
    const officers = expectStatus(await get(`/v1/organisations/${S.region}/officers?asOf=2023-02-01`));
    const posts = officers['posts'] as Array<{ id: string; role: string; holders: Array<{ tenureId: string }> }>;
    const chair = posts.find((p) => p.role === 'chair')!;
    chairPost = chair.id;
    const tenureId = chair.holders[0]!.tenureId;
    expectStatus(
      await registrar('POST', `/v1/tenures/${tenureId}/end`, {
        effectiveDate: '2024-03-01',
        reason: 'resigned',
        basis: { document: 'Letter of resignation (synthetic test entry)' },
      }),
    );
    expectStatus(
      await registrar('POST', `/v1/posts/${chairPost}/tenures`, {
        personId: S.kuderinov,
        effectiveDate: '2024-03-15',
        method: 'acting',
      }),
      201,
    );
    const renamed = expectStatus(
      await registrar('POST', `/v1/organisations/${S.temirtauCity}/renamings`, {
        name: { ru: 'Темиртауский филиал (опечатка)' },
        effectiveDate: '2024-01-01',
      }),
    );
    synthetic = expectStatus(
      await registrar('POST', '/v1/people', {
        name: { surname: 'Синтетов', given: 'Тестжан' },
        latinName: { surname: 'Syntetov', given: 'Testzhan' },
        iin: '900101300017',
        birthDate: '1990-01-01',
        citizenship: 'KZ',
      }),
      201,
    )['id'] as string;
    const admitted = expectStatus(
      await registrar('POST', `/v1/people/${synthetic}/membership/admission`, {
        organisationId: S.temirtauCity,
        effectiveDate: '2024-02-01',
      }),
    );
    await pause();
    beforeRetraction = new Date().toISOString();
    await pause();
    for (const write of [renamed, admitted]) {
      const eventId = (write['eventIds'] as string[])[0]!;
      lastPosition = expectStatus(
        await registrar('POST', `/v1/events/${eventId}/retraction`, { reason: 'entered in error' }),
      )['position'] as string;
    }
  });
  afterAll(() => t.close());

  it('answers who chaired the Karaganda regional branch on 2023-02-01, and who followed', async () => {
    const officers = expectStatus(await get(`/v1/organisations/${S.region}/officers?asOf=2023-02-01`));
    const chair = (
      officers['posts'] as Array<{ role: string; holders: Array<{ personId: string; name: { surname: string } }> }>
    ).find((p) => p.role === 'chair')!;
    expect(chair.holders.map((h) => [h.personId, h.name.surname])).toEqual([[S.kazitov, 'Казитов']]);
    // Periods are half-open: the end date is the first day a tenure no longer holds, and the
    // start date the first day it does (DOMAIN.md, "Time").
    const chairOn = async (asOf: string) => {
      const body = expectStatus(await get(`/v1/organisations/${S.region}/officers?asOf=${asOf}`));
      const post = (body['posts'] as Array<{ id: string; holders: Array<{ personId: string }> }>).find(
        (p) => p.id === chairPost,
      )!;
      return post.holders.map((h) => h.personId);
    };
    expect(await chairOn('2024-02-29')).toEqual([S.kazitov]);
    expect(await chairOn('2024-03-01')).toEqual([]);
    expect(await chairOn('2024-03-14')).toEqual([]);
    expect(await chairOn('2024-03-15')).toEqual([S.kuderinov]);
  });

  it('gives the succession of the chair with the vacancy as a gap, predecessor and successor', async () => {
    const body = expectStatus(await get(`/v1/posts/${chairPost}/holders`));
    const entries = body['entries'] as Array<Record<string, unknown>>;
    expect(entries.map((e) => [e['kind'], e['personId'] ?? null, e['from'], e['to']])).toEqual([
      ['tenure', S.kazitov, '2023-01-10', '2024-03-01'],
      ['vacancy', null, '2024-03-01', '2024-03-15'],
      ['tenure', S.kuderinov, '2024-03-15', null],
    ]);
    expect(entries[0]).toMatchObject({
      method: 'elected',
      endReason: 'resigned',
      basis: { meetingId: S.temirtauMeeting },
    });
    expect(entries[0]!['successorId']).toBe(entries[2]!['tenureId']);
    expect(entries[2]).toMatchObject({ method: 'acting', predecessorId: entries[0]!['tenureId'] });
  });

  it('shows the structure on 2023-01-09 (before the regional branch) and on 2023-01-10', async () => {
    const names = (roots: Array<{ name: { en?: string }; children: unknown[] }>): string[] =>
      roots.flatMap((n) => [n.name.en ?? '', ...names(n.children as typeof roots)]);
    const before = expectStatus(await get('/v1/organisations/tree?asOf=2023-01-09'));
    expect(names(before['roots'] as never)).not.toContain('Karaganda regional branch');
    const after = expectStatus(await get('/v1/organisations/tree?asOf=2023-01-10'));
    const [party] = after['roots'] as Array<Record<string, unknown>>;
    expect(party).toMatchObject({ kind: 'party', head: { personId: S.amirtai }, totalMemberCount: 4 });
    expect(names(after['roots'] as never)).toEqual(
      expect.arrayContaining(['Karaganda regional branch', 'Temirtau city branch']),
    );
  });

  it('lists organisations with filters, and one organisation with ETag and children', async () => {
    const cities = expectStatus(await get(`/v1/organisations?kind=city_branch&asOf=2023-02-01`));
    expect((cities['items'] as Array<{ id: string }>).map((o) => o.id).sort()).toEqual(
      [S.karagandaCity, S.temirtauCity].sort(),
    );
    const now = await get(`/v1/organisations/${S.region}`);
    const detail = expectStatus(now);
    expect((detail['children'] as Array<{ id: string }>).map((c) => c.id)).toEqual(
      expect.arrayContaining([S.karagandaCity, S.temirtauCity]),
    );
    const revision = Number(String(now.headers['etag']).replace(/"/g, ''));
    const earlier = await get(`/v1/organisations/${S.region}?knownAt=${beforeRetraction}`);
    expect(revision).toBeGreaterThan(2);
    expect(earlier.headers['etag']).toBe(`"${revision}"`); // nothing happened to it after
    const seed = await get(`/v1/organisations/${S.region}?knownAt=2000-01-01T00:00:00Z`);
    expect(seed.status).toBe(404);
    const beforeFounding = expectStatus(await get(`/v1/organisations/${S.region}?asOf=2022-12-31`));
    expect(beforeFounding['status']).toBe('not_established');
    expect(beforeFounding['posts']).toEqual([]);
  });

  it('answers before and after a retraction, with knownAt on either side of it', async () => {
    const nameOn = async (knownAt: string) =>
      (
        expectStatus(await get(`/v1/organisations/${S.temirtauCity}?asOf=2024-06-01&knownAt=${knownAt}`))['name'] as {
          ru: string;
        }
      ).ru;
    expect(await nameOn(beforeRetraction)).toBe('Темиртауский филиал (опечатка)');
    expect(await nameOn(new Date().toISOString())).toBe('Темиртауский городской филиал');
    const countOn = async (knownAt: string) => {
      const body = expectStatus(
        await get(`/v1/statistics/membership?groupBy=branch&asOf=2024-06-01&knownAt=${knownAt}`),
      );
      return (body['rows'] as Array<{ organisationId: string; count: number }>).find(
        (r) => r.organisationId === S.temirtauCity,
      )!.count;
    };
    expect(await countOn(beforeRetraction)).toBe(2);
    expect(await countOn(new Date().toISOString())).toBe(1);
    const history = (knownAt: string) => get(`/v1/organisations/${S.temirtauCity}/history?knownAt=${knownAt}`);
    const renaming = (body: Record<string, unknown>) =>
      (body['entries'] as Array<{ type: string; retracted: unknown }>).find((e) => e.type === 'OrganisationRenamed')!;
    expect(renaming(expectStatus(await history(beforeRetraction))).retracted).toBeNull();
    expect(renaming(expectStatus(await history(new Date().toISOString())))).toMatchObject({
      retracted: { reason: 'entered in error' },
    });
  });

  it("gives a person's positions and, to compliance only, their membership and personal data", async () => {
    const positions = expectStatus(await get(`/v1/people/${S.kazitov}/positions`));
    expect(positions['positions']).toEqual([
      expect.objectContaining({
        postId: chairPost,
        organisationId: S.region,
        from: '2023-01-10',
        to: '2024-03-01',
        endReason: 'resigned',
      }),
    ]);
    const publicView = expectStatus(await get(`/v1/people/${S.kazitov}`));
    expect(Object.keys(publicView).sort()).toEqual(['id', 'latinName', 'name']);
    expect((await get(`/v1/people/${synthetic}`)).status).toBe(404);
    const full = expectStatus(
      await get(`/v1/people/${synthetic}?asOf=2024-06-01&knownAt=${beforeRetraction}`, compliance),
    );
    expect(full).toMatchObject({
      personal: { iin: '900101300017' },
      membership: { status: 'member', organisationId: S.temirtauCity },
    });
    const timeline = expectStatus(await get(`/v1/people/${S.kazitov}/membership`, compliance));
    expect(timeline['memberships']).toEqual([expect.objectContaining({ from: '2023-01-10', to: null })]);
    expect((await get(`/v1/people/${S.kazitov}/membership`)).status).toBe(401);
    expect((await get(`/v1/people/${S.kazitov}/membership`, registrar)).status).toBe(403);
  });

  it('lists members on a date to compliance only, with personal data', async () => {
    const url = `/v1/organisations/${S.temirtauCity}/members?asOf=2024-06-01&knownAt=${beforeRetraction}`;
    expect((await get(url)).status).toBe(401);
    expect((await get(url, registrar)).status).toBe(403);
    const body = expectStatus(await get(url, compliance));
    const items = body['items'] as Array<{ personId: string; personal: { iin: string | null } }>;
    expect(items.map((i) => i.personId).sort()).toEqual([S.kozlovsky, synthetic].sort());
    expect(items.find((i) => i.personId === synthetic)!.personal.iin).toBe('900101300017');
    const paged = expectStatus(await get(`${url}&limit=1`, compliance));
    const second = expectStatus(await get(`${url}&limit=1&cursor=${paged['next']}`, compliance));
    expect([...(paged['items'] as unknown[]), ...(second['items'] as unknown[])]).toEqual(items);
    expect(second['next']).toBeNull();
  });

  it('finds Kazitov from Cyrillic or Latin, any case and Kazakh letters; the public sees officers only', async () => {
    for (const q of ['Kazitov', 'казитов', 'ҚАЗИТОВ', 'kazit', 'Сейфул Казитов']) {
      const body = expectStatus(await get(`/v1/people?q=${encodeURIComponent(q)}`));
      expect((body['items'] as Array<{ id: string }>).map((p) => p.id)).toEqual([S.kazitov]);
    }
    const found = async (q: string, as: ReturnType<typeof client> | null) =>
      (expectStatus(await get(`/v1/people?q=${encodeURIComponent(q)}`, as))['items'] as Array<{ id: string }>).map(
        (p) => p.id,
      );
    expect(await found('Syntetov', null)).toEqual([]);
    expect(await found('Синтетов', compliance)).toEqual([synthetic]);
  });

  it('counts members by region: every region of the day, a city branch toward its region', async () => {
    const body = expectStatus(await get('/v1/statistics/membership?asOf=2023-02-01'));
    const rows = body['rows'] as Array<{ kato: string; count: number }>;
    expect(rows).toHaveLength(20);
    expect(rows.find((r) => r.kato === '350000000')!.count).toBe(3);
    expect(body['total']).toBe(3);
    expect(expectStatus(await get('/v1/statistics/membership?asOf=2022-01-01'))['rows']).toHaveLength(17);
  });

  it('waits for minPosition, and refuses one beyond the end of the log (400 naming it: no wait could reach it)', async () => {
    expect((await get(`/v1/organisations/tree?minPosition=${lastPosition}`)).status).toBe(200);
    const far = await get('/v1/organisations/tree?minPosition=999999999');
    expect([far.status, (far.body['errors'] as Array<{ field: string }>)[0]?.field]).toEqual([400, 'minPosition']);
  }, 10_000);

  it('refuses bad parameters with a problem naming each field', async () => {
    const bad = await get('/v1/organisations/tree?asOf=2023-13-01&knownAt=yesterday&minPosition=x');
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'asOf',
      'knownAt',
      'minPosition',
    ]);
    expect((await get('/v1/organisations?limit=501')).status).toBe(400);
    expect((await get('/v1/people?q=')).status).toBe(400);
    expect((await get('/v1/organisations/not-a-uuid')).status).toBe(400);
  });
});
