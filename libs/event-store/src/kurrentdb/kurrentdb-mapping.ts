/**
 * Pure translation between the EventStore port and @kurrent/kurrentdb-client shapes.
 * No I/O here, so every rule can be unit-tested without a server.
 */
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AppendStreamState,
  type EventData,
  type Filter,
  type Position,
} from '@kurrent/kurrentdb-client';
import { matchesFilter } from '../append-check';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  InvalidPositionError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors';
import type { AllFilter, EventToAppend, ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';
import type { EventSealer } from '../sealing/event-sealer';

/** The fields of a client RecordedEvent that we read; the client's own type is assignable to it. */
export interface ClientEventLike {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function toRevision(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`revision out of range: ${value}`);
  return n;
}

/**
 * Where the events of a successful append sit. With a revision or no_stream the server only
 * succeeds when our events occupy the slots right after the expectation (fresh or idempotent),
 * so we compute it rather than trust which revision an idempotent reply reports.
 */
export function lastAppendedRevision(expected: ExpectedRevision, count: number, serverNext: bigint): number {
  if (typeof expected === 'number') return expected + count;
  if (expected === 'no_stream') return count - 1;
  return toRevision(serverNext);
}

/** The revision from which a refused append would have written: where to look for a reuse of its ids. */
export function conflictWindowStart(expected: ExpectedRevision): number | undefined {
  if (typeof expected === 'number') return expected + 1;
  return expected === 'no_stream' ? 0 : undefined;
}

// Log positions are unsigned 64-bit; the server reports "no position" as -1, which can reach
// us as a huge unsigned value, so anything at or above 2^63 is treated as absent.
const MAX_POSITION = 2n ** 63n;
const POSITION_DIGITS = 20;
const POSITION_FORMAT = /^(\d{20})\/(\d{20})$/;

export function isUsablePosition(p: Position | undefined): p is Position {
  return p !== undefined && p.commit >= 0n && p.prepare >= 0n && p.commit < MAX_POSITION && p.prepare < MAX_POSITION;
}

/** "<commit>/<prepare>", zero-padded so that string order equals log order. */
export function formatPosition(p: Position): string {
  const { commit, prepare } = p;
  if (!isUsablePosition(p)) throw new RangeError(`not a log position: ${commit}/${prepare}`);
  const pad = (v: bigint) => v.toString(10).padStart(POSITION_DIGITS, '0');
  return `${pad(commit)}/${pad(prepare)}`;
}

export function parsePosition(position: string): Position {
  const match = POSITION_FORMAT.exec(position);
  if (!match) throw new InvalidPositionError(position);
  const p = { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
  if (!isUsablePosition(p)) throw new InvalidPositionError(position);
  return p;
}

export function compareRawPositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function comparePositions(a: string, b: string): number {
  return compareRawPositions(parsePosition(a), parsePosition(b));
}

/** With a sealer, a person event's personal fields are sealed (its key must exist already). */
export function toEventData(event: EventToAppend, stream?: string, sealer?: EventSealer): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: sealer && stream !== undefined ? sealer.seal(stream, event.id, event.type, event.data) : event.data,
    metadata: event.metadata,
  };
}

/** Foreign events may carry bytes or non-object JSON; keep them readable rather than failing a whole read. */
export function toJsonObject(value: unknown): JsonObject {
  if (value === undefined || value === null) return {};
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value).toString('utf8');
    try {
      return toJsonObject(JSON.parse(text));
    } catch {
      return { value: Buffer.from(value).toString('base64') };
    }
  }
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return { value };
}

/** With a sealer, a person event's sealed fields are opened. */
export function toRecordedEvent(event: ClientEventLike, sealer?: EventSealer): RecordedEvent {
  if (!isUsablePosition(event.position)) {
    // Events carry their $all position only from server 22.6 on.
    throw new Error(`KurrentDB returned event ${event.id} without a log position (server 22.6+ required)`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: toRevision(event.revision),
    position: formatPosition(event.position),
    type: event.type,
    data: sealer
      ? sealer.unseal(event.streamId, event.id, event.type, toJsonObject(event.data))
      : toJsonObject(event.data),
    metadata: toJsonObject(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}

function errorField(error: unknown, field: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
}

const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
const UNAVAILABLE_GRPC_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

export function isUnavailable(error: unknown): boolean {
  const type = errorField(error, 'type');
  const code = errorField(error, 'code');
  const message = String(errorField(error, 'message') ?? '');
  return (
    (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) ||
    (typeof code === 'number' && UNAVAILABLE_GRPC_CODES.has(code)) ||
    message.startsWith('Failed to discover')
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return errorField(error, 'type') === 'stream-not-found';
}

function toActualRevision(actual: unknown): number | 'no_stream' {
  return typeof actual === 'bigint' && actual >= 0n ? toRevision(actual) : 'no_stream';
}

const OUR_ERRORS = [
  WrongExpectedRevisionError,
  DuplicateEventIdError,
  InvalidAppendError,
  StoreUnavailableError,
  InvalidPositionError,
];

/** Client errors in the port's vocabulary; the append context is needed to build a conflict. */
export function toStoreError(error: unknown, append?: { stream: string; expected: ExpectedRevision }): Error {
  if (OUR_ERRORS.some((type) => error instanceof type)) return error as Error;
  if (append && errorField(error, 'type') === 'wrong-expected-version') {
    return new WrongExpectedRevisionError(
      append.stream,
      append.expected,
      toActualRevision(errorField(error, 'actualState')),
    );
  }
  if (isUnavailable(error)) {
    return new StoreUnavailableError(`KurrentDB unavailable: ${String(errorField(error, 'message'))}`, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export interface FilterPlan {
  /** Sent to the server: it can filter on event type or on stream name, never both. */
  server: Filter;
  /** The whole filter, applied again client-side: it covers the half the server could not. */
  keep(event: { type: string; streamId: string }): boolean;
}

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);

export function planFilter(filter: AllFilter | undefined): FilterPlan {
  const keep = (event: { type: string; streamId: string }) =>
    !isSystemEvent(event) && matchesFilter({ type: event.type, stream: event.streamId }, filter);
  // Event types are usually the more selective half, and an exact-match regex cannot match a $ type.
  if (filter?.eventTypes?.length) {
    return { server: eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` }), keep };
  }
  if (filter?.streamPrefixes?.length) return { server: streamNameFilter({ prefixes: filter.streamPrefixes }), keep };
  return { server: excludeSystemEvents(), keep };
}
