import type { RecordedEvent } from '@baytaq/event-store';
import type {
  ImportCounts,
  ImportEvent,
  ImportFailedData,
  ImportFinishedData,
  ImportStartedData,
  RejectedRow,
} from './import.events';
import type { RowOutcome } from './member-admission';

export type ImportState = 'running' | 'done' | 'failed';

/** What GET /v1/imports/{id} tells, before paging the rejected rows. */
export interface ImportStatus {
  id: string;
  status: ImportState;
  dryRun: boolean;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  file: { sha256: string; bytes: number; name: string | null; separator: string };
  rows: { total: number; done: number } & ImportCounts;
  /** Ordered by row. */
  rejected: RejectedRow[];
  error: { code: string; message: string } | null;
}

const byRow = (a: RejectedRow, b: RejectedRow) => a.row - b.row;

/** An import this process is running: progress in memory, as rows finish (in any order). */
export class ImportRun {
  readonly counts: ImportCounts = { admitted: 0, alreadyPresent: 0, rejected: 0, wouldAdmit: 0 };
  readonly rejected: RejectedRow[] = [];
  done = 0;
  state: ImportState = 'running';
  finishedAt: string | null = null;
  error: ImportStatus['error'] = null;
  private sorted = true;

  constructor(
    readonly started: ImportStartedData,
    readonly actor: string,
    readonly startedAt: string,
  ) {}

  record(row: number, line: number, outcome: RowOutcome): void {
    this.done++;
    if (outcome.kind === 'admitted') this.counts.admitted++;
    else if (outcome.kind === 'present') this.counts.alreadyPresent++;
    else if (outcome.kind === 'would_admit') this.counts.wouldAdmit++;
    else if (outcome.kind === 'rejected') {
      this.counts.rejected++;
      const last = this.rejected[this.rejected.length - 1];
      if (last && last.row > row) this.sorted = false;
      this.rejected.push({ row, line, ...outcome.rejection });
    }
  }

  /** Rows finish out of order when many are in flight; sorted only when someone looks. */
  rejectedRows(): RejectedRow[] {
    if (!this.sorted) this.rejected.sort(byRow);
    this.sorted = true;
    return this.rejected;
  }

  status(): ImportStatus {
    const s = this.started;
    return {
      id: s.importId,
      status: this.state,
      dryRun: s.dryRun,
      actor: this.actor,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      file: { sha256: s.fileSha256, bytes: s.fileBytes, name: s.fileName, separator: s.separator },
      rows: { total: s.rows, done: this.done, ...this.counts },
      rejected: this.rejectedRows(),
      error: this.error,
    };
  }
}

const countsOf = (d: ImportFinishedData | ImportFailedData): ImportCounts => ({
  admitted: d.admitted,
  alreadyPresent: d.alreadyPresent,
  rejected: d.rejected,
  wouldAdmit: d.wouldAdmit,
});

/**
 * An import's status from its stream, for one this process is not running: finished, failed,
 * or started by a process that stopped before it finished (then `failed`, `import.interrupted`:
 * rows admitted until then stay admitted, and uploading the file again admits the rest).
 */
export function statusFromEvents(recorded: RecordedEvent[]): ImportStatus | undefined {
  const [first, ...rest] = recorded;
  if (!first || first.type !== 'ImportStarted') return undefined;
  const run = new ImportRun(
    first.data as unknown as ImportStartedData,
    String(first.metadata['actor']),
    first.recordedAt,
  );
  run.state = 'failed';
  run.error = { code: 'import.interrupted', message: 'the service stopped before the import finished' };
  for (const r of rest) {
    const event = { type: r.type, data: r.data } as ImportEvent;
    if (event.type === 'ImportRowsRejected') run.rejected.push(...event.data.rows);
    if (event.type !== 'ImportFinished' && event.type !== 'ImportFailed') continue;
    Object.assign(run.counts, countsOf(event.data));
    run.done = event.data.rowsDone;
    run.finishedAt = r.recordedAt;
    run.state = event.type === 'ImportFinished' ? 'done' : 'failed';
    run.error = event.type === 'ImportFailed' ? { code: event.data.code, message: event.data.message } : null;
  }
  return run.status();
}
