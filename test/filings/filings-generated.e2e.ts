import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startGeneratedApp } from '../generate/run-generator';
import { client, expectStatus } from '../support/http';
import { TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { rawGet, sectionsOf } from './filing-test-kit';

/**
 * The filings of a generated party (hundreds of branches, officer churn, members moving) against
 * what the public read endpoints answer, one resource at a time.
 */
type Name = { surname: string; given: string; patronymic?: string } | null;
type Tree = {
  id: string;
  kind: string;
  status: string;
  name: { ru?: string; kk?: string };
  head: { personId: string; postId: string; name: Name } | null;
  totalMemberCount: number;
  children: Tree[];
};
const full = (n: Name) => (n ? [n.surname, n.given, n.patronymic].filter(Boolean).join(' ') : null);
const ru = (n: { ru?: string; kk?: string }) => n.ru || n.kk || '';

describe('filings on generated data', () => {
  let t: TestApp | undefined;
  let app: NestFastifyApplication;
  const call = () => client(app, TEST_ADMIN_KEY);
  const get = async (url: string) => expectStatus(await call()('GET', url));
  const preview = async (url: string) => {
    const answer = await rawGet(app, url, TEST_ADMIN_KEY);
    expect([url, answer.status]).toEqual([url, 200]);
    return answer.json();
  };

  beforeAll(async () => {
    t = await startGeneratedApp(300, 11);
    app = t.app;
  }, 60_000);
  afterAll(() => t?.close());

  it('structure: every active branch of the tree, depth first, with its registration, head since and members', async () => {
    const doc = await preview('/v1/filings/structure');
    const asOf = doc['asOf'] as string;
    const roots = (await get(`/v1/organisations/tree?asOf=${asOf}`))['roots'] as Tree[];
    const expected: unknown[][] = [];
    const walk = async (node: Tree) => {
      if (node.kind === 'body' || node.status !== 'active') return;
      const detail = await get(`/v1/organisations/${node.id}?asOf=${asOf}`);
      const registration = (detail['registrations'] as Array<{ bin: string | null; date: string }>).at(-1);
      const posts = detail['posts'] as Array<{ id: string; holders: Array<{ personId: string; from: string }> }>;
      const since = node.head
        ? posts.find((p) => p.id === node.head!.postId)!.holders.find((h) => h.personId === node.head!.personId)!.from
        : null;
      const head = node.head ? full(node.head.name) : null;
      expected.push([
        ru(node.name),
        node.kind,
        registration?.bin ?? null,
        registration?.date ?? null,
        head,
        since,
        node.totalMemberCount,
      ]);
      for (const child of node.children) await walk(child);
    };
    for (const root of roots) await walk(root);
    const rows = sectionsOf(doc)[0]!.rows;
    expect(rows.length).toBeGreaterThan(200);
    const shown = rows.map((r) => [
      r['organisation'],
      r['kind'],
      r['bin'],
      r['registrationDate'],
      r['head'],
      r['since'],
      r['memberCount'],
    ]);
    // The filing marks an acting head after the name; the tree gives the name alone.
    expect(
      shown.map((r) => [...r.slice(0, 4), (r[4] as string | null)?.replace(/ \(.*\)$/, '') ?? null, ...r.slice(5)]),
    ).toEqual(expected);
  });

  it('leadership-changes: every start and end of a tenure in two years, as the successions of the posts give them', async () => {
    const doc = await preview('/v1/filings/leadership-changes?from=2023-01-01&to=2024-12-31');
    const organisations = (await get('/v1/organisations?asOf=2099-12-31&limit=500'))['items'] as Array<{ id: string }>;
    const expected: string[] = [];
    const within = (d: string | null) => d !== null && d >= '2023-01-01' && d <= '2024-12-31';
    for (const org of organisations) {
      const history = (await get(`/v1/organisations/${org.id}/history`))['entries'] as Array<{
        type: string;
        data: { postId?: string };
        retracted: unknown;
      }>;
      for (const created of history.filter((e) => e.type === 'PostCreated' && e.retracted === null)) {
        const entries = (await get(`/v1/posts/${created.data.postId!}/holders`))['entries'] as Array<
          Record<string, unknown>
        >;
        const tenures = new Map(entries.filter((e) => e['kind'] === 'tenure').map((e) => [e['tenureId'] as string, e]));
        const nameOf = (id: unknown) => (id ? full(tenures.get(id as string)!['name'] as Name) : null);
        for (const t of tenures.values()) {
          if (within(t['from'] as string))
            expected.push([t['from'], nameOf(t['predecessorId']), full(t['name'] as Name), t['method']].join('|'));
          const successor = t['successorId'] ? tenures.get(t['successorId'] as string) : undefined;
          if (within(t['to'] as string | null) && successor?.['from'] !== t['to']) {
            expected.push([t['to'], full(t['name'] as Name), null, null].join('|'));
          }
        }
      }
    }
    const rows = sectionsOf(doc)[0]!.rows;
    expect(rows.length).toBeGreaterThan(10);
    const shown = rows.map((r) => [r['effectiveDate'], r['previousHolder'], r['nextHolder'], r['method']].join('|'));
    expect(shown.sort()).toEqual(expected.sort());
  });

  it('membership-compliance and member-list: the statistics per region and the members of every branch of a region', async () => {
    const compliance = await preview('/v1/filings/membership-compliance?asOf=2025-06-01');
    const stats = await get('/v1/statistics/membership?asOf=2025-06-01&groupBy=region');
    const [, regions] = sectionsOf(compliance);
    expect(regions!.rows.map((r) => [r['region'], r['members']])).toEqual(
      (stats['rows'] as Array<{ name: { ru: string }; count: number }>).map((s) => [s.name.ru, s.count]),
    );

    const roots = (await get('/v1/organisations/tree?asOf=2025-06-01'))['roots'] as Tree[];
    const region = roots[0]!.children
      .filter((c) => c.kind === 'regional_branch')
      .sort((a, b) => b.totalMemberCount - a.totalMemberCount)[0]!;
    const list = await preview(`/v1/filings/member-list?organisationId=${region.id}&asOf=2025-06-01`);
    const cards: string[] = [];
    const collect = async (node: Tree) => {
      if (node.kind === 'body' || node.status !== 'active') return;
      const members = await get(`/v1/organisations/${node.id}/members?asOf=2025-06-01&limit=500`);
      for (const m of members['items'] as Array<{ personal: { iin: string }; membershipFrom: string }>)
        cards.push(`${m.personal.iin}|${m.membershipFrom}`);
      for (const child of node.children) await collect(child);
    };
    await collect(region);
    const rows = sectionsOf(list)[0]!.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(region.totalMemberCount);
    expect(rows.map((r) => `${r['iin'] as string}|${r['admissionDate'] as string}`).sort()).toEqual(cards.sort());
  });
});
