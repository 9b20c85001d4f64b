/**
 * Child process of the crash test: appends to a sqlite store with 16 concurrent writers until
 * killed, printing the id of every event whose append has returned success. With `thread`, the
 * store writes from its writer thread.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

const file = process.argv[2];
if (!file) throw new Error('usage: append-forever.child.ts <file> [thread]');

async function writer(store: SqliteEventStore, n: number): Promise<never> {
  for (;;) {
    const id = randomUUID();
    await store.append(`crash-${n}`, [{ id, type: 'Tick', data: { n, pad: 'x'.repeat(200) } }], 'any');
    process.stdout.write(`${id}\n`);
  }
}

void (async () => {
  const store =
    process.argv[3] === 'thread' ? await SqliteEventStore.openWithWriterThread(file) : SqliteEventStore.open(file);
  for (let n = 0; n < 16; n++) void writer(store, n);
})();
