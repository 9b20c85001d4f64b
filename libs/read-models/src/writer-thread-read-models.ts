import type { Database } from 'better-sqlite3';
import { type ReportingProjectionFactory } from '@baytaq/event-store';
import { EmbeddedReadModels } from './embedded-read-models';
import { type MemberDelta, MemberCounts } from './member-counts';
import { loadCounts, type ReadModelState } from './open-projector';
import { RegistryReads } from './registry-reads';

/** What each commit of the writer thread tells the main thread about the read models. */
export interface ReadModelsReport {
  position: string | null;
  eventsApplied: number;
  recordedAt: string | null;
  deltas: MemberDelta[];
}

/**
 * Runs in the embedded store's writer thread: the read models catch up with the log, then are
 * fed inline, in each batch's transaction. Each commit reports its member deltas and checkpoint.
 */
export const openWriterThreadReadModels: ReportingProjectionFactory = function openWriterThreadReadModels(
  db,
  onProgress,
) {
  const models = EmbeddedReadModels.open(db, {
    counts: false, // the main thread's reader loads them from the rows, and follows the reports
    onProgress: (p) => onProgress(`read models: ${p.done} of ${p.total} events`),
  });
  models.projector.reportDeltas();
  return {
    ...models.inline,
    report: (): ReadModelsReport => ({
      position: models.position,
      eventsApplied: models.eventsApplied,
      recordedAt: models.recordedAt,
      deltas: models.projector.takeCommittedDeltas(),
    }),
  };
};

/** Where the writer thread finds the function above. */
export const WRITER_THREAD_READ_MODELS = { module: __filename, name: openWriterThreadReadModels.name };

/**
 * The main thread's side of read models written by the writer thread: the same tables read
 * through this thread's own connection, and member counts and checkpoint that follow the reports.
 */
export class MirroredReadModels implements ReadModelState {
  readonly counts = new MemberCounts();
  position: string | null = null;
  eventsApplied = 0;
  recordedAt: string | null = null;
  private generation = 0;
  private attached: RegistryReads | undefined;

  /** A commit of the writer thread (or its report once it has opened). */
  receive(report: unknown): void {
    const r = report as ReadModelsReport;
    for (const d of r.deltas) this.counts.add(d);
    this.position = r.position;
    this.eventsApplied = r.eventsApplied;
    this.recordedAt = r.recordedAt;
    this.generation += 1;
  }

  /** Once the writer thread has opened: today's member counts from the rows, and the queries. */
  attach(db: Database): RegistryReads {
    loadCounts(db, this.counts);
    this.attached = new RegistryReads(
      db,
      this.counts,
      () => this.generation,
      () => this.recordedAt,
    );
    return this.attached;
  }

  get reads(): RegistryReads {
    if (!this.attached) throw new Error('the read models are not attached to a connection yet');
    return this.attached;
  }
}
