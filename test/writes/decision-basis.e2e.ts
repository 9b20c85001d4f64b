import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** DOMAIN.md "Decisions and their meetings", through the real app: each refusal, and nothing appended. */
describe('decisions resting on meetings', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let w: ReturnType<typeof registryWrites>;
  let store: EventStore;
  const party = randomUUID();
  const region = randomUUID();
  let congress: string;
  let post: string;
  let officer: string;

  const meeting = async (organisationId: string, fields: Record<string, unknown> = {}) =>
    expectStatus(
      await call('POST', '/v1/meetings', {
        organisationId,
        kind: 'conference',
        date: '2023-01-10',
        place: 'Темиртау',
        attendance: 128,
        quorum: 100,
        ...fields,
      }),
      201,
    )['id'] as string;
  const branch = (basis: Record<string, unknown>, effectiveDate = '2023-01-10') =>
    call('POST', '/v1/organisations', {
      kind: 'city_branch',
      parentId: region,
      kato: '351010000',
      name: { ru: 'Синтетический городской филиал' },
      effectiveDate,
      basis,
    });
  /** The answer is the refusal named, about the meeting named, and the log did not move. */
  async function refused(
    write: () => Promise<{ status: number; body: Record<string, unknown> }>,
    status: number,
    code: string,
    meetingId: string,
  ) {
    const head = await store.headPosition();
    const answer = await write();
    expect([answer.status, answer.body['code']]).toEqual([status, code]);
    expect(answer.body['meetingId']).toBe(meetingId);
    expect(String(answer.body['detail'])).toContain(meetingId);
    expect(await store.headPosition()).toBe(head);
  }

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    store = t.app.get(EVENT_STORE);
    await w.establishParty(party);
    congress = await meeting(party, { kind: 'congress' });
    expectStatus(
      await call('POST', '/v1/organisations', {
        id: region,
        kind: 'regional_branch',
        parentId: party,
        kato: '350000000',
        name: { ru: 'Синтетический областной филиал' },
        effectiveDate: '2023-01-10',
        basis: { meetingId: congress, votes: { for: 120, against: 3, abstained: 5 } },
      }),
      201,
    );
    post = await w.createPost(region, 'chair', 'Председатель филиала', '2023-01-10');
    officer = await w.member('Базисов', region, '2023-01-10');
  });
  afterAll(() => t.close());

  it('accepts a founding on a quorate meeting of the parent held that day', async () => {
    const answer = expectStatus(await branch({ meetingId: congress }), 201);
    const [event] = await store.readStream(`organisation-${answer['id']}`);
    expect(event?.data['basis']).toEqual({ meetingId: congress });
  });

  it('refuses a meeting that is not recorded (422)', async () => {
    const unknown = randomUUID();
    await refused(() => branch({ meetingId: unknown }), 422, 'basis.meeting_not_found', unknown);
  });

  it('refuses a founding backdated before the meeting that is said to have decided it (409)', async () => {
    const later = await meeting(party, { date: '2023-02-15' });
    await refused(() => branch({ meetingId: later }, '2023-02-01'), 409, 'basis.meeting_after_decision', later);
    expectStatus(await branch({ meetingId: later }, '2023-02-15'), 201);
  });

  it('refuses a meeting of another organisation than the one concerned or its ancestors (409)', async () => {
    const sibling = randomUUID();
    expectStatus(
      await call('POST', '/v1/organisations', {
        id: sibling,
        kind: 'regional_branch',
        parentId: party,
        kato: '100000000',
        name: { ru: 'Синтетический абайский филиал' },
        effectiveDate: '2023-01-10',
      }),
      201,
    );
    const elsewhere = await meeting(sibling);
    await refused(
      () =>
        call('POST', `/v1/posts/${post}/tenures`, {
          personId: officer,
          effectiveDate: '2023-02-01',
          method: 'elected',
          basis: { meetingId: elsewhere },
        }),
      409,
      'basis.meeting_not_competent',
      elsewhere,
    );
    // The region's own meeting founds its sub-branch: that is the parent's side.
    const own = await meeting(region);
    expectStatus(await branch({ meetingId: own }), 201);
  });

  it('refuses an inquorate meeting (409) and accepts one whose quorum is not known', async () => {
    const few = await meeting(party, { attendance: 5, quorum: 50 });
    await refused(() => branch({ meetingId: few }), 409, 'basis.meeting_inquorate', few);
    const unknownQuorum = await meeting(party, { attendance: 5, quorum: undefined });
    expectStatus(await branch({ meetingId: unknownQuorum }), 201);
  });

  it('refuses votes that exceed attendance (422) or do not carry (409)', async () => {
    await refused(
      () => branch({ meetingId: congress, votes: { for: 100, against: 20, abstained: 9 } }),
      422,
      'basis.votes_invalid',
      congress,
    );
    await refused(
      () => branch({ meetingId: congress, votes: { for: 50, against: 60, abstained: 0 } }),
      409,
      'basis.not_carried',
      congress,
    );
  });

  it('refuses to rest on a retracted meeting (409), and checks admissions the same way', async () => {
    const mistaken = await meeting(party, { date: '2023-01-09' });
    const [recorded] = await store.readStream(`meeting-${mistaken}`);
    expectStatus(await call('POST', `/v1/events/${recorded!.id}/retraction`, { reason: 'entered twice' }));
    await refused(() => branch({ meetingId: mistaken }), 409, 'basis.meeting_retracted', mistaken);
    const person = await w.registerPerson('Ретрактов');
    await refused(
      () =>
        call('POST', `/v1/people/${person}/membership/admission`, {
          organisationId: region,
          effectiveDate: '2023-02-01',
          basis: { meetingId: mistaken },
        }),
      409,
      'basis.meeting_retracted',
      mistaken,
    );
  });

  it('refuses to retract a meeting that standing decisions rest on, until they are retracted', async () => {
    const session = await meeting(region, { date: '2023-03-01', kind: 'council_session' });
    const [recorded] = await store.readStream(`meeting-${session}`);
    const tenure = expectStatus(
      await call('POST', `/v1/posts/${post}/tenures`, {
        personId: officer,
        effectiveDate: '2023-03-01',
        method: 'elected',
        basis: { meetingId: session },
      }),
      201,
    );
    const head = await store.headPosition();
    const retraction = await call('POST', `/v1/events/${recorded!.id}/retraction`, { reason: 'wrong minutes' });
    expect([retraction.status, retraction.body['code'], retraction.body['meetingId']]).toEqual([
      409,
      'meeting.has_decisions',
      session,
    ]);
    expect(retraction.body['eventIds']).toEqual(tenure['eventIds']);
    expect(await store.headPosition()).toBe(head);
    const [started] = tenure['eventIds'] as string[];
    expectStatus(await call('POST', `/v1/events/${started}/retraction`, { reason: 'wrong minutes' }));
    expectStatus(await call('POST', `/v1/events/${recorded!.id}/retraction`, { reason: 'wrong minutes' }));
  });
});
