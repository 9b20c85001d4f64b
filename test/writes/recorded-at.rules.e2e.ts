import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { client } from '../support/http';
import { registryWrites } from '../support/registry-writes';
import { startTestApp, type TestApp } from '../support/test-app';

/** DOMAIN.md, Time: "Recorded at" is when the registry learned a fact, set by the store, never by the client. */
describe('the recorded-at time of a write', () => {
  let t: TestApp;
  let call: ReturnType<typeof client>;
  let store: EventStore;
  const party = randomUUID();

  beforeAll(async () => {
    t = await startTestApp();
    call = client(t.app, t.adminKey);
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t?.close());

  it('given a client that sends its own recordedAt, when it writes, then the write is refused naming the field and nothing is appended', async () => {
    const head = (await store.readAll()).length;
    const answer = await call('POST', '/v1/people', {
      name: { surname: 'Синтетов', given: 'Тестжан' },
      citizenship: 'KZ',
      birthDate: '1980-01-01',
      recordedAt: '2001-01-01T00:00:00.000Z',
    });
    expect([answer.status, answer.body['code'], answer.body['errors']]).toEqual([
      400,
      'request.validation_failed',
      [expect.objectContaining({ field: 'recordedAt' })],
    ]);
    expect((await store.readAll()).length).toBe(head);
  });

  it('given a write, when the store appends it, then its recordedAt is the moment of the append, not its effective date', async () => {
    const before = new Date().toISOString();
    await registryWrites(call).establishParty(party, '2022-09-24');
    const after = new Date().toISOString();
    const events = (await store.readAll()).filter((e) => e.stream.includes(party));
    expect(events).toHaveLength(1);
    const { recordedAt } = events[0]!;
    expect([recordedAt >= before, recordedAt <= after]).toEqual([true, true]);
  });
});
