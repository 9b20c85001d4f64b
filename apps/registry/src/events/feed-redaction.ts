import type { AllFilter, JsonObject, RecordedEvent } from '@baytaq/event-store';
import { type AuthPrincipal } from '../auth/roles';
import { clearanceOf } from '../disclosure/clearance';
import { idOfStream, STREAM_PREFIX } from '@baytaq/domain';

/**
 * Who reads the feed. Membership is personal data (a political opinion), leadership is public:
 * only keys that may see personal data elsewhere (compliance, admin) see it here.
 */
export type FeedAudience = 'public' | 'privileged';

/**
 * The registry's own bookkeeping: answers kept for Idempotency-Key, API key hashes and IIN
 * reservations (HMACs of IINs). Never part of the feed, whoever asks.
 */
export const INTERNAL_STREAM_PREFIXES: readonly string[] = [
  STREAM_PREFIX.idempotency,
  STREAM_PREFIX.apiKey,
  STREAM_PREFIX.iinReservation,
];

/**
 * What the public sees as recorded. An allow-list on purpose: a stream kind added later (imports,
 * filings) stays out of the public feed until someone decides it is public.
 */
export const PUBLIC_STREAM_PREFIXES: readonly string[] = [STREAM_PREFIX.organisation, STREAM_PREFIX.meeting];

/** One event of the feed, as `GET /v1/events` lists it and the SSE stream sends it. */
export interface FeedItem {
  position: string;
  stream: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: string;
  eventId: string;
  revision: number;
}

export function audienceOf(principal: AuthPrincipal | undefined): FeedAudience {
  return clearanceOf(principal) === 'personal' ? 'privileged' : 'public';
}

const startsWithAny = (stream: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => stream.startsWith(prefix));

/**
 * The event as the audience may see it, or undefined when the audience sees nothing of it (or
 * its type is not among `types`). Privileged: everything but internal streams. Public:
 * organisation and meeting events as recorded, nothing else. A person's events are left out
 * whole: even redacted, their count and dates on one person's stream tell an admission, a
 * transfer or an expulsion, and membership is personal data. Officers' names and tenures reach
 * the public through the organisation events and the read endpoints.
 */
export function toFeedItem(
  event: RecordedEvent,
  audience: FeedAudience,
  types?: readonly string[],
): FeedItem | undefined {
  if (startsWithAny(event.stream, INTERNAL_STREAM_PREFIXES)) return undefined;
  if (audience === 'public' && !startsWithAny(event.stream, PUBLIC_STREAM_PREFIXES)) return undefined;
  if (types && !types.includes(event.type)) return undefined;
  return {
    position: event.position,
    stream: event.stream,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    eventId: event.id,
    revision: event.revision,
  };
}

/**
 * Narrows the store's scan to what the audience may see (the public never scans bookkeeping
 * streams); toFeedItem still decides each event, so the filter only saves work.
 */
export function storeFilterFor(audience: FeedAudience, types: readonly string[] | undefined): AllFilter | undefined {
  const filter: AllFilter = {};
  if (types) filter.eventTypes = [...types];
  if (audience === 'public') filter.streamPrefixes = [...PUBLIC_STREAM_PREFIXES];
  return filter.eventTypes || filter.streamPrefixes ? filter : undefined;
}

/**
 * The people whose events a feed page carries (their streams'): a privileged page that has any is
 * a read of personal data, and goes into the access record before it is sent.
 */
export function peopleIn(streams: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const stream of streams) if (stream.startsWith(STREAM_PREFIX.person)) ids.add(idOfStream(stream));
  return [...ids];
}
