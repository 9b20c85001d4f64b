import Database from 'better-sqlite3';
import { type EventStore, type RecordedEvent, type Subscription } from '@baytaq/event-store';
import { openProjector, type ReadModelState } from './open-projector';
import { type RegistryProjector } from './projector';
import { RegistryReads } from './registry-reads';

/**
 * Read models in a local SQLite file that follow a remote log (KurrentDB): each event is applied
 * with the checkpoint in one transaction, so a restart resumes where the file left off. A
 * stream not in memory is read from the store before its event is applied.
 */
export class CatchUpReadModels implements ReadModelState {
  readonly reads: RegistryReads;
  private readonly projector: RegistryProjector;
  private subscription: Subscription | undefined;
  private readonly prefetched = new Map<string, RecordedEvent[]>();
  private failure: Error | undefined;

  private constructor(
    readonly db: Database.Database,
    private readonly store: EventStore,
  ) {
    this.projector = openProjector(db, (stream) => this.prefetched.get(stream) ?? []).projector;
    this.reads = new RegistryReads(
      db,
      this.projector.counts,
      () => this.projector.generation,
      () => this.projector.recordedAt,
    );
  }

  /** Opens (or creates) the file; read models of another version are dropped and rebuilt from the log. */
  static open(file: string, store: EventStore): CatchUpReadModels {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // The file can be rebuilt from the log: a crash may lose the last transactions, never corrupt it.
    db.pragma('synchronous = NORMAL');
    return new CatchUpReadModels(db, store);
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
              this.projector.commitIn(() => apply(event));
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

  get recordedAt(): string | null {
    return this.projector.recordedAt;
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
