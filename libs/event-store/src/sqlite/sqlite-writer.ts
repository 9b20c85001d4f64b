import type Database from 'better-sqlite3';
import { checkExpectedRevision, detectRetry } from '../append-check';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { GenerationalCache } from '../generational-cache';
import type { StoreSealing } from '../sealing/store-sealing';
import { LogTreeUpkeep } from './log-tree/log-tree-upkeep';
import { canonicalEvent, type SerializedEvent, SqliteEventQueries } from './sqlite-event-queries';

import type { WriterSettings } from './writer-protocol';

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

/** One append, serialised once where it entered the store (a throw there fails it alone). */
export interface AppendRequest {
  stream: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

export type AppendOutcome =
  | { result: AppendResult; recorded: RecordedEvent[]; error?: undefined }
  | { result: AppendResult; recorded?: undefined; error?: undefined } // a retry of a stored append
  | { result?: undefined; recorded?: undefined; error: unknown };

/**
 * SQLite's own errors are recognised by their code, not by class: the native addon keeps the
 * SqliteError class of the first module registry that loaded it (Jest has one per test file).
 */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export const refusedByAnotherProcess = (file: string) =>
  new StoreUnavailableError(`${file} is open in another process: one process owns the embedded store`);

/** Our own errors pass; an error of SQLite itself (I/O, full disk) means the store cannot serve. */
function storeError(error: unknown): unknown {
  const code = sqliteCode(error);
  return code ? new StoreUnavailableError(`sqlite: ${code}: ${(error as Error).message}`) : error;
}

/** Streams whose last revision is kept in memory: between half of it and all of it. */
export const STREAM_REVISIONS_KEPT = 200_000;

/**
 * What writes the embedded store: a batch of appends in one transaction (one fsync), each inside
 * its own savepoint so that a conflict fails that append alone, with the inline projection in the
 * same transaction. It runs on whichever thread owns the write connection.
 */
export class SqliteWriter {
  private readonly queries: SqliteEventQueries;
  private readonly appendInTransaction: (request: AppendRequest, recordedAt: string) => AppendOutcome;
  /**
   * The last revision of streams, exact because this writer alone writes the file: it spares the
   * revision query of an append. Only committed revisions enter it; those of the batch being
   * committed wait aside.
   */
  private readonly revisions = new GenerationalCache<string, number>(STREAM_REVISIONS_KEPT);
  private readonly batchRevisions = new Map<string, number>();
  /** The log's Merkle tree, kept in the same transactions as the events (issue 14). */
  private readonly logTree: LogTreeUpkeep | undefined;

  constructor(
    readonly db: Database.Database,
    private readonly projection: InlineProjection | undefined,
    /** Seals people's events before they are inserted (the projection is given them as written). */
    private readonly sealing?: StoreSealing,
    options: { logTree?: boolean } = {},
  ) {
    this.queries = new SqliteEventQueries(db);
    this.logTree = options.logTree === false ? undefined : LogTreeUpkeep.open(db);
    this.appendInTransaction = db.transaction((request: AppendRequest, recordedAt: string) =>
      this.appendOne(request, recordedAt),
    );
  }

