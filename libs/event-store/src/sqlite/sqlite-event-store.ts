import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkExpectedRevision, detectRetry, validateAppend } from '../append-check';
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
import { SqliteEventQueries } from './sqlite-event-queries';
import { configureDurability, migrateEventTables } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  now?: () => Date;
  /**
   * Runs inside the transaction of each append, after its events are inserted: inline
   * projections. A throw fails that append alone.
   */
  onAppended?: (db: Database.Database, events: RecordedEvent[]) => void;
}

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
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  private constructor(
    readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.clock = new MonotonicClock(options.now);
    this.queries = new SqliteEventQueries(db);
    const last = this.queries.lastRecordedAt();
    if (last) this.clock.advanceTo(last);
  }

  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      configureDurability(db);
      migrateEventTables(db);
    } catch (error) {
      db.close();
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
    const outcomes: Array<{ result?: AppendResult; error?: unknown }> = [];
    try {
      const recordedAt = this.clock.nowIso();
      this.db.transaction(() => {
        for (const pending of batch) {
          try {
            outcomes.push({ result: this.db.transaction(() => this.appendOne(pending, recordedAt))() });
          } catch (error) {
            outcomes.push({ error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored.
      for (const pending of batch) pending.reject(new StoreUnavailableError(`commit failed: ${String(error)}`));
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.result) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    this.signal.notify();
  }

  private appendOne(pending: PendingAppend, recordedAt: string): AppendResult {
    const { stream, events, expected } = pending;
    const retry = detectRetry(stream, events, this.queries.findByIds(events.map((e) => e.id)));
    if (retry) return retry;
    const current = this.queries.streamRevision(stream);
    checkExpectedRevision(stream, expected, current);
    const recorded = events.map((e, i) => this.queries.insert(e, stream, current + 1 + i, recordedAt));
    this.options.onAppended?.(this.db, recorded);
    const last = recorded[recorded.length - 1]!;
    return { stream, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.queries.readStream(stream, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.queries.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    return followLog((o) => this.readAll(o), this.signal, options, handler);
  }

  async headPosition(): Promise<string | undefined> {
    this.assertOpen();
    return this.queries.headPosition();
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
