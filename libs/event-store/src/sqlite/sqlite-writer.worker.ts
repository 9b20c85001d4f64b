/**
 * The writer thread of the embedded store: it owns the write connection, runs each batch's
 * transaction with the inline projection, and waits for its fsync, while the main thread goes on
 * serving requests. Nothing is acknowledged before its commit has returned here.
 */
import Database from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { attachSealing } from '../sealing/attached-sealing';
import { sealStoredEvents } from '../sealing/seal-stored-events';
import { StoreSealing } from '../sealing/store-sealing';
import { configureConnection, migrateEventTables } from './sqlite-schema';
import { refusedByAnotherProcess, SqliteWriter, sqliteCode } from './sqlite-writer';
import {
  type FromWriter,
  type ReportingProjection,
  type ReportingProjectionFactory,
  type ToWriter,
  toWire,
  type WriterInit,
} from './writer-protocol';

const port = parentPort!;
const send = (message: FromWriter) => port.postMessage(message);
const init = workerData as WriterInit;

function open(): {
  db: Database.Database;
  writer: SqliteWriter;
  projection?: ReportingProjection;
  sealing?: StoreSealing;
} {
  const db = new Database(init.file);
  let sealing: StoreSealing | undefined;
  try {
    configureConnection(db);
    migrateEventTables(db);
    if (init.sealing) {
      sealing = StoreSealing.open(init.sealing);
      attachSealing(db, sealing);
      const sealed = sealStoredEvents(db, sealing);
      if (sealed > 0) send({ type: 'progress', line: `sealed ${sealed} people's events stored in plain text` });
    }
    let projection: ReportingProjection | undefined;
    if (init.projection) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const factory = require(init.projection.module)[init.projection.name] as ReportingProjectionFactory;
      projection = factory(db, (line) => send({ type: 'progress', line }));
    }
    return {
      db,
      writer: new SqliteWriter(db, projection, sealing, { logTree: init.logTree !== false }),
      projection,
      sealing,
    };
  } catch (error) {
    sealing?.close();
    db.close();
    throw sqliteCode(error) === 'SQLITE_BUSY' ? refusedByAnotherProcess(init.file) : error;
  }
}

/**
 * Batches sent while the thread was busy wait in its port: they are taken with the one at hand
 * and committed in one transaction (one fsync), up to this many appends, each answered in order.
 */
const APPENDS_PER_COMMIT = 500;

try {
  const { db, writer, projection, sealing } = open();
  send({ type: 'ready', report: projection?.report(), settings: writer.settings() });
  const handle = (message: ToWriter): void => {
    if (message.type === 'forget') {
      sealing?.keys.forget(message.personId);
      send({ type: 'forgotten' });
      return;
    }
    if (message.type === 'close') {
      sealing?.close();
      db.close();
      send({ type: 'closed' });
      port.close();
      return;
    }
    const batches = [message];
    let appends = message.appends.length;
    let after: ToWriter | undefined;
    while (appends < APPENDS_PER_COMMIT) {
      const waiting = receiveMessageOnPort(port)?.message as ToWriter | undefined;
      if (!waiting) break;
      if (waiting.type !== 'commit') {
        after = waiting;
        break;
      }
      batches.push(waiting);
      appends += waiting.appends.length;
    }
    const outcomes = writer.commitBatches(batches);
    const report = projection?.report();
    for (const batch of outcomes) {
      send({
        type: 'committed',
        outcomes: batch.map((o) =>
          o.result ? { result: o.result, stored: !!o.recorded } : { error: toWire(o.error) },
        ),
        report,
      });
    }
    if (after) handle(after);
  };
  port.on('message', handle);
} catch (error) {
  send({ type: 'failed', error: toWire(error) });
}
