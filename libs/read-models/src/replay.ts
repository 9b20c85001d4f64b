import type { Database } from 'better-sqlite3';
import { type RecordedEvent, SqliteEventQueries } from '@baytaq/event-store';
import { PROJECTED_PREFIXES } from './facts/stream-kinds';
import { type RegistryProjector } from './projector';

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
  const started = process.hrtime.bigint();
  let done = 0;
  for (let after = start; after < end;) {
    const events = reader.page(after);
    const upTo = events.length > 0 ? Number(events[events.length - 1]!.position) : end;
    const covered = reader.covered(after, upTo);
    try {
      applyPage(events, upTo, covered);
    } catch (error) {
      projector.rolledBack();
      throw error;
    }
    projector.committed();
    after = upTo;
    done += covered;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = done / Math.max(seconds, 1e-9);
    options.onProgress?.({ done, total, rate, secondsLeft: Math.max(total - done, 0) / rate });
  }
  return done;
}

/** The events of a stream before a revision, from the embedded events table. */
export function embeddedStreamHistory(db: Database): (stream: string, beforeRevision: number) => RecordedEvent[] {
  const queries = new SqliteEventQueries(db);
  return (stream, beforeRevision) =>
    beforeRevision <= 0 ? [] : queries.readStream(stream, { fromRevision: 0, maxCount: beforeRevision });
}
