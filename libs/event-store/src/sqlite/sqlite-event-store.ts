import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { validateAppend } from '../append-check';
import { StoreUnavailableError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionHandler,
  Subscription,
} from '../event-store.port';
import { CommitSignal, followLog } from '../log-follower';
import { MonotonicClock } from '../monotonic-clock';
import { compareSequencePositions } from '../sequence-position';
import { GenerationalCache } from '../generational-cache';
import { attachSealing } from '../sealing/attached-sealing';
import type { SealingConfig } from '../sealing/sealing-config';
import { sealStoredEvents } from '../sealing/seal-stored-events';
import { StoreSealing } from '../sealing/store-sealing';
import { type SerializedEvent, serializeEvents, SqliteEventQueries } from './sqlite-event-queries';
import { configureConnection, configureReader, migrateEventTables } from './sqlite-schema';
import { CommittedEvent, RecentEvents } from './recent-events';
import {
  type AppendRequest,
  type InlineProjection,
  refusedByAnotherProcess,
  SqliteWriter,
  sqliteCode,
  STREAM_REVISIONS_KEPT,
} from './sqlite-writer';
import { type WriterProjectionModule, type WriterSettings } from './writer-protocol';
import { type BatchOutcome, WriterThread } from './writer-thread';

export type { InlineProjection } from './sqlite-writer';

/**
 * Batches a writer thread holds at once: one committing, the others queued behind it. More keep
 * this thread busy while the writer commits; fewer make larger batches (fewer fsyncs). In
 * bench:commands 2 gave 3,160 to 3,230 commands/s, 3 gave 3,300 to 3,480, 4 gave 3,600, 8 gave 3,470.
 */
const BATCHES_IN_FLIGHT = 4;

/**
 * Keeps other processes out of a store whose connections do not lock it exclusively: a small
 * SQLite file, written once and held in exclusive locking mode until this process closes it.
 */
function lockFile(store: string): { close(): void } {
  const db = new Database(`${store}-lock`);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER); DELETE FROM owner;');
    db.prepare('INSERT INTO owner (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    db.close();
    if (sqliteCode(error) === 'SQLITE_BUSY') throw refusedByAnotherProcess(store);
    throw error;
  }
  return { close: () => db.close() };
}

export interface SqliteEventStoreOptions {
  now?: () => Date;
  /** Opened with the store: inline projections, fed in the append's transaction. */
  projection?: (db: Database.Database) => InlineProjection;
  /** Seals people's events (and unseals every read); without it they are stored as written. */
  sealing?: SealingConfig;
  /** false: the writer keeps no Merkle tree of the log (bench:integrity's baseline only). */
  logTree?: boolean;
}

export interface SqliteWriterThreadOptions {
  now?: () => Date;
  /** The inline projection, opened in the writer thread from a module; `onReport` hears from each commit. */
  projection?: WriterProjectionModule & {
    onReport(report: unknown): void;
    onProgress?(line: string): void;
  };
  /** Seals people's events in the writer thread; every thread that reads the log unseals. */
  sealing?: SealingConfig;
  /** false: the writer thread keeps no Merkle tree of the log (bench:integrity's baseline only). */
  logTree?: boolean;
}

/** People's data keys as the store holds them: erasure destroys one. */
export interface StoreKeys {
  /** Destroys the key in the key store and makes every thread of the store forget it. */
  destroy(personId: string): Promise<boolean>;
  destroyed(personId: string): boolean;
}

/** Where the batches go: the writer in this thread, or the writer thread. */
interface Writer {
  commit(batch: AppendRequest[], recordedAt: string): BatchOutcome[] | Promise<BatchOutcome[]>;
  /** Closes what writes (and the file, when this thread writes). */
  release(): Promise<void>;
  /** Why nothing can be written any more, when that is so. */
  readonly error?: Error | undefined;
  /** How the connection that writes is set up. */
  readonly settings: WriterSettings;
  /** Drops a destroyed key from what the writer holds. */
  forget(personId: string): void | Promise<void>;
}

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The embedded store: one SQLite file, WAL, synchronous=FULL. Appends that arrive while the
 * previous batch commits are committed together in one transaction (one fsync), each inside its
 * own savepoint so that a conflict fails that append alone. A promise resolves only after commit.
 * The writer runs in this thread (`open`) or in a thread of its own (`openWithWriterThread`),
 * which leaves this one free to serve while a batch is written and fsynced.
 */
