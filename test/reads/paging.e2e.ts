import Database from 'better-sqlite3';
import { join } from 'node:path';
import { KNOWN_NOW, nameKeys } from '@baytaq/read-models';
import { PeopleReads } from '../../libs/read-models/src/queries/people-reads';
import { startGeneratedApp } from '../generate/run-generator';
import { client, expectStatus, type Answer } from '../support/http';
import { TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

type Page = Record<string, unknown> & { next: string | null };

/**
 * Every list that can be longer than `limit` gives a `next` and follows it: walked page by page
 * on a generated party, each list holds what the whole list (or a scan of the read models) does,
 * each item once, in a stable order.
 */
describe('paging of lists (e2e)', () => {
  let t: TestApp;
  let db: Database.Database;
  const get = async (url: string, key: string | null = TEST_ADMIN_KEY): Promise<Answer> => {
    if (key !== null) return client(t.app, key)('GET', url);
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers };
  };

  /** Follows `next` from the first page; `field` names the list in the answer. */
  async function walk(url: string, field: string, limit: number, key: string | null = TEST_ADMIN_KEY) {
    const items: unknown[] = [];
    let pages = 0;
    for (let cursor: string | null = null; ;) {
      const sep = url.includes('?') ? '&' : '?';
      const page = expectStatus(
        await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, key),
      ) as Page;
      const list = page[field] as unknown[];
      expect(list.length).toBeLessThanOrEqual(limit);
      items.push(...list);
      pages += 1;
      if (page.next === null) return { items, pages };
      expect(pages).toBeLessThan(1000);
      cursor = page.next;
    }
  }

  /** People whose name words start with every word of `q`, and the officers among them, from the tables. */
  function matches(q: string): { all: Set<string>; officers: Set<string> } {
    const words = nameKeys(q);
    const all = new Set<string>();
    const officers = new Set<string>();
    const rows = db
      .prepare(
        `SELECT p.person_id, p.name, p.latin_name,
           EXISTS (SELECT 1 FROM rm_tenure t WHERE t.person_id = p.person_id AND t.recorded_to IS NULL) AS officer
         FROM rm_person p WHERE p.recorded_to IS NULL`,
      )
      .all() as Array<{ person_id: string; name: string; latin_name: string | null; officer: number }>;
    for (const row of rows) {
      const name = JSON.parse(row.name) as Record<string, string | undefined>;
      const latin = (row.latin_name ? JSON.parse(row.latin_name) : {}) as Record<string, string | undefined>;
      const keys = nameKeys([name.surname, name.given, name.patronymic, latin.surname, latin.given].join(' '));
      if (!words.every((w) => keys.some((k) => k.startsWith(w)))) continue;
      all.add(row.person_id);
      if (row.officer === 1) officers.add(row.person_id);
    }
    return { all, officers };
  }

  /** The post (or person) with the most tenures recorded: the longest succession (or list of positions). */
  function mostTenures(column: 'post_id' | 'person_id'): string {
    const row = db
      .prepare(
        `SELECT ${column} AS id FROM rm_tenure WHERE recorded_to IS NULL GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1`,
      )
      .get() as { id: string };
    return row.id;
  }

  beforeAll(async () => {
    t = await startGeneratedApp(2000, 16);
    db = new Database(join(t.dataDir, 'registry.sqlite'), { readonly: true });
  }, 90_000);
  afterAll(async () => {
    db?.close();
    await t?.close();
  });

  it('walks every person a search matches exactly once, with a key and without one (officers only)', async () => {
    const expected = matches('а');
    expect(expected.all.size).toBeGreaterThan(500);
    const ids = (items: unknown[]) => items.map((p) => (p as { id: string }).id);
    const admin = await walk('/v1/people?q=%D0%B0', 'items', 50);
    expect(admin.pages).toBeGreaterThan(10);
    expect(ids(admin.items).length).toBe(expected.all.size);
    expect(new Set(ids(admin.items))).toEqual(expected.all);
    // The same walk again gives the same order.
    expect(ids((await walk('/v1/people?q=%D0%B0', 'items', 50)).items)).toEqual(ids(admin.items));
    const pub = await walk('/v1/people?q=%D0%B0', 'items', 20, null);
    expect(ids(pub.items).length).toBe(expected.officers.size);
    expect(new Set(ids(pub.items))).toEqual(expected.officers);
    expect(pub.items.every((p) => !('personal' in (p as object)))).toBe(true);
  });

  it('answers what a bounded walk of the name index found, and where to go on, when matches are rare', async () => {
    const expected = matches('а');
    const reads = new PeopleReads(db, 30);
    const found: string[] = [];
    let short = 0;
    for (let page = reads.search('а', KNOWN_NOW, 20, { officersOnly: true }); ;) {
      found.push(...page.items.map((p) => p.id));
      if (page.next === null) break;
      if (page.items.length < 20) short += 1;
      page = reads.search('а', KNOWN_NOW, 20, { officersOnly: true, after: page.next });
    }
    expect(short).toBeGreaterThan(0);
    expect(found).toHaveLength(expected.officers.size);
    expect(new Set(found)).toEqual(expected.officers);
  });

  it('puts the people whose word is the query exactly before those whose words only start with it', async () => {
    // A name word that begins another: "baizhan" and "baizhanov", say.
    const { token } = db
      .prepare(
        `SELECT a.token FROM rm_person_token a WHERE a.recorded_to IS NULL AND EXISTS (SELECT 1 FROM rm_person_token b
           WHERE b.recorded_to IS NULL AND b.token > a.token AND substr(b.token, 1, length(a.token)) = a.token)
         ORDER BY a.token LIMIT 1`,
      )
      .get() as { token: string };
    const { items } = expectStatus(await get(`/v1/people?q=${token}&limit=500`)) as {
      items: Array<{ name: object; latinName: object | null }>;
    };
    const exact = items.map((p) =>
      nameKeys([...Object.values(p.name), ...Object.values(p.latinName ?? {})].join(' ')).includes(token),
    );
    expect(exact).toContain(true);
    expect(exact).toContain(false);
    expect(exact.lastIndexOf(true)).toBeLessThan(exact.indexOf(false));
  });

  it("walks an organisation's history, a post's succession and a person's positions, a few items a page", async () => {
    const party = db.prepare("SELECT org_id FROM rm_org WHERE kind = 'party' AND recorded_to IS NULL").get() as {
      org_id: string;
    };
    const whole = expectStatus(await get(`/v1/organisations/${party.org_id}/history`));
    expect((whole['entries'] as unknown[]).length).toBeGreaterThan(20);
    expect(whole['next']).toBeNull();
    expect((await walk(`/v1/organisations/${party.org_id}/history`, 'entries', 7)).items).toEqual(whole['entries']);

    const busiest = mostTenures('post_id');
    const succession = expectStatus(await get(`/v1/posts/${busiest}/holders`));
    expect((succession['entries'] as unknown[]).length).toBeGreaterThan(3);
    expect((await walk(`/v1/posts/${busiest}/holders`, 'entries', 2)).items).toEqual(succession['entries']);

    const officer = mostTenures('person_id');
    const positions = expectStatus(await get(`/v1/people/${officer}/positions`));
    expect((positions['positions'] as unknown[]).length).toBeGreaterThan(1);
    expect((await walk(`/v1/people/${officer}/positions`, 'positions', 1)).items).toEqual(positions['positions']);
  });

  it('walks the organisations and a branch’s members', async () => {
    const all = expectStatus(await get('/v1/organisations?limit=500'));
    expect((await walk('/v1/organisations', 'items', 30)).items).toEqual(all['items']);
    const branch = db
      .prepare(
        `SELECT org_id FROM rm_placement WHERE recorded_to IS NULL GROUP BY org_id ORDER BY count(*) DESC LIMIT 1`,
      )
      .get() as { org_id: string };
    const members = expectStatus(await get(`/v1/organisations/${branch.org_id}/members?limit=500`));
    expect((members['items'] as unknown[]).length).toBeGreaterThan(5);
    expect((await walk(`/v1/organisations/${branch.org_id}/members`, 'items', 4)).items).toEqual(members['items']);
  });

  it.each([
    '/v1/people?q=%D0%B0',
    '/v1/organisations',
    '/v1/organisations/{party}/history',
    '/v1/organisations/{party}/members',
    '/v1/posts/{post}/holders',
    '/v1/people/{officer}/positions',
  ])('refuses a cursor it did not make on %s with a 400 naming cursor', async (route) => {
    const party = (db.prepare("SELECT org_id FROM rm_org WHERE kind = 'party'").get() as { org_id: string }).org_id;
    const tenure = db.prepare('SELECT post_id, person_id FROM rm_tenure LIMIT 1').get() as Record<string, string>;
    const url = route
      .replace('{party}', party)
      .replace('{post}', tenure['post_id']!)
      .replace('{officer}', tenure['person_id']!);
    const sep = url.includes('?') ? '&' : '?';
    for (const cursor of ['not-a-cursor', Buffer.from('c:1999-01-01\u0000x\u0000y').toString('base64url')]) {
      const answer = await get(`${url}${sep}cursor=${cursor}`);
      expect([answer.status, answer.body['errors']]).toEqual([400, [expect.objectContaining({ field: 'cursor' })]]);
    }
  });
});
