import type { AllFilter, JsonObject, RecordedEvent } from '@baytaq/event-store';
import { API_KEY_STREAM_PREFIX } from '../auth/api-key.events';
import { hasAnyRole, type AuthPrincipal } from '../auth/roles';
import { IDEMPOTENCY_STREAM_PREFIX } from '../commands/idempotency.service';

/**
 * Who reads the feed. Membership is personal data (a political opinion), leadership is public:
 * only keys that may see personal data elsewhere (compliance, admin) see it here.
 */
export type FeedAudience = 'public' | 'privileged';

/**
 * The registry's own bookkeeping: answers kept for Idempotency-Key, API key hashes and IIN
 * reservations (HMACs of IINs). Never part of the feed, whoever asks.
 */
export const INTERNAL_STREAM_PREFIXES: readonly string[] = [IDEMPOTENCY_STREAM_PREFIX, API_KEY_STREAM_PREFIX, 'iin-'];

export const PERSON_STREAM_PREFIX = 'person-';

/**
 * What the public sees as recorded. An allow-list on purpose: a stream kind added later (imports,
 * filings) stays out of the public feed until someone decides it is public.
 */
export const PUBLIC_STREAM_PREFIXES: readonly string[] = ['organisation-', 'meeting-'];

/** Metadata of a person's event that identifies no one: it lets an integrator tie the change to a request. */
export const NON_IDENTIFYING_METADATA: readonly string[] = ['correlationId', 'causationId', 'effectiveDate'];

/**
 * The type a person's event shows the public: its real type (MemberAdmitted, MembershipEnded...)
 * would say that the person is a party member, which is personal data.
 */
export const REDACTED_PERSON_EVENT_TYPE = 'PersonRecordChanged';

/** One event of the feed, as `GET /v1/events` lists it and the SSE stream sends it. */
export interface FeedItem {
  position: string;
  stream: string;
  type: string;
  /** Null when `redacted`. */
  data: JsonObject | null;
  metadata: JsonObject;
  recordedAt: string;
  eventId: string;
  revision: number;
  /** True when the data is personal and the caller may not see it. */
  redacted: boolean;
}

export function audienceOf(principal: AuthPrincipal | undefined): FeedAudience {
  return principal && hasAnyRole(principal, ['compliance']) ? 'privileged' : 'public';
}

const startsWithAny = (stream: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => stream.startsWith(prefix));

/**
 * The event as the audience may see it, or undefined when the audience sees nothing of it (or
 * its visible type is not among `types`).
 * Privileged: everything but internal streams. Public: organisation and meeting events as
 * recorded; a person's events without data and with non-identifying metadata only (that
 * something changed stays visible); everything else left out.
 */
export function toFeedItem(
  event: RecordedEvent,
  audience: FeedAudience,
  types?: readonly string[],
): FeedItem | undefined {
  const item = visibleItem(event, audience);
  // The type filter applies to the type the caller sees, so a filter cannot find people by a hidden type.
  return item && (!types || types.includes(item.type)) ? item : undefined;
}

function visibleItem(event: RecordedEvent, audience: FeedAudience): FeedItem | undefined {
  if (startsWithAny(event.stream, INTERNAL_STREAM_PREFIXES)) return undefined;
  const item: FeedItem = {
    position: event.position,
    stream: event.stream,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    eventId: event.id,
    revision: event.revision,
    redacted: false,
  };
  if (audience === 'privileged' || startsWithAny(event.stream, PUBLIC_STREAM_PREFIXES)) return item;
  if (!event.stream.startsWith(PERSON_STREAM_PREFIX)) return undefined;
  const metadata: JsonObject = {};
  for (const key of NON_IDENTIFYING_METADATA) if (key in event.metadata) metadata[key] = event.metadata[key];
  return { ...item, type: REDACTED_PERSON_EVENT_TYPE, data: null, metadata, redacted: true };
}

/**
 * Narrows the store's scan to what the audience may see (the public never scans bookkeeping
 * streams); toFeedItem still decides each event, so the filter only saves work.
 */
export function storeFilterFor(audience: FeedAudience, types: readonly string[] | undefined): AllFilter | undefined {
  const filter: AllFilter = {};
  const anyPersonEvent = audience === 'public' && types?.includes(REDACTED_PERSON_EVENT_TYPE);
  if (types && !anyPersonEvent) filter.eventTypes = [...types];
  if (audience === 'public') {
    // A type filter names real types, which the public never sees on a person's events.
    filter.streamPrefixes =
      types && !anyPersonEvent ? [...PUBLIC_STREAM_PREFIXES] : [...PUBLIC_STREAM_PREFIXES, PERSON_STREAM_PREFIX];
  }
  return filter.eventTypes || filter.streamPrefixes ? filter : undefined;
}
