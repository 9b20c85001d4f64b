import type { Database } from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import { type RecordedEvent, sealingOf, SqliteEventQueries } from '@baytaq/event-store';
import { PROJECTED_PREFIXES } from './facts/stream-kinds';
import { type FactRows } from './fact-writer';
import { type FoldRequest } from './fold-protocol';
import { type MemberDelta, MemberCounts } from './member-counts';
import { foldInThreads } from './fold-threads';
import { foldWholeStreams, type RegistryProjector } from './projector';
import { createIndexes, READ_MODEL_VERSION } from './schema';

export interface ReplayProgress {
  done: number;
  total: number;
  /** Events per second since the start. */
  rate: number;
  secondsLeft: number;
}

export interface ReplayOptions {
  pageSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
}

/**
 * Reads only the streams the read models fold (keys, idempotency records and IIN reservations
 * are never parsed), and counts what a page passed over, for the checkpoint and the progress.
 */
function projectedReader(db: Database, pageSize: number) {
  const queries = new SqliteEventQueries(db);
  const filter = { streamPrefixes: PROJECTED_PREFIXES };
  const covered = db.prepare('SELECT count(*) FROM events WHERE position > ? AND position <= ?').pluck();
  const head = db.prepare('SELECT max(position) FROM events').pluck();
  return {
    page: (after: number): RecordedEvent[] => queries.readAll({ after: String(after), maxCount: pageSize, filter }),
    covered: (after: number, upTo: number) => covered.get(after, upTo) as number,
    head: () => (head.get() as number | null) ?? 0,
    queries,
  };
}

/** Counts events done and tells `onProgress` the rate and the time left. */
function progressOf(total: number, onProgress: ReplayOptions['onProgress']): (count: number) => number {
  const started = process.hrtime.bigint();
  let done = 0;
  return (count) => {
    done += count;
    const rate = done / Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
    onProgress?.({ done, total, rate, secondsLeft: Math.max(total - done, 0) / rate });
    return done;
  };
}

/**
 * Applies the embedded log after the projector's checkpoint, a page per transaction, so that a
 * crash midway resumes from the last page committed.
 */
export function replayEmbeddedLog(db: Database, projector: RegistryProjector, options: ReplayOptions = {}): number {
  const reader = projectedReader(db, options.pageSize ?? 5_000);
  const start = Number(projector.checkpoint ?? '0');
  const end = reader.head();
  const total = reader.covered(start, end);
  const applyPage = db.transaction((events: RecordedEvent[], upTo: number, covered: number) => {
    projector.apply(events);
    if (covered > events.length) projector.skipTo(String(upTo), covered - events.length);
  });
  const progress = progressOf(total, options.onProgress);
  let done = 0;
  for (let after = start; after < end;) {
    const events = reader.page(after);
    const upTo = events.length > 0 ? Number(events[events.length - 1]!.position) : end;
    const covered = reader.covered(after, upTo);
    projector.commitIn(() => applyPage(events, upTo, covered));
    after = upTo;
    done = progress(covered);
  }
  return done;
}

/** The events of a stream before a revision, from the embedded events table. */
export function embeddedStreamHistory(db: Database): (stream: string, beforeRevision: number) => RecordedEvent[] {
  const queries = new SqliteEventQueries(db);
  return (stream, beforeRevision) =>
    beforeRevision <= 0 ? [] : queries.readStream(stream, { fromRevision: 0, maxCount: beforeRevision });
}

/** The first name after every name that starts with `prefix` ("person-" gives "person."). */
const pastPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * Cuts the projected streams into chunks of whole streams, each about `size` events (a longer
 * stream is a chunk of its own): ranges of names, found on the events' (stream, revision) index
 * without reading a row.
 */
export function* streamChunks(db: Database, size: number): Generator<FoldRequest> {
  const nth = db
    .prepare('SELECT stream FROM events WHERE stream >= ? AND stream < ? ORDER BY stream, revision LIMIT 1 OFFSET ?')
    .pluck();
  for (const prefix of PROJECTED_PREFIXES) {
    const end = pastPrefix(prefix);
    for (let from = prefix; ;) {
      const first = nth.get(from, end, 0) as string | undefined;
      if (first === undefined) break;
      let to = nth.get(from, end, size) as string | undefined;
      // One stream fills the chunk: the chunk is that stream, whole.
      if (to === first) to = nth.get(`${first}\u0000`, end, 0) as string | undefined;
      yield { from: first, to: to ?? end };
      if (to === undefined) break;
      from = to;
    }
  }
}

