import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client, expectStatus } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('meetings and retraction', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let w: ReturnType<typeof registryWrites>;
  let store: EventStore;
  const party = randomUUID();
  const ok = expectStatus;
  const member = (surname: string) => w.member(surname, party, '2022-09-24');

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    w = registryWrites(call);
    store = t.app.get(EVENT_STORE);
    await w.establishParty(party);
  });
  afterAll(() => t.close());

  it('records a meeting of an existing organisation, and refuses one of an unknown organisation', async () => {
    const meeting = {
      organisationId: party,
      kind: 'conference',
      date: '2023-01-10',
      place: 'Temirtau',
      attendance: 128,
      quorum: 100,
      protocolNumber: '1',
      agenda: ['Establish the Karaganda regional branch'],
    };
    const body = ok(await call('POST', '/v1/meetings', meeting), 201);
    const [recorded] = await store.readStream(`meeting-${body['id']}`);
    expect(recorded).toMatchObject({ type: 'MeetingRecorded', data: { attendance: 128, place: 'Temirtau' } });
    const unknown = await call('POST', '/v1/meetings', { ...meeting, organisationId: randomUUID() });
    expect(unknown.status).toBe(404);
  });

  it('retracts an entry made in error: the event stays in the log and the state ignores it', async () => {
    const body = ok(
      await call('POST', `/v1/organisations/${party}/renamings`, {
        name: { ru: 'Опечатка' },
        effectiveDate: '2023-02-01',
      }),
    );
    const eventId = (body['eventIds'] as string[])[0]!;
    ok(await call('POST', `/v1/events/${eventId}/retraction`, { reason: 'typo in the name' }));
    const events = await store.readStream(`organisation-${party}`);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['OrganisationRenamed', 'EventRetracted']));
    const again = await call('POST', `/v1/events/${eventId}/retraction`, { reason: 'twice' });
    expect([again.status, again.body['code']]).toEqual([409, 'event.already_retracted']);
    const unknown = await call('POST', `/v1/events/${randomUUID()}/retraction`, { reason: 'nothing' });
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'event.not_found']);
  });

  it('refuses to retract the end of a tenure when someone else has since taken the single seat', async () => {
    const [first, second] = [await member('Первов'), await member('Вторев')];
    const post = await w.createPost(party, 'chair', 'Председатель', '2022-09-24');
    const tenure = ok(await w.startTenure(post, first, '2022-09-24', 'elected'), 201)['id'];
    const end = ok(
      await call('POST', `/v1/tenures/${tenure}/end`, { effectiveDate: '2023-07-22', reason: 'term_expired' }),
    );
    ok(await w.startTenure(post, second, '2023-07-22', 'elected'), 201);
    const head = await store.headPosition();
    const refused = await call('POST', `/v1/events/${(end['eventIds'] as string[])[0]}/retraction`, {
      reason: 'entered in error',
    });
    expect([refused.status, refused.body['code']]).toEqual([409, 'retraction.breaks_timeline']);
    expect(await store.headPosition()).toBe(head);
  });
});
