import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '../testing/conformance';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-store-'));
  const file = join(dir, 'registry.sqlite');
  let store = SqliteEventStore.open(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = SqliteEventStore.open(file);
      return store;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreConformance('sqlite with a writer thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baytaq-store-'));
  const file = join(dir, 'registry.sqlite');
  let store = await SqliteEventStore.openWithWriterThread(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await SqliteEventStore.openWithWriterThread(file);
      return store;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
