import type { Database } from 'better-sqlite3';
import { type MemberCounts } from './member-counts';
import { RegistryProjector, type StreamHistory } from './projector';
import { createReadModelTables, dropReadModelTables, READ_MODEL_VERSION, readCheckpoint } from './schema';

/** What the app needs of read models, wherever they are fed from. */
export interface ReadModelState {
  /** The position of the last event the read models have committed; null before the first. */
  readonly position: string | null;
  /** Events of the log the committed read models cover. */
  readonly eventsApplied: number;
  /** When the last event they hold was recorded (`RegistryProjector.recordedAt`); null when not known. */
  readonly recordedAt: string | null;
}

/** Today's member counts from the placements as known now: +1 on the day each starts, -1 on the day it ends. */
export function loadCounts(db: Database, counts: MemberCounts): void {
  const rows = db
    .prepare(
      `SELECT org_id, day, SUM(delta) AS delta FROM (
         SELECT org_id, valid_from AS day, 1 AS delta FROM rm_placement WHERE recorded_to IS NULL
         UNION ALL
         SELECT org_id, valid_to, -1 FROM rm_placement WHERE recorded_to IS NULL AND valid_to IS NOT NULL
       ) GROUP BY org_id, day`,
    )
    .iterate() as IterableIterator<{ org_id: string; day: string; delta: number }>;
  for (const r of rows) if (r.delta !== 0) counts.add({ orgId: r.org_id, day: r.day, delta: r.delta });
}

/**
 * Prepares the tables (dropped first when they are of another version, or for a rebuild) and a
 * projector that resumes from their checkpoint, with today's member counts loaded from the rows
 * (unless `counts` is false).
 * `fresh` says the tables start empty; `deferIndexes` then leaves their indexes to `createIndexes`,
 * once a rebuild has written the rows.
 */
export function openProjector(
  db: Database,
  history: StreamHistory,
  { rebuild = false, deferIndexes = false, counts = true } = {},
): { projector: RegistryProjector; fresh: boolean } {
  // What an erasure deletes is overwritten in the file, not left in free space for anyone to read.
  db.pragma('secure_delete = ON');
  const checkpoint = readCheckpoint(db);
  const fresh = rebuild || !checkpoint || checkpoint.version !== READ_MODEL_VERSION;
  if (fresh) dropReadModelTables(db);
  createReadModelTables(db, { indexes: !(fresh && deferIndexes) });
  const { position, events } = readCheckpoint(db)!;
  const projector = new RegistryProjector(db, history, position, events);
  if (counts) loadCounts(db, projector.counts);
  return { projector, fresh };
}
