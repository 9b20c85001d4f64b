import type { Database } from 'better-sqlite3';
import { type InlineProjection } from '@baytaq/event-store';
import { type MemberCounts } from './member-counts';
import { RegistryProjector } from './projector';
import { RegistryReads } from './registry-reads';
import { embeddedStreamHistory, type ReplayOptions, replayEmbeddedLog } from './replay';
import {
  createQueryIndexes,
  createReadModelTables,
  dropReadModelTables,
  READ_MODEL_VERSION,
  readCheckpoint,
} from './schema';

/** Loads what the projector keeps in memory from the rows: today's member counts. */
function loadCounts(db: Database, counts: MemberCounts): void {
  const rows = db
    .prepare('SELECT org_id, day, SUM(delta) AS delta FROM rm_member_delta GROUP BY org_id, day')
    .iterate() as IterableIterator<{ org_id: string; day: string; delta: number }>;
  for (const r of rows) if (r.delta !== 0) counts.add({ orgId: r.org_id, day: r.day, delta: r.delta });
}

/**
 * The read models in the embedded store's file, fed inline: in the transaction of each append.
 * Opening catches up with what the log holds beyond the checkpoint (events written without
 * projections, or read models of another version, which are rebuilt).
 */
export class EmbeddedReadModels {
  readonly reads: RegistryReads;
  readonly inline: InlineProjection;

  private constructor(
    readonly db: Database,
    readonly projector: RegistryProjector,
  ) {
    this.reads = new RegistryReads(db, projector.counts, () => projector.generation);
    this.inline = {
      apply: (_db, events) => projector.apply(events),
      committed: () => projector.committed(),
      rolledBack: () => projector.rolledBack(),
    };
  }

  static open(db: Database, options: ReplayOptions & { rebuild?: boolean } = {}): EmbeddedReadModels {
    const checkpoint = readCheckpoint(db);
    const fresh = options.rebuild || !checkpoint || checkpoint.version !== READ_MODEL_VERSION;
    if (fresh) dropReadModelTables(db);
    createReadModelTables(db, { queryIndexes: !fresh });
    const { position, events } = readCheckpoint(db)!;
    const projector = new RegistryProjector(db, embeddedStreamHistory(db), position, events);
    loadCounts(db, projector.counts);
    // A replay writes only what the log can give again: a crash in it may lose its last pages,
    // which the next start replays, so it need not wait for each page's fsync. Appends, which
    // come after, are durable again (the store's synchronous=FULL is restored).
    const synchronous = db.pragma('synchronous', { simple: true });
    db.pragma('synchronous = NORMAL');
    try {
      replayEmbeddedLog(db, projector, options);
      if (fresh) createQueryIndexes(db);
    } finally {
      db.pragma(`synchronous = ${Number(synchronous)}`);
    }
    return new EmbeddedReadModels(db, projector);
  }

  get eventsApplied(): number {
    return this.projector.eventsApplied;
  }

  /** The position of the last event the read models have committed. */
  get position(): string | null {
    return this.projector.checkpoint;
  }
}
