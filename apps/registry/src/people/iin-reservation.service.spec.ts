import { randomUUID } from 'node:crypto';
import { personStream } from '@baytaq/domain';
import { MemoryEventStore } from '@baytaq/event-store';
import { loadConfig } from '../config/registry-config';
import type { WriteContext } from '../commands/write-context';
import { ABANDONED_RESERVATION_MS, IinReservations } from './iin-reservation.service';

/** DOMAIN.md, IIN: one IIN, one person; a reservation whose person was never recorded is taken over once abandoned. */
describe('IIN reservations', () => {
  const IIN = '800101300000'; // synthetic
  let now: number;
  let store: MemoryEventStore;
  let reservations: IinReservations;
  const write = { actor: 'test', correlationId: 'c', causationId: 'c' } as WriteContext;
  const holders = async () =>
    (await store.readStream(reservations.streamOf(IIN))).map((e) => e.data['personId'] as string);
  const register = (personId: string) =>
    store.append(
      personStream(personId),
      [{ id: randomUUID(), type: 'PersonRegistered', data: { personId } }],
      'no_stream',
    );

  beforeEach(() => {
    now = Date.parse('2026-01-01T00:00:00Z');
    store = new MemoryEventStore(() => new Date(now));
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    reservations = new IinReservations(store, loadConfig({ REGISTRY_IIN_SECRET: 'synthetic-test-secret-0000000000' }));
  });
  afterEach(() => jest.restoreAllMocks());

  it('refuses a second person while the first registration may still land, and takes an abandoned one over', async () => {
    await reservations.reserve(IIN, 'p1', write); // p1 is never recorded: a crash between the two appends
    now += ABANDONED_RESERVATION_MS - 1;
    await expect(reservations.reserve(IIN, 'p2', write)).rejects.toMatchObject({ error: { code: 'iin.taken' } });
    now += 1;
    await reservations.reserve(IIN, 'p2', write);
    expect(await holders()).toEqual(['p1', 'p2']);
  });

  it('never takes the IIN of a recorded person, however old; an erased one releases it', async () => {
    await reservations.reserve(IIN, 'p1', write);
    await register('p1');
    now += 10 * ABANDONED_RESERVATION_MS;
    await expect(reservations.reserve(IIN, 'p2', write)).rejects.toMatchObject({ error: { code: 'iin.taken' } });
    await store.append(
      personStream('p1'),
      [{ id: randomUUID(), type: 'PersonalDataErased', data: { personId: 'p1' } }],
      0,
    );
    await reservations.reserve(IIN, 'p2', write);
    expect(await holders()).toEqual(['p1', 'p2']);
  });
});