  settings(): WriterSettings {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  /** Commits the batch, all recorded at `recordedAt`; an outcome per append, in order. */
  commit(batch: AppendRequest[], recordedAt: string): AppendOutcome[] {
    return this.commitBatches([{ appends: batch, recordedAt }])[0]!;
  }

  /**
   * Commits several batches (each recorded at its own moment) in one transaction: one fsync for
   * all of them. An outcome per append, batch by batch, in order.
   */
  commitBatches(batches: ReadonlyArray<{ appends: AppendRequest[]; recordedAt: string }>): AppendOutcome[][] {
    const all = batches.flatMap(({ appends, recordedAt }) => appends.map((request) => ({ request, recordedAt })));
    const outcomes = this.commitAll(all);
    let next = 0;
    return batches.map(({ appends }) => outcomes.slice(next, (next += appends.length)));
  }

  private commitAll(all: Array<{ request: AppendRequest; recordedAt: string }>): AppendOutcome[] {
    try {
      // New people's keys are committed to the key store before their events: never an event without its key.
      this.sealing?.prepare(all.map((a) => a.request));
    } catch (error) {
      return all.map(() => ({ error: storeError(error) }));
    }
    const outcomes = all.length === 1 ? [this.commitAlone(all[0]!)] : this.commitGroup(all);
    // Committed (or refused as a whole): what the batch wrote is now the store's state, or nothing.
    if (outcomes.some((o) => o.recorded)) {
      for (const [stream, revision] of this.batchRevisions) this.revisions.set(stream, revision);
      this.projection?.committed();
      this.logTree?.committed();
    } else {
      this.projection?.rolledBack();
      this.logTree?.rolledBack();
    }
    this.batchRevisions.clear();
    return outcomes;
  }

  /** One append alone needs no savepoint: its transaction is its outcome. */
  private commitAlone({ request, recordedAt }: { request: AppendRequest; recordedAt: string }): AppendOutcome {
    try {
      return this.appendInTransaction(request, recordedAt);
    } catch (error) {
      return this.afterFailure(request, error);
    }
  }

  private commitGroup(all: Array<{ request: AppendRequest; recordedAt: string }>): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    try {
      this.db.transaction(() => {
        for (const { request, recordedAt } of all) {
          try {
            // Nested: better-sqlite3 runs it in a savepoint, rolled back alone on a throw.
            outcomes.push(this.appendInTransaction(request, recordedAt));
          } catch (error) {
            outcomes.push(this.afterFailure(request, error));
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored.
      return all.map(() => ({ error: storeError(error) }));
    }
    return outcomes;
  }

  /**
   * The common case pays for no id lookup: a retry is looked for only once the append has
   * failed on its expected revision or on an event id that is stored already.
   */
  private appendOne(request: AppendRequest, recordedAt: string): AppendOutcome {
    const { stream, events, expected } = request;
    const current = this.batchRevisions.get(stream) ?? this.committedRevision(stream);
    checkExpectedRevision(stream, expected, current);
    // With the tree, stored as canonical JSON (the tree hashes the very text stored, and so does
    // `npm run verify`), made so before sealing too: every reader (the projection now, a rebuild, a
    // read of the stream: unsealing puts the sealed fields back at their places) sees one order.
    const canonical = this.logTree ? events.map(canonicalEvent) : undefined;
    const written = canonical ? canonical.map((c) => c.event) : events;
    const sealed = this.sealing ? this.sealing.sealEvents(stream, written) : written;
    const kept = sealed.map((e, i) =>
      !canonical ? { event: e, parsed: undefined } : e === written[i] ? canonical[i]! : canonicalEvent(e),
    );
    const stored = kept.map(({ event, parsed }, i) =>
      this.queries.insert(event, stream, current + 1 + i, recordedAt, parsed),
    );
    const treeEdge = this.logTree?.appendStored(
      stored,
      kept.map((k) => k.event.json),
    );
    const recorded = this.sealing ? this.sealing.plainOf(stored, written) : stored;
    this.projection?.apply(this.db, recorded);
    // Nothing of this append can fail after this: its leaves are the tree's edge in this transaction.
    if (treeEdge) this.logTree?.accept(treeEdge);
    const last = recorded[recorded.length - 1]!;
    this.batchRevisions.set(stream, last.revision);
    return {
      result: { stream, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) },
      recorded,
    };
  }

  /** Runs after the failed append was rolled back: a retry of a stored append gets its original result. */
  private afterFailure(request: AppendRequest, error: unknown): AppendOutcome {
    const idTaken = sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes('events.id');
    if (!(error instanceof WrongExpectedRevisionError) && !idTaken) return { error: storeError(error) };
    try {
      const retry = detectRetry(
        request.stream,
        request.events,
        this.queries.findByIds(request.events.map((e) => e.id)),
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
}
