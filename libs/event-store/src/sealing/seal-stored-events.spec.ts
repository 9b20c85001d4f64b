import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, EventToAppend } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testSealing } from '../testing/test-sealing';
import { sealingBackupOf } from './seal-stored-events';

const SECRETS = ['900101300017', 'Плейнтекстов', 'Plaintextov', '1990-01-01', 'KZ-CARD-4242', '+77019998877'];

function personEvents(personId: string, n: number): EventToAppend[] {
  return [
    {
      id: randomUUID(),
      type: 'PersonRegistered',
      data: {
        personId,
        name: { surname: `Плейнтекстов${n}`, given: 'Тест' },
        latinName: { surname: `Plaintextov${n}`, given: 'Test' },
        citizenship: 'KZ',
        personal: { iin: `9001013000${10 + n}`, birthDate: '1990-01-01', contacts: { phone: '+77019998877' } },
        effectiveDate: '2024-03-01',
      },
      metadata: { actor: 'admin' },
    },
    {
      id: randomUUID(),
      type: 'MemberAdmitted',
      data: { organisationId: randomUUID(), cardNumber: `KZ-CARD-4242-${n}`, effectiveDate: '2024-03-02' },
    },
  ];
}

/** Every byte of every file of the directory, as UTF-8 text and as UTF-16. */
function filesContain(dir: string, text: string): string[] {
  return readdirSync(dir).filter((name) => {
    const bytes = readFileSync(join(dir, name));
    return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
  });
}

async function append(store: EventStore, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++) {
    const person = randomUUID();
    await store.append(`person-${person}`, personEvents(person, n), 'no_stream');
    await store.append(`organisation-${person}`, [{ id: randomUUID(), type: 'OrganisationFounded', data: {} }], 'any');
  }
}

describe.each([
  ['writer in this thread', false],
  ['writer thread', true],
])('a store written before sealing, opened with it (%s)', (_, thread) => {
  const open = (file: string, sealing = testSealing(join(file, '..'), 'person-')) =>
    thread
      ? SqliteEventStore.openWithWriterThread(file, { sealing })
      : Promise.resolve(SqliteEventStore.open(file, { sealing }));

  it('is rewritten sealed at start: no personal byte left in the files, every read as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-sealing-'));
    const file = join(dir, 'registry.sqlite');
    // The write path as it was before sealing: the same store without the sealing option.
    const old = SqliteEventStore.open(file);
    await append(old, 0, 20);
    const before = await old.readAll();
    await old.close();
    for (const secret of SECRETS) expect(filesContain(dir, secret)).toContain('registry.sqlite');

    const sealing = testSealing(dir, 'person-');
    let store = await open(file, sealing);
    expect(await store.readAll()).toEqual(before);
    // A writer without sealing appends more in plain text: the next start seals those too.
    await store.close();
    const late = SqliteEventStore.open(file);
    await append(late, 20, 2);
    // Read by a store without sealing: the first events come sealed, the new ones as written.
    const all = [...before, ...(await late.readAll({ after: before[before.length - 1]!.position }))];
    await late.close();
    store = await open(file, sealing);
    await store.close();

    for (const secret of SECRETS) expect(filesContain(dir, secret)).toEqual([]);
    expect(existsSync(sealingBackupOf(file))).toBe(false);
    store = await open(file, sealing);
    expect(await store.readAll()).toEqual(all);
    expect(await store.readStream(all[0]!.stream)).toEqual(all.slice(0, 2));
    await store.close();
  });
});
