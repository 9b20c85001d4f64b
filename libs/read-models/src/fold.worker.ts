/**
 * A rebuild's folding thread: it reads whole streams of the log through a read-only connection of
 * its own, folds them and sends back their rows (`foldWholeStreams`); the rebuilding thread
 * inserts them. The member deltas are summed here, and sent once, at the end. Every answer is followed by a tick on the shared signal, which that thread waits on.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { attachSealing, SqliteEventQueries, StoreSealing } from '@baytaq/event-store';
import { type FoldAnswer, type FoldInit, type FoldRequest } from './fold-protocol';
import { MemberCounts } from './member-counts';
import { foldWholeStreams } from './projector';

const init = workerData as FoldInit;
const signal = new Int32Array(init.signal);

function answer(message: FoldAnswer): void {
  init.port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

const failure = (error: unknown): FoldAnswer => ({ error: error instanceof Error ? error.message : String(error) });

try {
  const db = new Database(init.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  // Streams are read in name order, their events scattered over the whole events table: mapped
  // (up to SQLite's limit of 2 GiB) rather than read page by page, the rebuild took 1 to 2 s less.
  db.pragma('mmap_size = 2147418112');
  const sealing = init.sealing ? StoreSealing.open(init.sealing) : undefined;
  if (sealing) attachSealing(db, sealing);
  const queries = new SqliteEventQueries(db);
  const counts = new MemberCounts();
  parentPort!.on('message', (request: FoldRequest | null) => {
    if (request === null) {
      db.close();
      sealing?.close();
      answer({ tally: counts.tally() });
      parentPort!.close();
      return;
    }
    try {
      const events = queries.readStreamRange(request.from, request.to, init.head, -1);
      answer({ rows: foldWholeStreams(events, counts), events: events.length });
    } catch (error) {
      answer(failure(error));
    }
  });
} catch (error) {
  answer(failure(error));
}
