import { type MessagePort } from 'node:worker_threads';
import { type SealingConfig } from '@baytaq/event-store';
import { type FactRows } from './fact-writer';
import { type MemberDelta } from './member-counts';

/** What a folding thread starts with: the store's file, the head of the log it rebuilds up to. */
export interface FoldInit {
  file: string;
  head: number;
  /** Where it answers. */
  port: MessagePort;
  /** An Int32 it ticks after each answer. */
  signal: SharedArrayBuffer;
  /** How the store seals people's events, when it does: the thread reads them unsealed. */
  sealing?: SealingConfig;
}

/** The streams named from `from` (inclusive) to `to` (exclusive). */
export interface FoldRequest {
  from: string;
  to: string;
}

/**
 * A chunk's rows; or, when asked to stop (`null`), the member deltas of every chunk it folded,
 * summed per organisation and day; or what went wrong.
 */
export type FoldAnswer =
  | { rows: FactRows; events: number; tally?: undefined; error?: undefined }
  | { tally: MemberDelta[]; rows?: undefined; error?: undefined }
  | { error: string; rows?: undefined; tally?: undefined };
