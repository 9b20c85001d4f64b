import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { nameBasedUuid } from '../../apps/registry/src/commands/deterministic-id';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every read answers for a real moment (`knownAt`, never a sentinel) and the log position it read
 * (a header): asked again with that `knownAt` after later writes, it gives the same bytes.
 */
const S = SEED_IDS;
const seed = (name: string) => nameBasedUuid(`demo/${name}`);
const RFC3339_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const READS = [
  '/v1/organisations?asOf=2024-06-01',
  '/v1/organisations/tree?asOf=2024-06-01',
  `/v1/organisations/${S.region}?asOf=2024-06-01`,
  `/v1/organisations/${S.karagandaCity}/officers?asOf=2024-06-01`,
  `/v1/organisations/${S.region}/history?asOf=2024-06-01`,
  `/v1/organisations/${S.party}/meetings?asOf=2024-06-01`,
  `/v1/meetings/${S.temirtauMeeting}?asOf=2024-06-01`,
  `/v1/posts/${seed('post/karaganda-head')}?asOf=2024-06-01`,
  `/v1/posts/${seed('post/karaganda-head')}/holders?asOf=2024-06-01`,
  `/v1/tenures/${seed('tenure/karaganda-head')}?asOf=2024-06-01`,
  `/v1/people?q=Kuderinov&asOf=2024-06-01`,
  `/v1/people/${S.kuderinov}/positions?asOf=2024-06-01`,
  '/v1/statistics/membership?groupBy=region&asOf=2024-06-01',
  '/v1/export/popolo?asOf=2024-06-01',
];

describe('reads as known at a real moment', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  const read = async (url: string) => {
    const answer = await t.app.inject({ method: 'GET', url });
    if (answer.statusCode !== 200) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return { bytes: answer.body, knownAt: (answer.json() as { knownAt: string }).knownAt, headers: answer.headers };
  };
  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
    call = client(t.app, t.adminKey);
  });
  afterAll(() => t.close());

  it('answers with the moment of the last change it holds and its log position, and the same bytes when asked again at that moment', async () => {
    const before = new Date().toISOString();
    const first = [];
    for (const url of READS) first.push({ url, ...(await read(url)) });
    for (const { url, knownAt, headers } of first) {
      expect([url, RFC3339_MS.test(knownAt)]).toEqual([url, true]);
      expect(knownAt <= before).toBe(true);
      expect(knownAt).not.toMatch(/^9999/);
      expect([url, headers['log-position']]).toEqual([url, expect.stringMatching(/.+/)]);
    }
    // Nothing changed between those reads: they all answer for the same moment, the last one recorded.
    expect(new Set(first.map((r) => r.knownAt)).size).toBe(1);
    const log = await t.app.get<EventStore>(EVENT_STORE).readAll();
    expect(first[0]!.knownAt).toBe(log[log.length - 1]!.recordedAt);
    expect(first[0]!.headers['log-position']).toBe(log[log.length - 1]!.position);

    // Later writes that touch every answer above: a new head of the Karaganda city branch, a renaming, a new branch.
    const successor = expectStatus(
      await call('POST', '/v1/people', {
        name: { surname: 'Синтетов', given: 'Тестжан' },
        citizenship: 'KZ',
        birthDate: '1990-01-01',
      }),
      201,
    )['id'] as string;
    expectStatus(
      await call('POST', `/v1/people/${successor}/membership/admission`, {
        organisationId: S.karagandaCity,
        effectiveDate: '2024-01-15',
      }),
    );
    expectStatus(
      await call('POST', `/v1/tenures/${seed('tenure/karaganda-head')}/end`, {
        effectiveDate: '2024-02-01',
        reason: 'resigned',
      }),
    );
    expectStatus(
      await call('POST', `/v1/posts/${seed('post/karaganda-head')}/tenures`, {
        personId: successor,
        effectiveDate: '2024-02-01',
        method: 'elected',
      }),
      201,
    );
    expectStatus(
      await call('POST', `/v1/organisations/${S.region}/renamings`, {
        name: { ru: 'Синтетическое имя' },
        effectiveDate: '2024-03-01',
      }),
    );
    const meeting = expectStatus(
      await call('POST', '/v1/meetings', {
        organisationId: S.party,
        kind: 'congress',
        date: '2024-04-01',
        place: 'Астана',
        attendance: 300,
      }),
      201,
    )['id'] as string;
    expectStatus(
      await call('POST', '/v1/organisations', {
        kind: 'regional_branch',
        parentId: S.party,
        kato: '710000000',
        name: { ru: 'Синтетический астанинский филиал' },
        effectiveDate: '2024-04-01',
        basis: { meetingId: meeting },
      }),
      201,
    );

    let changed = 0;
    for (const { url, bytes, knownAt } of first) {
      const again = await read(`${url}&knownAt=${knownAt}`);
      expect([url, again.bytes]).toEqual([url, bytes]);
      if ((await read(url)).bytes !== bytes) changed += 1;
    }
    // ...while asked about now, the answers did change.
    expect(changed).toBeGreaterThanOrEqual(READS.length - 2);
  });
});