/**
 * Runs `build` (CREATE INDEX on full tables) with SQLite's sorter in helper threads (one per core)
 * and a small page cache, which sizes the sorter's runs. Measured on the million-member rebuild's
 * indexes, on 2 cores: 8.9 s with the store's 64 MiB cache and no helper threads, 6.3 s with a
 * 2 MiB cache, 4.7 to 4.9 s with a 1, 2 or 4 MiB cache and 2 helper threads.
 */
function withIndexSorting(db: Database, build: () => void): void {
  const cache = Number(db.pragma('cache_size', { simple: true }));
  const threads = Number(db.pragma('threads', { simple: true }));
  db.pragma('cache_size = -4000');
  db.pragma(`threads = ${availableParallelism()}`);
  try {
    build();
  } finally {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`threads = ${threads}`);
  }
}

/** Logs shorter than this are folded in the rebuilding thread: starting folding threads costs more. */
const FOLD_THREADS_FROM = 50_000;

/** Folding threads beside the rebuilding thread, which inserts what they fold. */
const FOLD_THREADS = Math.max(1, Math.min(2, availableParallelism()));

export interface RebuildOptions extends ReplayOptions {
  /** Threads that read and fold streams while this one inserts their rows; 0 folds here (as does an in-memory store). */
  foldThreads?: number;
}

/**
 * Builds empty read models from the whole log, read stream by stream instead of in log order:
 * each stream is folded once, from its first event to its last, into its rows complete with
 * every version's `recorded_to` (`foldWholeStreams`), which are inserted many per statement into
 * tables without indexes; the indexes are built at the end, sorted in bulk. A stream's rows
 * depend on its own events alone, so the tables come out as a replay in log order writes them.
 * Large logs are folded in threads of their own (`foldThreads`) while this thread inserts.
 * While it runs the checkpoint carries version 0, so that a crash midway starts the rebuild
 * again; it ends at the head of the log it read up to.
 */
export function rebuildEmbeddedByStream(
  db: Database,
  projector: RegistryProjector,
  options: RebuildOptions = {},
): number {
  const chunkSize = options.pageSize ?? 5_000;
  const { queries, ...reader } = projectedReader(db, chunkSize);
  const head = reader.head();
  const total = reader.covered(0, head);
  const setVersion = db.prepare('UPDATE rm_checkpoint SET version = ? WHERE id = 1');
  const applyChunk = db.transaction((rows: FactRows) => projector.applyRows(rows));
  const finish = db.transaction(() => {
    projector.skipTo(String(head), total);
    setVersion.run(READ_MODEL_VERSION);
  });
  const progress = progressOf(total, options.onProgress);
  let done = 0;
  const insert = (rows: FactRows, events: number) => {
    projector.commitIn(() => applyChunk(rows));
    done = progress(events);
  };
  setVersion.run(0);
  const chunks = streamChunks(db, chunkSize);
  // Folding threads read the store's file: an in-memory store is folded here.
  const threads = db.memory ? 0 : (options.foldThreads ?? (total >= FOLD_THREADS_FROM ? FOLD_THREADS : 0));
  let tally: MemberDelta[];
  if (threads > 0) tally = foldInThreads(db.name, head, threads, chunks, insert, sealingOf(db)?.config);
  else {
    const counts = new MemberCounts();
    for (const { from, to } of chunks) {
      const events = queries.readStreamRange(from, to, head, -1);
      insert(foldWholeStreams(events, counts), events.length);
    }
    tally = counts.tally();
  }
  // The tables were created without indexes (`deferIndexes`): they are sorted once, now.
  withIndexSorting(db, () => createIndexes(db));
  projector.commitIn(() => {
    finish();
    projector.countRebuilt(tally);
  });
  progress(total - done);
  return total;
}
