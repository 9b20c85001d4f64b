import { importStream, STREAM_PREFIX } from '@baytaq/domain';
import type { CsvSeparator } from './csv-parser';

/**
 * An import's record in the log, `import-<uuid>`: what was uploaded, by whom, and what came of
 * every row, so that a restart loses nothing that was reported. Bookkeeping, not a domain stream:
 * written as is, and kept out of the public event feed (only organisation and meeting streams are public).
 */
export const IMPORT_STREAM_PREFIX = STREAM_PREFIX.import;
export { importStream };

/** Why a row was not admitted: the column at fault and a stable code (the domain's own where there is one). */
export interface RowRejection {
  field: string;
  code: string;
  message: string;
}

/** `row` counts data rows from 1 (the header is not one); `line` is the file line the row starts on. */
export interface RejectedRow extends RowRejection {
  row: number;
  line: number;
}

export interface ImportStartedData {
  importId: string;
  fileSha256: string;
  fileBytes: number;
  fileName: string | null;
  separator: CsvSeparator;
  rows: number;
  dryRun: boolean;
}

export interface ImportCounts {
  /** Rows whose person became a member (0 in a dry run). */
  admitted: number;
  /** Same IIN already registered and already a member of that branch on that date: skipped. */
  alreadyPresent: number;
  rejected: number;
  /** Dry run: rows that passed every check and would be admitted. */
  wouldAdmit: number;
}

export interface ImportFinishedData extends ImportCounts {
  rowsDone: number;
}

export interface ImportFailedData extends ImportCounts {
  rowsDone: number;
  code: string;
  message: string;
}

/** Rejected rows travel in chunks, so that no single event grows with the file. */
export const REJECTED_ROWS_PER_EVENT = 2000;

export type ImportEvent =
  | { type: 'ImportStarted'; data: ImportStartedData }
  | { type: 'ImportRowsRejected'; data: { rows: RejectedRow[] } }
  | { type: 'ImportFinished'; data: ImportFinishedData }
  | { type: 'ImportFailed'; data: ImportFailedData };
