import type { Database } from 'better-sqlite3';
import { type RecordedEvent, SqliteEventQueries } from '@baytaq/event-store';
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
 * Applies the embedded log after the projector's checkpoint, a page per transaction, so that a
 * crash midway resumes from the last page committed.
 */
export function replayEmbeddedLog(db: Database, projector: RegistryProjector, options: ReplayOptions = {}): number {
  const queries = new SqliteEventQueries(db);
  const pageSize = options.pageSize ?? 5_000;
  const after = projector.checkpoint ?? '0';
  const { total } = db.prepare('SELECT count(*) AS total FROM events WHERE position > ?').get(Number(after)) as {
    total: number;
  };
  const applyPage = db.transaction((events: RecordedEvent[]) => projector.apply(events));
  const started = process.hrtime.bigint();
  let done = 0;
  for (;;) {
    const events = queries.readAll({ after: projector.checkpoint ?? undefined, maxCount: pageSize });
    if (events.length === 0) break;
    try {
      applyPage(events);
    } catch (error) {
      projector.rolledBack();
      throw error;
    }
    projector.committed();
    done += events.length;
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
