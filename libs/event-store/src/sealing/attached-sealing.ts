import type { Database } from 'better-sqlite3';
import type { StoreSealing } from './store-sealing';

const attached = new WeakMap<Database, StoreSealing>();

/**
 * Makes every read of the log through `db` unseal (the store's queries ask `sealingOf`): reads
 * of the main thread, the writer thread's projection catching up, a rebuild's folding threads.
 */
export function attachSealing(db: Database, sealing: StoreSealing): void {
  attached.set(db, sealing);
}

export function sealingOf(db: Database): StoreSealing | undefined {
  return attached.get(db);
}
