import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from './errors';
import type { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from './event-store.port';

/** Revision of the last event of a stream, or -1 when the stream does not exist. */
export type StreamRevision = number;

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** Rejects appends no adapter should store: the same rules for every adapter. */
export function validateAppend(stream: string, events: EventToAppend[], expected: ExpectedRevision): void {
  if (!STREAM_NAME.test(stream)) throw new InvalidAppendError(`invalid stream name: ${JSON.stringify(stream)}`);
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`invalid expected revision: ${expected}`);
  }
  const ids = new Set<string>();
  for (const e of events) {
    if (!e.id || ids.has(e.id)) throw new InvalidAppendError(`missing or repeated event id: ${e.id}`);
    if (!e.type) throw new InvalidAppendError('an event needs a type');
    ids.add(e.id);
  }
}

/** Throws when the stream's current revision does not satisfy the expectation. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: StreamRevision): void {
  const actual = current < 0 ? 'no_stream' : current;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current < 0) ||
    (expected === 'stream_exists' && current >= 0) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/**
 * Decides whether an append is a retry of one already stored. `stored` holds the stored events
 * whose ids the append carries (found by id). Returns the original result for a full retry,
 * undefined when none of the ids is stored, and throws when only some are or they differ.
 */
export function detectRetry(
  stream: string,
  events: Array<Pick<EventToAppend, 'id' | 'type'>>,
  stored: RecordedEvent[],
): AppendResult | undefined {
  if (stored.length === 0) return undefined;
  const byId = new Map(stored.map((e) => [e.id, e]));
  const first = byId.get(events[0]!.id);
  events.forEach((e, i) => {
    const s = byId.get(e.id);
    if (!s || !first || s.stream !== stream || s.revision !== first.revision + i || s.type !== e.type) {
      throw new DuplicateEventIdError(stream, e.id);
    }
  });
  const last = byId.get(events[events.length - 1]!.id)!;
  return { stream, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) };
}

export function matchesFilter(
  event: Pick<RecordedEvent, 'type' | 'stream'>,
  filter: { eventTypes?: string[]; streamPrefixes?: string[] } | undefined,
): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.stream.startsWith(p))) return false;
  return true;
}
