import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { SealingConfig } from './sealing-config';
import { ERASED_NAME, testSealing } from '../testing/test-sealing';

const IIN = '900101300017';

const registered = (personId: string) => ({
  id: randomUUID(),
  type: 'PersonRegistered',
  data: {
    personId,
    name: { surname: 'Синтетов', given: 'Тест' },
    citizenship: 'KZ',
    personal: { iin: IIN, birthDate: '1990-01-01' },
    effectiveDate: '2024-03-01',
  },
});

function storedRows(file: string): Array<{ stream: string; data: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT stream, data FROM events ORDER BY position').all() as Array<{
      stream: string;
      data: string;
    }>;
  } finally {
    db.close();
  }
}

const collect = (store: EventStore) =>
  new Promise<RecordedEvent[]>((resolve, reject) => {
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      {},
      {
        onEvent: (e) => void seen.push(e),
        onCaughtUp: () => void subscription.close().then(() => resolve(seen)),
        onError: reject,
      },
    );
  });

describe.each([
  ['writer in this thread', false],
  ['writer thread', true],
])('the embedded store with sealing (%s)', (_, thread) => {
  const open = (file: string, sealing: SealingConfig, projected?: RecordedEvent[]) =>
    thread
      ? SqliteEventStore.openWithWriterThread(file, { sealing })
      : Promise.resolve(
          SqliteEventStore.open(file, {
            sealing,
            ...(projected
              ? {
                  projection: () => ({
                    apply: (_db, events) => void projected.push(...events),
                    committed: () => undefined,
                    rolledBack: () => undefined,
                  }),
                }
              : {}),
          }),
        );

  it("stores people's personal fields sealed and reads them back plain, on every path", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-store-'));
    const file = join(dir, 'registry.sqlite');
    const sealing = testSealing(dir, 'person-');
    const person = randomUUID();
    const projected: RecordedEvent[] = [];
    let store = await open(file, sealing, projected);
    const event = registered(person);
    const first = await store.append(`person-${person}`, [event], 'no_stream');
    await store.append(
      `organisation-${person}`,
      [{ id: randomUUID(), type: 'PersonRegistered', data: event.data }],
      'any',
    );
    // A retry of the stored append is answered with its result.
    expect(await store.append(`person-${person}`, [event], 'no_stream')).toEqual(first);
    if (!thread) expect(projected[0]!.data).toEqual(event.data);
    await store.close();

    const [personRow, organisationRow] = storedRows(file);
    expect(JSON.parse(personRow!.data)).toEqual({
      personId: person,
      sealed: { v: 1, iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) },
      citizenship: 'KZ',
      effectiveDate: '2024-03-01',
    });
    expect(personRow!.data).not.toContain(IIN);
    expect(personRow!.data).not.toContain('Синтетов');
    // Only people's streams are sealed.
    expect(organisationRow!.data).toContain(IIN);

    store = await open(file, sealing);
    expect((await store.readStream(`person-${person}`))[0]!.data).toEqual(event.data);
    expect((await store.readAll())[0]!.data).toEqual(event.data);
    expect((await collect(store))[0]!.data).toEqual(event.data);
    await store.close();
  });

  it('reads a person whose key was destroyed as erased, and writes nothing personal of them after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-store-'));
    const file = join(dir, 'registry.sqlite');
    const store = await open(file, testSealing(dir, 'person-'));
    const person = randomUUID();
    await store.append(`person-${person}`, [registered(person)], 'no_stream');
    await store.readStream(`person-${person}`); // the key is now unwrapped in every thread
    const keys = (store as SqliteEventStore).keys!;
    expect(keys.destroyed(person)).toBe(false);
    expect(await keys.destroy(person)).toBe(true);
    expect(keys.destroyed(person)).toBe(true);

    const erased = {
      personId: person,
      name: ERASED_NAME,
      personal: {},
      citizenship: 'KZ',
      effectiveDate: '2024-03-01',
    };
    expect((await store.readStream(`person-${person}`))[0]!.data).toEqual(erased);
    expect((await store.readAll())[0]!.data).toEqual(erased);
    // The writer forgot the key too: an event sealed after the erasure stores the replacements.
    await store.append(`person-${person}`, [{ ...registered(person), type: 'PersonRegistered' }], 0);
    await store.close();
    const rows = storedRows(file);
    expect(rows[1]!.data).not.toContain(IIN);
    expect(JSON.parse(rows[1]!.data)).toEqual(erased);
  });
});
