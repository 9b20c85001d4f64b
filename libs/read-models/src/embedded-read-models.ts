import type { Database } from 'better-sqlite3';
import { type InlineProjection, SqliteEventQueries } from '@baytaq/event-store';
import { openProjector, type ReadModelState } from './open-projector';
import { type RegistryProjector } from './projector';
import { RegistryReads } from './registry-reads';
import { embeddedStreamHistory, type RebuildOptions, rebuildEmbeddedByStream, replayEmbeddedLog } from './replay';

/**
 * The read models in the embedded store's file, fed inline: in the transaction of each append.
 * Opening catches up with what the log holds beyond the checkpoint (events written without
 * projections, or read models of another version, which are rebuilt).
 */
export class EmbeddedReadModels implements ReadModelState {
  readonly inline: InlineProjection;
  private queries: RegistryReads | undefined;

  private constructor(
    readonly db: Database,
    readonly projector: RegistryProjector,
  ) {
    this.inline = {
      apply: (_db, events) => projector.apply(events),
      committed: () => projector.committed(),
      rolledBack: () => projector.rolledBack(),
    };
  }

  /**
   * `counts: false` leaves today's member counts unloaded: for a writer that answers no question
   * (the service's writer thread, whose reader loads them itself).
   */
  static open(
    db: Database,
    options: RebuildOptions & { rebuild?: boolean; counts?: boolean } = {},
  ): EmbeddedReadModels {
    const { projector, fresh } = openProjector(db, embeddedStreamHistory(db), {
      rebuild: options.rebuild,
      deferIndexes: true,
      counts: options.counts,
    });
    // A replay writes only what the log can give again: a crash in it may lose its last pages,
    // which the next start replays, so it need not wait for each page's fsync. Appends, which
    // come after, are durable again (the store's synchronous=FULL is restored).
    const synchronous = db.pragma('synchronous', { simple: true });
    db.pragma('synchronous = NORMAL');
    try {
      if (fresh) rebuildEmbeddedByStream(db, projector, options);
      replayEmbeddedLog(db, projector, options);
    } finally {
      db.pragma(`synchronous = ${Number(synchronous)}`);
    }
    // Caught up with the log: what they hold was recorded by the log's last moment.
    projector.recordedUpTo(new SqliteEventQueries(db).lastRecordedAt() ?? null);
    return new EmbeddedReadModels(db, projector);
  }

  /** The queries, prepared when first asked for. */
  get reads(): RegistryReads {
    this.queries ??= new RegistryReads(
      this.db,
      this.projector.counts,
      () => this.projector.generation,
      () => this.projector.recordedAt,
    );
    return this.queries;
  }

  get eventsApplied(): number {
    return this.projector.eventsApplied;
  }

  /** The position of the last event the read models have committed. */
  get position(): string | null {
    return this.projector.checkpoint;
  }

  get recordedAt(): string | null {
    return this.projector.recordedAt;
  }
}
