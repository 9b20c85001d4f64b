import { foldStream, meetingDecider, organisationDecider, personDecider } from '@baytaq/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@baytaq/event-store';
import { StreamStates } from '../../apps/registry/src/commands/stream-states';
import { loadSeedStory } from '../../apps/tools/src/demo/load-seed-story';
import { SEED_IDS } from '../../apps/tools/src/demo/seed-story';
import { startTestApp, type TestApp } from '../support/test-app';

describe('npm run demo: the seed story', () => {
  let t: TestApp;
  let store: EventStore;
  let first: { applied: number; replayed: number };
  let log: RecordedEvent[];
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    first = await loadSeedStory(t.app);
    log = await store.readAll();
  });
  afterAll(() => t.close());

  const ofType = (type: string, stream?: string) =>
    log.filter((e) => e.type === type && (stream === undefined || e.stream === stream));

  it('records the party, founded 2022-09-24 and registered 2022-11-28, with its chairman since the founding congress', () => {
    expect(first.replayed).toBe(0);
    const party = `organisation-${SEED_IDS.party}`;
    expect(ofType('OrganisationEstablished', party)[0]!.data).toMatchObject({
      kind: 'party',
      effectiveDate: '2022-09-24',
    });
    expect(ofType('OrganisationRegistered', party)[0]!.data).toMatchObject({ effectiveDate: '2022-11-28' });
    const chair = ofType('TenureStarted', party);
    expect(chair.map((e) => [e.data['personId'], e.data['effectiveDate']])).toEqual([[SEED_IDS.amirtai, '2022-09-24']]);
  });

  it('records the Temirtau meeting of 2023-01-10 with 128 present, and the three heads it elected', () => {
    const [meeting] = ofType('MeetingRecorded');
    expect(meeting!.data).toMatchObject({ date: '2023-01-10', place: 'Temirtau', attendance: 128 });
    const heads = [
      [SEED_IDS.region, SEED_IDS.kazitov],
      [SEED_IDS.karagandaCity, SEED_IDS.kuderinov],
      [SEED_IDS.temirtauCity, SEED_IDS.kozlovsky],
    ];
    for (const [org, person] of heads) {
      const [tenure] = ofType('TenureStarted', `organisation-${org}`);
      expect(tenure!.data).toMatchObject({
        personId: person,
        effectiveDate: '2023-01-10',
        method: 'elected',
        basis: { meetingId: SEED_IDS.temirtauMeeting },
      });
    }
    const names = ofType('PersonRegistered').map((e) => (e.data['name'] as { surname: string }).surname);
    expect(names.sort()).toEqual(['Әміртай', 'Казитов', 'Козловский', 'Кудеринов'].sort());
  });

  it('establishes the councils and the counting commission as bodies without invented members', () => {
    const bodies = ofType('OrganisationEstablished').filter((e) => e.data['kind'] === 'body');
    expect(bodies.map((e) => e.data['bodyType']).sort()).toEqual(
      ['counting_commission', 'political_council', 'political_council', 'political_council'].sort(),
    );
    const bodyStreams = new Set(bodies.map((e) => e.stream));
    expect(log.filter((e) => e.type === 'TenureStarted' && bodyStreams.has(e.stream))).toEqual([]);
  });

  it('invents no personal data: no IIN, birth date or contacts', () => {
    for (const e of ofType('PersonRegistered')) expect(e.data['personal']).toEqual({});
  });

  it('changes nothing when run a second time', async () => {
    const head = await store.headPosition();
    const second = await loadSeedStory(t.app);
    expect(second).toEqual({ applied: 0, replayed: first.applied });
    expect(await store.headPosition()).toBe(head);
  });

  it('keeps, after its own appends, the same states a fold of the stored events gives', async () => {
    const runner = t.app.get(StreamStates);
    // Every stream's state must come from the cache: the store is asked only for what follows it.
    const asked = new Map<string, number | undefined>();
    const read = store.readStream.bind(store);
    const spy = jest.spyOn(store, 'readStream').mockImplementation((stream, options) => {
      asked.set(stream, options?.fromRevision);
      return read(stream, options);
    });
    const deciders = { organisation: organisationDecider, person: personDecider, meeting: meetingDecider } as const;
    const streams = [...new Set(log.map((e) => e.stream))];
    let compared = 0;
    for (const stream of streams) {
      const kind = stream.slice(0, stream.indexOf('-')) as keyof typeof deciders;
      const decider = deciders[kind] as (typeof deciders)['person'];
      if (!decider) continue;
      const stored = log
        .filter((e) => e.stream === stream)
        .map((e) => ({ eventId: e.id, event: { type: e.type, data: e.data } as never }));
      expect((await runner.load(stream, decider)).state).toStrictEqual(foldStream(decider, stored));
      expect(asked.get(stream)).toBe(stored.length);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10);
    spy.mockRestore();
  });
});
