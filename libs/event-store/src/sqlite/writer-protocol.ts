import {
  DuplicateEventIdError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import type { Database } from 'better-sqlite3';
import type { SealingConfig } from '../sealing/sealing-config';
import type { AppendRequest, InlineProjection } from './sqlite-writer';

/** An inline projection that can also tell the main thread what its commits changed. */
export type ReportingProjection = InlineProjection & { report(): unknown };

/** What `WriterProjectionModule` names: opens the projection on the writer thread's connection. */
export type ReportingProjectionFactory = (db: Database, onProgress: (line: string) => void) => ReportingProjection;

/** Loaded by the writer thread: `module`'s export `name` opens the inline projection on its connection. */
export interface WriterProjectionModule {
  module: string;
  name: string;
}

/** How the writer's connection is set up: what durability rests on. */
export interface WriterSettings {
  journalMode: string;
  synchronous: number;
}

/** What the writer thread is started with. */
export interface WriterInit {
  file: string;
  projection?: WriterProjectionModule;
  /** People's events are sealed before they are inserted; without it they are stored as written. */
  sealing?: SealingConfig;
  /** false: no Merkle tree upkeep (bench:integrity's baseline only). */
  logTree?: boolean;
}

/** An error as it crosses from the writer thread: the store's own errors keep their class and fields. */
export type WireError =
  | { kind: 'wrong_expected_revision'; stream: string; expected: ExpectedRevision; actual: number | 'no_stream' }
  | { kind: 'duplicate_event_id'; stream: string; eventId: string }
  | { kind: 'invalid_append'; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'other'; name: string; message: string; code?: string };

/** `stored`: this append stored its events (not a retry answered with an earlier append's result). */
export type WireOutcome = { result: AppendResult; stored: boolean } | { error: WireError };

export type ToWriter =
  | { type: 'commit'; appends: AppendRequest[]; recordedAt: string }
  /** A person's key was destroyed: the thread drops what it had unwrapped of it. */
  | { type: 'forget'; personId: string }
  | { type: 'close' };

export type FromWriter =
  | { type: 'progress'; line: string }
  | { type: 'ready'; report: unknown; settings: WriterSettings }
  | { type: 'failed'; error: WireError }
  | { type: 'committed'; outcomes: WireOutcome[]; report: unknown }
  | { type: 'forgotten' }
  | { type: 'closed' };

export function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) {
    return { kind: 'wrong_expected_revision', stream: error.stream, expected: error.expected, actual: error.actual };
  }
  if (error instanceof DuplicateEventIdError) {
    return { kind: 'duplicate_event_id', stream: error.stream, eventId: error.eventId };
  }
  if (error instanceof InvalidAppendError) return { kind: 'invalid_append', message: error.message };
  if (error instanceof StoreUnavailableError) return { kind: 'unavailable', message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { kind: 'other', name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'wrong_expected_revision':
      return new WrongExpectedRevisionError(wire.stream, wire.expected, wire.actual);
    case 'duplicate_event_id':
      return new DuplicateEventIdError(wire.stream, wire.eventId);
    case 'invalid_append':
      return new InvalidAppendError(wire.message);
    case 'unavailable':
      return new StoreUnavailableError(wire.message);
    default: {
      const error = new Error(wire.message);
      error.name = wire.name;
      if (wire.code) (error as Error & { code?: string }).code = wire.code;
      return error;
    }
  }
}