export class SqliteEventStore implements EventStore {
  private readonly queries: SqliteEventQueries;
  private readonly signal = new CommitSignal();
  private readonly clock: MonotonicClock;
  /**
   * The last revision of streams, exact because this process alone writes the file: it spares
   * the read of a stream that has nothing new. Only committed revisions enter it.
   */
  private readonly revisions = new GenerationalCache<string, number>(STREAM_REVISIONS_KEPT);
  /** The events last committed, and the head of the log, for the followers of the log. */
  private readonly recent: RecentEvents;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  /** Batches sent to a writer thread and not yet answered. */
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  /** Set by `close`: from then on appends are refused, and what was queued is committed. */
  private closing: Promise<void> | undefined;

  private constructor(
    readonly db: Database.Database,
    private readonly writer: Writer,
    now: (() => Date) | undefined,
    /** This thread's hold on the key store (attached to `db` already), when the store seals. */
    private readonly sealing?: StoreSealing,
  ) {
    this.clock = new MonotonicClock(now);
    this.queries = new SqliteEventQueries(db);
    this.recent = new RecentEvents(Number(this.queries.headPosition() ?? 0));
    const last = this.queries.lastRecordedAt();
    if (last) this.clock.advanceTo(last);
  }

  /**
   * The store with its writer in this thread: the file's one writing connection. A lock file keeps
   * other processes out, as with a writer thread; the file itself stays readable by other
   * connections of this process (a rebuild's folding threads read the log through them).
   */
  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    mkdirSync(dirname(file), { recursive: true });
    const lock = lockFile(file);
    let db: Database.Database | undefined;
    let sealing: StoreSealing | undefined;
    try {
      db = new Database(file);
      configureConnection(db);
      migrateEventTables(db);
      const open = db;
      if (options.sealing) {
        sealing = StoreSealing.open(options.sealing);
        attachSealing(open, sealing);
        sealStoredEvents(open, sealing);
      }
      const writer = new SqliteWriter(open, options.projection?.(open), sealing, {
        logTree: options.logTree !== false,
      });
      const inThread: Writer = {
        commit: (batch, at) =>
          writer
            .commit(batch, at)
            .map((o) => (o.recorded ? { result: o.result, committed: o.recorded.map(CommittedEvent.of) } : o)),
        release: async () => {
          try {
            open.close();
            sealing?.close();
          } finally {
            lock.close();
          }
        },
        settings: writer.settings(),
        forget: () => undefined, // the writer shares this thread's key store
      };
      return new SqliteEventStore(open, inThread, options.now, sealing);
    } catch (error) {
      // Whatever failed (the file, its schema, a projection that cannot open), the file and its
      // lock are left free for the next attempt.
      sealing?.close();
      db?.close();
      lock.close();
      if (sqliteCode(error) === 'SQLITE_BUSY') throw refusedByAnotherProcess(file);
      throw error;
    }
  }

  /**
   * The store with its writer (and the inline projection) in a thread of its own. This thread
   * reads through a read-only connection; a lock file keeps other processes out.
   */
  static async openWithWriterThread(file: string, options: SqliteWriterThreadOptions = {}): Promise<SqliteEventStore> {
    mkdirSync(dirname(file), { recursive: true });
    const lock = lockFile(file);
    let thread: WriterThread | undefined;
    let sealing: StoreSealing | undefined;
    try {
      const projection = options.projection;
      const started = await WriterThread.start(
        {
          file,
          ...(projection ? { projection: { module: projection.module, name: projection.name } } : {}),
          ...(options.sealing ? { sealing: options.sealing } : {}),
          ...(options.logTree === false ? { logTree: false } : {}),
        },
        (report) => projection?.onReport(report),
        projection?.onProgress,
      );
      thread = started.thread;
      if (started.report !== undefined) projection?.onReport(started.report);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      configureReader(db);
      if (options.sealing) {
        sealing = StoreSealing.open(options.sealing);
        attachSealing(db, sealing);
      }
      const writer = thread;
      const keys = sealing;
      const viaThread: Writer = {
        commit: (batch, at) => writer.commit(batch, at),
        release: async () => {
          await writer.close();
          db.close();
          keys?.close();
          lock.close();
        },
        get error() {
          return writer.error;
        },
        settings: started.settings,
        forget: (personId) => writer.forget(personId),
      };
      return new SqliteEventStore(db, viaThread, options.now, sealing);
    } catch (error) {
      sealing?.close();
      await thread?.close();
      lock.close();
      throw error;
    }
  }

  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('the sqlite store is closed'));
    let serialized: SerializedEvent[];
    try {
      validateAppend(stream, events, expected);
      serialized = serializeEvents(events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events: serialized, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every queued append in one transaction, then settles each one's promise. */
  private flush(): void {
    this.flushScheduled = false;
    // A writer thread takes the next batches while it commits one; beyond that, appends wait and
    // join one larger batch (one fsync for all of them).
    if (this.inFlight.size >= BATCHES_IN_FLIGHT) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: BatchOutcome[] | Promise<BatchOutcome[]>;
    try {
      const requests = batch.map(({ stream, events, expected }) => ({ stream, events, expected }));
      outcomes = this.writer.commit(requests, this.clock.nowIso());
    } catch (error) {
      outcomes = batch.map(() => ({ error }));
    }
    if (!(outcomes instanceof Promise)) return this.settle(batch, outcomes);
    const done: Promise<void> = outcomes
      .catch((error: unknown) => batch.map(() => ({ error })))
      .then((settled) => this.settle(batch, settled))
      .finally(() => {
        this.inFlight.delete(done);
        this.flush();
      });
    this.inFlight.add(done);
  }

  private settle(batch: PendingAppend[], outcomes: BatchOutcome[]): void {
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.committed) {
        this.recent.add(outcome.committed);
        const known = this.revisions.peek(pending.stream);
        if (known === undefined || known < outcome.result.revision) {
          this.revisions.set(pending.stream, outcome.result.revision);
        }
      }
    });
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.result) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    this.signal.notify();
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const forwards = options.direction !== 'backwards';
    const known = this.revisions.peek(stream);
    if (forwards && known !== undefined && (options.fromRevision ?? 0) > known) return [];
    const events = this.queries.readStream(stream, options);
    if (forwards && options.maxCount === undefined && events.length > 0) {
      this.revisions.set(stream, events[events.length - 1]!.revision);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const recent = this.recent.read(options);
    if (recent) return recent;
    // The writer thread commits before it answers: the file may hold a batch not yet acknowledged,
    // which no reader may see before its appends are answered (nor beyond the head this store reports).
    return this.queries.readAll(options, this.recent.head);
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    return followLog(this, this.signal, options, handler);
  }

  async headPosition(): Promise<string | undefined> {
    this.assertOpen();
    return this.recent.head === 0 ? undefined : String(this.recent.head);
  }

  comparePositions(a: string, b: string): number {
    return compareSequencePositions(a, b);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    if (this.writer.error) throw this.writer.error;
    this.queries.ping();
  }

  /** People's data keys, when the store seals. */
  get keys(): StoreKeys | undefined {
    const sealing = this.sealing;
    if (!sealing) return undefined;
    return {
      destroy: async (personId) => {
        const had = sealing.keys.destroy(personId);
        this.recent.drop();
        await this.writer.forget(personId);
        return had;
      },
      destroyed: (personId) => sealing.keys.destroyed(personId),
    };
  }

  /** How the connection that writes is set up (journal mode, synchronous). */
  get writerSettings(): WriterSettings {
    return this.writer.settings;
  }

  /** Commits what is queued, then closes the file. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0 || this.queue.length > 0) {
      await Promise.all(this.inFlight);
      this.flush();
    }
    this.closed = true;
    this.signal.release();
    await this.writer.release();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the sqlite store is closed');
  }
}
