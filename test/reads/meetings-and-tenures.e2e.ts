import { nameBasedUuid } from '../../apps/registry/src/commands/deterministic-id';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { client, expectStatus } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/** The reads of meetings, posts and tenures on the demo data: the chain meeting -> decision -> tenure, both ways. */
const S = SEED_IDS;
const seed = (name: string) => nameBasedUuid(`demo/${name}`);
const body = (key: string) => seed(`body/${key}`);

describe('meetings, posts and tenures on the demo data', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await startTestApp();
    await loadSeedStory(t.app);
    call = client(t.app, t.adminKey);
  });
  afterAll(() => t.close());
  /** Without a key: these reads are public. */
  const get = async (url: string) => {
    const answer = await t.app.inject({ method: 'GET', url });
    return { status: answer.statusCode, body: answer.json() as Record<string, unknown>, headers: answer.headers };
  };
  const anonymous = (_method: 'GET', url: string) => get(url);

  it('GET /v1/meetings/{id}: the Temirtau meeting, public, with every decision on its basis', async () => {
    const answer = await get(`/v1/meetings/${S.temirtauMeeting}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      meetingId: S.temirtauMeeting,
      organisationId: S.party,
      kind: 'general_meeting',
      date: '2023-01-10',
      place: 'Temirtau',
      attendance: 128,
      quorum: null,
      protocolNumber: null,
    });
    expect(answer.headers['etag']).toBe('"0"');
    expect(answer.headers['log-position']).toEqual(expect.any(String));
    const decisions = answer.body['decisions'] as Array<Record<string, unknown>>;
    const founded = decisions.filter((d) => d['type'] === 'OrganisationEstablished').map((d) => d['organisationId']);
    expect(founded).toEqual(
      expect.arrayContaining([
        S.region,
        S.karagandaCity,
        S.temirtauCity,
        body('regional-council'),
        body('counting-commission'),
      ]),
    );
    const elected = decisions
      .filter((d) => d['type'] === 'TenureStarted')
      .map((d) => [d['organisationId'], (d['data'] as Record<string, unknown>)['personId']]);
    expect(elected).toHaveLength(3);
    expect(elected).toEqual(
      expect.arrayContaining([
        [S.region, S.kazitov],
        [S.karagandaCity, S.kuderinov],
        [S.temirtauCity, S.kozlovsky],
      ]),
    );
    for (const d of decisions) {
      expect(d).toMatchObject({
        effectiveDate: '2023-01-10',
        basis: { meetingId: S.temirtauMeeting },
        retracted: null,
      });
      expect(d['eventId']).toEqual(expect.any(String));
    }
    // Admissions cite the meeting too, but membership is personal data: not listed.
    expect(decisions.some((d) => String(d['type']).startsWith('Member'))).toBe(false);
  });

  it('lists a decision retracted since, marked with when and why, and as it was before that', async () => {
    const post = expectStatus(
      await call('POST', `/v1/organisations/${S.region}/posts`, {
        title: { ru: 'Синтетический секретарь' },
        role: 'secretary',
        effectiveDate: '2023-01-10',
        basis: { meetingId: S.temirtauMeeting },
      }),
      201,
    );
    const before = (await get(`/v1/meetings/${S.temirtauMeeting}`)).body;
    const [eventId] = post['eventIds'] as string[];
    expectStatus(await call('POST', `/v1/events/${eventId}/retraction`, { reason: 'Synthetic: entered in error' }));
    const after = (await get(`/v1/meetings/${S.temirtauMeeting}`)).body['decisions'] as Array<Record<string, unknown>>;
    expect(after.find((d) => d['eventId'] === eventId)).toMatchObject({
      type: 'PostCreated',
      retracted: { reason: 'Synthetic: entered in error', at: expect.any(String) },
    });
    const then = (await get(`/v1/meetings/${S.temirtauMeeting}?knownAt=${before['knownAt'] as string}`)).body;
    expect(
      (then['decisions'] as Array<Record<string, unknown>>).find((d) => d['eventId'] === eventId)?.['retracted'],
    ).toBeNull();
  });

  it('GET /v1/organisations/{id}/meetings: the meetings it held, from/to', async () => {
    const held = expectStatus(await anonymous('GET', `/v1/organisations/${S.party}/meetings`));
    expect((held['items'] as Array<Record<string, unknown>>).map((m) => m['meetingId'])).toEqual([S.temirtauMeeting]);
    expect(held).toMatchObject({ organisationId: S.party, from: '0001-01-01', next: null });
    const later = expectStatus(await anonymous('GET', `/v1/organisations/${S.party}/meetings?from=2023-01-11`));
    expect(later['items']).toEqual([]);
    const before = expectStatus(await anonymous('GET', `/v1/organisations/${S.party}/meetings?to=2023-01-09`));
    expect(before['items']).toEqual([]);
    const none = expectStatus(await anonymous('GET', `/v1/organisations/${S.region}/meetings`));
    expect(none['items']).toEqual([]);
    const reversed = await anonymous('GET', `/v1/organisations/${S.party}/meetings?from=2024-01-01&to=2023-01-01`);
    expect([reversed.status, (reversed.body['errors'] as Array<{ field: string }>)[0]?.field]).toEqual([400, 'from']);
    const unknown = await anonymous('GET', `/v1/organisations/${seed('nothing')}/meetings`);
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'organisation.not_found']);
  });

  it('GET /v1/posts/{id}: the post with its holders on asOf', async () => {
    const chair = seed('post/region-chairman');
    const answer = await get(`/v1/posts/${chair}?asOf=2023-02-01`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      postId: chair,
      organisationId: S.region,
      role: 'chair',
      seats: 1,
      from: '2023-01-10',
      to: null,
      asOf: '2023-02-01',
      title: { en: 'Chairman of the regional branch' },
    });
    expect((answer.body['holders'] as Array<Record<string, unknown>>).map((h) => [h['personId'], h['from']])).toEqual([
      [S.kazitov, '2023-01-10'],
    ]);
    expect(answer.headers['etag']).toMatch(/^"\d+"$/);
    expect((await get(`/v1/posts/${chair}?asOf=2023-01-09`)).body['holders']).toEqual([]);
    const head = (await get(`/v1/posts/${seed('post/karaganda-head')}`)).body;
    expect(head).toMatchObject({ role: 'head', organisationId: S.karagandaCity });
  });

  it('GET /v1/tenures/{id}: the tenure, and its basis with the meeting it names', async () => {
    const answer = await get(`/v1/tenures/${seed('tenure/region-chairman')}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      postId: seed('post/region-chairman'),
      organisationId: S.region,
      personId: S.kazitov,
      name: { surname: 'Казитов' },
      method: 'elected',
      from: '2023-01-10',
      to: null,
      endReason: null,
      role: 'chair',
      basis: {
        basis: { meetingId: S.temirtauMeeting },
        meeting: { meetingId: S.temirtauMeeting, date: '2023-01-10', place: 'Temirtau', attendance: 128 },
      },
      endBasis: null,
    });
    expect(answer.headers['etag']).toMatch(/^"\d+"$/);
  });

  it('answers 404 with its code for unknown meetings, posts and tenures', async () => {
    for (const [path, code] of [
      ['meetings', 'meeting.not_found'],
      ['posts', 'post.not_found'],
      ['tenures', 'tenure.not_found'],
    ] as const) {
      const answer = await get(`/v1/${path}/${seed('nothing')}`);
      expect([path, answer.status, answer.body['code']]).toEqual([path, 404, code]);
    }
  });

  it('shows the meeting of a change of leadership in the filing: date, place, attendance, quorum, protocol, votes', async () => {
    const conference = expectStatus(
      await call('POST', '/v1/meetings', {
        organisationId: S.region,
        kind: 'conference',
        date: '2024-03-01',
        place: 'Караганда',
        attendance: 90,
        quorum: 60,
        protocolNumber: '7',
      }),
      201,
    )['id'] as string;
    const basis = { meetingId: conference, protocolNumber: '7', votes: { for: 70, against: 15, abstained: 5 } };
    const tenure = seed('tenure/region-chairman');
    expectStatus(
      await call('POST', `/v1/tenures/${tenure}/end`, { effectiveDate: '2024-03-01', reason: 'term_expired', basis }),
    );
    const answer = await t.app.inject({
      method: 'GET',
      url: '/v1/filings/leadership-changes?from=2024-01-01&to=2024-06-01&lang=en',
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    const rows = (answer.json() as { sections: Array<{ rows: Array<Record<string, unknown>> }> }).sections[0]!.rows;
    expect(rows).toEqual([
      expect.objectContaining({
        effectiveDate: '2024-03-01',
        meeting: 'Conference, 2024-03-01, present: 90',
        place: 'Караганда',
        quorum: 60,
        protocolNumber: '7',
        votesFor: 70,
        votesAgainst: 15,
        votesAbstained: 5,
      }),
    ]);
    // ...and the tenure names the meeting that ended it.
    const ended = (await get(`/v1/tenures/${tenure}`)).body;
    expect(ended).toMatchObject({
      to: '2024-03-01',
      endBasis: { basis, meeting: { meetingId: conference, quorum: 60 } },
    });
  });

  it('treats a head like a chair: the city branches have heads in the tree', async () => {
    const tree = (await get('/v1/organisations/tree?asOf=2023-02-01')).body;
    const find = (nodes: Array<Record<string, unknown>>, id: string): Record<string, unknown> | undefined => {
      for (const n of nodes) {
        if (n['id'] === id) return n;
        const found = find((n['children'] ?? []) as Array<Record<string, unknown>>, id);
        if (found) return found;
      }
      return undefined;
    };
    const roots = tree['roots'] as Array<Record<string, unknown>>;
    expect(find(roots, S.karagandaCity)?.['head']).toMatchObject({
      personId: S.kuderinov,
      postId: seed('post/karaganda-head'),
    });
    expect(find(roots, S.temirtauCity)?.['head']).toMatchObject({ personId: S.kozlovsky });
    expect(find(roots, S.region)?.['head']).toMatchObject({ personId: S.kazitov });
  });
});
