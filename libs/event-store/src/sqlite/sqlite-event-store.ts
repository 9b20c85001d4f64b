import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkExpectedRevision, detectRetry, validateAppend } from '../append-check';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
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
import { SqliteEventQueries } from './sqlite-event-queries';
import { configureConnection, migrateEventTables } from './sqlite-schema';
import { RecentEvents } from './recent-events';

/**
 * A projection kept in the store's own transactions: its rows commit with the events or not at
 * all. What it keeps in memory must wait for `committed` and be dropped on `rolledBack`.
 */
export interface InlineProjection {
  /** Runs inside each append's transaction, after its events are inserted; a throw fails that append alone. */
  apply(db: Database.Database, events: RecordedEvent[]): void;
  /** The transaction that ran `apply` since the last call committed. */
  committed(): void;
  /** The transaction that ran `apply` since the last call rolled back. */
  rolledBack(): void;
}

export interface SqliteEventStoreOptions {
  now?: () => Date;
  /** Opened with the store: inline projections, fed in the append's transaction. */
  projection?: (db: Database.Database) => InlineProjection;
}

type Outcome =
  | { result: AppendResult; recorded?: RecordedEvent[]; error?: undefined }
  | { result?: undefined; recorded?: undefined; error: unknown };

interface Appended {
  result: AppendResult;
  recorded: RecordedEvent[];
}

/**
 * SQLite's own errors are recognised by their code, not by class: the native addon keeps the
 * SqliteError class of the first module registry that loaded it (Jest has one per test file).
 */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Our own errors pass; an error of SQLite itself (I/O, full disk) means the store cannot serve. */
function storeError(error: unknown): unknown {
  const code = sqliteCode(error);
  return code ? new StoreUnavailableError(`sqlite: ${code}: ${(error as Error).message}`) : error;
}

/** Streams whose last revision the store keeps in memory: between half of it and all of it. */
const STREAM_REVISIONS_KEPT = 200_000;

interface PendingAppend {
  stream: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The embedded store: one SQLite file, WAL, synchronous=FULL. Appends that arrive in the same
 * turn of the event loop are committed in one transaction (one fsync), each inside its own
 * savepoint so that a conflict fails that append alone. A promise resolves only after commit.
 */
export class SqliteEventStore implements EventStore {
  private readonly queries: SqliteEventQueries;
  private readonly signal = new CommitSignal();
  private readonly clock: MonotonicClock;
  private readonly appendInTransaction: (pending: PendingAppend, recordedAt: string) => Appended;
  /**
   * The last revision of streams, exact because this process alone writes the file (it holds an
   * exclusive lock): it spares the revision query of an append and the read of a stream that has
   * nothing new. Only committed revisions enter it; those of the batch being committed wait aside.
   */
  private readonly revisions = new GenerationalCache<string, number>(STREAM_REVISIONS_KEPT);
  private readonly projection: InlineProjection | undefined;
  /** The events last committed, and the head of the log, for the followers of the log. */
  private readonly recent: RecentEvents;
  private readonly batchRevisions = new Map<string, number>();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  private constructor(
    readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.clock = new MonotonicClock(options.now);
    this.queries = new SqliteEventQueries(db);
    this.recent = new RecentEvents(Number(this.queries.headPosition() ?? 0));
    this.projection = options.projection?.(db);
    this.appendInTransaction = db.transaction((pending: PendingAppend, recordedAt: string) =>
      this.appendOne(pending, recordedAt),
    );
    const last = this.queries.lastRecordedAt();
    if (last) this.clock.advanceTo(last);
  }

  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      configureConnection(db);
      migrateEventTables(db);
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new StoreUnavailableError(`${file} is open in another process: one process owns the embedded store`);
      }
      throw error;
    }
    return new SqliteEventStore(db, options);
  }

  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the sqlite store is closed'));
    try {
      validateAppend(stream, events, expected);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every queued append in one transaction, then settles each one's promise. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const recordedAt = this.clock.nowIso();
    const outcomes =
      batch.length === 1 ? [this.commitAlone(batch[0]!, recordedAt)] : this.commitGroup(batch, recordedAt);
    // Committed (or refused as a whole): what the batch wrote is now the store's state, or nothing.
    if (outcomes.some((o) => o.result)) {
      for (const [stream, revision] of this.batchRevisions) this.revisions.set(stream, revision);
      for (const outcome of outcomes) if (outcome.recorded) this.recent.add(outcome.recorded);
      this.projection?.committed();
    } else this.projection?.rolledBack();
    this.batchRevisions.clear();
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.result) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    this.signal.notify();
  }

  /** One append alone needs no savepoint: its transaction is its outcome. */
  private commitAlone(pending: PendingAppend, recordedAt: string): Outcome {
    try {
      return this.appendInTransaction(pending, recordedAt);
    } catch (error) {
      return this.afterFailure(pending, error);
    }
  }

  /** Each append in its own savepoint, so that a conflict fails it alone; one commit (one fsync) for all. */
  private commitGroup(batch: PendingAppend[], recordedAt: string): Outcome[] {
    const outcomes: Outcome[] = [];
    try {
      this.db.transaction(() => {
        for (const pending of batch) {
          try {
            // Nested: better-sqlite3 runs it in a savepoint, rolled back alone on a throw.
            outcomes.push(this.appendInTransaction(pending, recordedAt));
          } catch (error) {
            outcomes.push(this.afterFailure(pending, error));
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored.
      return batch.map(() => ({ error: storeError(error) }));
    }
    return outcomes;
  }

  /**
   * The common case pays for no id lookup: a retry is looked for only once the append has
   * failed on its expected revision or on an event id that is stored already.
   */
  private appendOne(pending: PendingAppend, recordedAt: string): Appended {
    const { stream, events, expected } = pending;
    const current = this.batchRevisions.get(stream) ?? this.committedRevision(stream);
    checkExpectedRevision(stream, expected, current);
    const recorded = events.map((e, i) => this.queries.insert(e, stream, current + 1 + i, recordedAt));
    this.projection?.apply(this.db, recorded);
    const last = recorded[recorded.length - 1]!;
    this.batchRevisions.set(stream, last.revision);
    return {
      result: { stream, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) },
      recorded,
    };
  }

  /** Runs after the failed append was rolled back: a retry of a stored append gets its original result. */
  private afterFailure(pending: PendingAppend, error: unknown): Outcome {
    const idTaken = sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes('events.id');
    if (!(error instanceof WrongExpectedRevisionError) && !idTaken) return { error: storeError(error) };
    try {
      const retry = detectRetry(
        pending.stream,
        pending.events,
        this.queries.findByIds(pending.events.map((e) => e.id)),
      );
      return retry ? { result: retry } : { error };
    } catch (duplicate) {
      return { error: duplicate };
    }
  }

  /** The last committed revision of a stream, -1 when it does not exist. */
  private committedRevision(stream: string): number {
    const known = this.revisions.get(stream);
    if (known !== undefined) return known;
    const revision = this.queries.streamRevision(stream);
    if (revision >= 0) this.revisions.set(stream, revision);
    return revision;
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
    return this.recent.read(options) ?? this.queries.readAll(options);
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
    this.queries.ping();
  }

  /** Commits what is queued, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.signal.release();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the sqlite store is closed');
  }
}
