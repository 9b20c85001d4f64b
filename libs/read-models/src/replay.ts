import type { Database } from 'better-sqlite3';
import { type RecordedEvent, SqliteEventQueries } from '@baytaq/event-store';
import { PROJECTED_PREFIXES } from './facts/stream-kinds';
import { type RegistryProjector } from './projector';
import { READ_MODEL_VERSION } from './schema';

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
 * Builds empty read models from the whole log, read stream by stream instead of in log order:
 * each stream is folded once, from its first event to its last, and never read again (in log
 * order, a person's events lie years apart, and their folded state has long left memory when the
 * next one comes). A stream's rows depend on its own events alone, so the tables come out as a
 * replay in log order writes them. While it runs the checkpoint carries version 0, so that a crash
 * midway starts the rebuild again; it ends at the head of the log it read up to.
 */
export function rebuildEmbeddedByStream(
  db: Database,
  projector: RegistryProjector,
  options: ReplayOptions = {},
): number {
  const pageSize = options.pageSize ?? 5_000;
  const { queries, ...reader } = projectedReader(db, pageSize);
  const head = reader.head();
  const total = reader.covered(0, head);
  const setVersion = db.prepare('UPDATE rm_checkpoint SET version = ? WHERE id = 1');
  const applyPage = db.transaction((events: RecordedEvent[]) => projector.applyStreams(events));
  const finish = db.transaction(() => {
    projector.skipTo(String(head), total);
    setVersion.run(READ_MODEL_VERSION);
  });
  const progress = progressOf(total, options.onProgress);
  let done = 0;
  setVersion.run(0);
  for (const prefix of PROJECTED_PREFIXES) {
    const to = pastPrefix(prefix);
    for (let from = prefix; ;) {
      const rows = queries.readStreamRange(from, to, head, pageSize);
      if (rows.length === 0) break;
      let events = rows;
      const last = rows[rows.length - 1]!.stream;
      if (rows.length === pageSize && rows[0]!.stream === last) {
        // One stream fills the page: it is read whole.
        events = queries.readStreamRange(last, `${last}\u0000`, head, -1);
      } else if (rows.length === pageSize) {
        // The page's last stream may go on beyond it: it starts the next page instead.
        let end = rows.length;
        while (rows[end - 1]!.stream === last) end -= 1;
        events = rows.slice(0, end);
      }
      projector.commitIn(() => applyPage(events));
      done = progress(events.length);
      if (rows.length < pageSize) break;
      const next = events[events.length - 1]!.stream;
      from = next + '\u0000'; // the first name after it
    }
  }
  projector.commitIn(() => finish());
  progress(total - done);
  return total;
}
