import Database from 'better-sqlite3';
import { type EventStore, type RecordedEvent, type Subscription } from '@baytaq/event-store';
import { RegistryProjector } from './projector';
import { RegistryReads } from './registry-reads';
import { createReadModelTables, dropReadModelTables, READ_MODEL_VERSION, readCheckpoint } from './schema';

/**
 * Read models in a local SQLite file that follow a remote log (KurrentDB): each event is applied
 * with the checkpoint in one transaction, so a restart resumes where the file left off. A
 * stream not in memory is read from the store before its event is applied.
 */
export class CatchUpReadModels {
  readonly reads: RegistryReads;
  private readonly projector: RegistryProjector;
  private subscription: Subscription | undefined;
  private readonly prefetched = new Map<string, RecordedEvent[]>();
  private failure: Error | undefined;

  private constructor(
    readonly db: Database.Database,
    private readonly store: EventStore,
  ) {
    const checkpoint = readCheckpoint(db)!;
    this.projector = new RegistryProjector(
      db,
      (stream) => this.prefetched.get(stream) ?? [],
      checkpoint.position,
      checkpoint.events,
    );
    this.reads = new RegistryReads(db, this.projector.counts, () => this.projector.generation);
  }

  /** Opens (or creates) the file; read models of another version are dropped and rebuilt from the log. */
  static open(file: string, store: EventStore): CatchUpReadModels {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // The file can be rebuilt from the log: a crash may lose the last transactions, never corrupt it.
    db.pragma('synchronous = NORMAL');
    const checkpoint = readCheckpoint(db);
    if (checkpoint && checkpoint.version !== READ_MODEL_VERSION) dropReadModelTables(db);
    createReadModelTables(db);
    const models = new CatchUpReadModels(db, store);
    for (const r of db
      .prepare('SELECT org_id, day, SUM(delta) AS delta FROM rm_member_delta GROUP BY org_id, day')
      .all() as Array<{ org_id: string; day: string; delta: number }>) {
      if (r.delta !== 0) models.projector.counts.add({ orgId: r.org_id, day: r.day, delta: r.delta });
    }
    return models;
  }

  /** Follows the log from the checkpoint; resolves once caught up with what was recorded before. */
  start(): Promise<void> {
    const apply = this.db.transaction((event: RecordedEvent) => this.projector.apply([event]));
    return new Promise((resolve, reject) => {
      this.subscription = this.store.subscribeToAll(
        { after: this.projector.checkpoint ?? undefined },
        {
          onEvent: async (event) => {
            if (this.projector.needsHistory(event)) {
              this.prefetched.set(
                event.stream,
                await this.store.readStream(event.stream, { maxCount: event.revision }),
              );
            }
            try {
              apply(event);
              this.projector.committed();
            } catch (error) {
              this.projector.rolledBack();
              throw error;
            } finally {
              this.prefetched.delete(event.stream);
            }
          },
          onCaughtUp: () => resolve(),
          onError: (error) => {
            this.failure = error;
            reject(error);
          },
        },
      );
    });
  }

  get eventsApplied(): number {
    return this.projector.eventsApplied;
  }

  get position(): string | null {
    return this.projector.checkpoint;
  }

  /** Why the read models stopped following the log, if they did. */
  get error(): Error | undefined {
    return this.failure;
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.db.close();
  }
}
