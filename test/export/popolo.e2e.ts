import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { type PopoloExport } from '../../apps/registry/src/export/popolo.mapping';
import { popoloValidator } from '../../apps/registry/src/export/testing/popolo-validator';
import { registeredIins, startGeneratedApp } from '../generate/run-generator';
import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

const S = SEED_IDS;
const validate = popoloValidator();
const SYNTHETIC_IIN = '900101300017';
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function exportOf(app: NestFastifyApplication, query: string, key?: string): Promise<PopoloExport> {
  const headers = key ? { authorization: `Bearer ${key}` } : {};
  const res = await app.inject({ method: 'GET', url: `/v1/export/popolo?${query}`, headers });
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  return res.json<PopoloExport>();
}

/** Every item valid against its schema, every list ordered by id, every reference resolving. */
function expectWellFormed(out: PopoloExport): void {
  expect(validate('person', out.persons)).toEqual([]);
  expect(validate('organization', out.organizations)).toEqual([]);
  expect(validate('post', out.posts)).toEqual([]);
  expect(validate('membership', out.memberships)).toEqual([]);
  expect(validate('event', out.events)).toEqual([]);
  for (const list of [out.persons, out.organizations, out.posts, out.memberships, out.events]) {
    const ids = list.map((item) => item.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  }
  const ids = (list: Array<{ id: string }>) => new Set(list.map((item) => item.id));
  const [people, orgs, posts] = [ids(out.persons), ids(out.organizations), ids(out.posts)];
  for (const o of out.organizations) if (o.parent_id) expect(orgs).toContain(o.parent_id);
  for (const p of out.posts) expect(orgs).toContain(p.organization_id);
  for (const e of out.events) expect(orgs).toContain(e.organization_id);
  for (const m of out.memberships) {
    expect([people.has(m.person_id), orgs.has(m.organization_id), posts.has(m.post_id)]).toEqual([true, true, true]);
  }
  expect([...people].sort()).toEqual([...new Set(out.memberships.map((m) => m.person_id))].sort());
}

describe('GET /v1/export/popolo on the seed story', () => {
  let t: TestApp;
  let admin: ReturnType<typeof client>;
  let synthetic: string;
  let beforeEnd: string;
  let lastPosition: string;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
    admin = client(t.app, t.adminKey);
    // A member with personal data, on the day exported: the export must not show them.
    synthetic = expectStatus(
      await admin('POST', '/v1/people', {
        name: { surname: 'Синтетов', given: 'Тестжан' },
        iin: SYNTHETIC_IIN,
        birthDate: '1990-01-01',
        citizenship: 'KZ',
        contacts: { phone: '+7 700 000 0017', email: 'synthetic.member@example.org' },
      }),
      201,
    )['id'] as string;
    const admission = { organisationId: S.temirtauCity, effectiveDate: '2023-01-15' };
    expectStatus(await admin('POST', `/v1/people/${synthetic}/membership/admission`, admission));
    const tenure = (await exportOf(t.app, 'asOf=2023-02-01')).memberships.find((m) => m.person_id === S.kozlovsky)!;
    await pause();
    beforeEnd = new Date().toISOString();
    await pause();
    lastPosition = expectStatus(
      await admin('POST', `/v1/tenures/${tenure.id}/end`, {
        effectiveDate: '2024-03-01',
        reason: 'resigned',
        basis: { document: 'Synthetic test entry' },
      }),
    )['position'] as string;
  });
  afterAll(() => t.close());

  it('exports 2023-02-01 as valid Popolo: the four heads with their posts and organisations', async () => {
    const out = await exportOf(t.app, 'asOf=2023-02-01');
    expectWellFormed(out);
    expect(out).toMatchObject({ asOf: '2023-02-01', history: false });
    // Chairmen of the party and the region, heads of the city branches (role head, led as a chair is).
    const heads: Array<[string, string, string, string, string]> = [
      [S.amirtai, 'Әміртай Азаматхан', S.party, 'Қазақстанның «Байтақ» жасылдар партиясы', 'chair'],
      [
        S.kazitov,
        'Казитов Сейфул-Малик Туреханович',
        S.region,
        'Карагандинский областной филиал партии «Байтақ»',
        'chair',
      ],
      [S.kuderinov, 'Кудеринов Мурат Тасбулатович', S.karagandaCity, 'Карагандинский городской филиал', 'head'],
      [S.kozlovsky, 'Козловский Артём Валерьевич', S.temirtauCity, 'Темиртауский городской филиал', 'head'],
    ];
    expect(out.persons.map((p) => p.id).sort()).toEqual(heads.map(([id]) => id).sort());
    for (const [personId, name, orgId, orgName, role] of heads) {
      expect(out.persons.find((p) => p.id === personId)!.name).toBe(name);
      const held = out.memberships.filter((m) => m.person_id === personId);
      expect(held).toEqual([expect.objectContaining({ organization_id: orgId, role, start_date: expect.any(String) })]);
      const post = out.posts.find((p) => p.id === held[0]!.post_id)!;
      expect(post).toMatchObject({ organization_id: orgId, role });
      expect(out.organizations.find((o) => o.id === orgId)!.name).toBe(orgName);
    }
    expect(out.posts.find((p) => p.organization_id === S.party)!.label).toBe('Председатель партии');
    // The meeting that decided the branches and their heads is an event of the party.
    expect(out.events).toEqual([
      {
        id: S.temirtauMeeting,
        name: 'Общее собрание, Temirtau, 2023-01-10',
        description: 'attendance 128',
        start_date: '2023-01-10',
        location: 'Temirtau',
        classification: 'general_meeting',
        organization_id: S.party,
        identifiers: [],
      },
    ]);
    expect((await exportOf(t.app, 'asOf=2023-01-09')).events).toEqual([]);
    expect(out.persons.find((p) => p.id === S.kazitov)).toMatchObject({
      family_name: 'Казитов',
      given_name: 'Сейфул-Малик',
      patronymic_name: 'Туреханович',
      other_names: [{ name: 'Kazitov Seiful-Malik Turekhanovich', note: 'Latin script' }],
    });
    expect(out.organizations.find((o) => o.id === S.region)).toMatchObject({
      classification: 'regional_branch',
      parent_id: S.party,
      founding_date: '2023-01-10',
      identifiers: [{ identifier: '350000000', scheme: 'KATO' }],
    });
    // The bodies exist that day, with their member posts: vacant, as the seed names no council members.
    expect(out.organizations.filter((o) => o.classification === 'body')).toHaveLength(4);
  });

  it('shows no member and no personal data, to anyone, while the synthetic member is one that day', async () => {
    const members = expectStatus(await admin('GET', `/v1/organisations/${S.temirtauCity}/members?asOf=2023-02-01`));
    expect((members['items'] as Array<{ personId: string }>).map((m) => m.personId)).toContain(synthetic);
    for (const key of [undefined, t.adminKey]) {
      for (const query of ['asOf=2023-02-01', 'asOf=2024-06-01&history=true']) {
        const text = JSON.stringify(await exportOf(t.app, query, key));
        for (const secret of [synthetic, SYNTHETIC_IIN, '1990-01-01', 'example.org', '+7 700 000 0017']) {
          expect(text).not.toContain(secret);
        }
        expect(text).not.toMatch(/"(iin|birthDate|birth_date|contacts|contact_details|citizenship|email)"/);
      }
    }
  });

  it('does not contain the regional branch on 2023-01-09, the day before it was established', async () => {
    const out = await exportOf(t.app, 'asOf=2023-01-09');
    expectWellFormed(out);
    expect(out.organizations.map((o) => o.id)).toEqual([S.party]);
    expect(out.persons.map((p) => p.id)).toEqual([S.amirtai]);
    expect(out.memberships.map((m) => m.organization_id)).toEqual([S.party]);
  });

  it('leaves out a tenure ended by asOf unless history=true, and answers as known at a moment', async () => {
    const now = await exportOf(t.app, 'asOf=2024-06-01');
    expect(now.persons.map((p) => p.id)).not.toContain(S.kozlovsky);
    const history = await exportOf(t.app, 'asOf=2024-06-01&history=true');
    expectWellFormed(history);
    expect(history.history).toBe(true);
    expect(history.memberships.find((m) => m.person_id === S.kozlovsky)).toMatchObject({
      start_date: '2023-01-10',
      end_date: '2024-03-01',
    });
    const before = await exportOf(t.app, `asOf=2024-06-01&knownAt=${beforeEnd}`);
    const held = before.memberships.find((m) => m.person_id === S.kozlovsky)!;
    expect([held.start_date, held.end_date]).toEqual(['2023-01-10', undefined]);
  });

  it('takes the parameters of every read: minPosition waits, a bad value is a 400', async () => {
    const reached = await exportOf(t.app, `asOf=2024-06-01&minPosition=${encodeURIComponent(lastPosition)}`);
    expect(reached.persons.map((p) => p.id)).not.toContain(S.kozlovsky);
    for (const query of ['history=maybe', 'asOf=01.02.2023', 'knownAt=yesterday', 'minPosition=not-a-position']) {
      const res = await t.app.inject({ method: 'GET', url: `/v1/export/popolo?${query}` });
      expect([query, res.statusCode]).toEqual([query, 400]);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, { get?: { parameters: Array<{ name: string }>; responses: Record<string, unknown> } }>;
    }>();
    const get = doc.paths['/v1/export/popolo']!.get!;
    expect(get.parameters.map((p) => p.name).sort()).toEqual(['asOf', 'history', 'knownAt', 'minPosition']);
    expect(JSON.stringify(get.responses['200'])).toContain('PopoloExportDto');
  });
});

describe('GET /v1/export/popolo on a generated party of about 240 organisations', () => {
  let t: TestApp | undefined;
  let app: NestFastifyApplication;
  let iins: string[];

  beforeAll(async () => {
    t = await startGeneratedApp(600, 5, (log) => (iins = registeredIins(log)));
    app = t.app;
  }, 60_000);
  afterAll(() => t?.close());

  it('answers well under a second, valid and without an IIN, on the day and with history', async () => {
    for (const query of ['', 'history=true']) {
      await exportOf(app, query);
      const started = performance.now();
      const out = await exportOf(app, query);
      const ms = performance.now() - started;
      expect({ query, fast: ms < 500 }).toEqual({ query, fast: true });
      expect(out.organizations.length).toBeGreaterThan(200);
      expect(out.memberships.length).toBeGreaterThan(50);
      expectWellFormed(out);
      const text = JSON.stringify(out);
      expect(iins.length).toBeGreaterThan(100);
      expect(iins.filter((iin) => text.includes(iin))).toEqual([]);
    }
  });
});
