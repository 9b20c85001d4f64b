/**
 * The names of the registry's streams, in one place: `<kind>-<id>`. Every other module names a
 * stream through these, so that a prefix is spelled once.
 */
export const STREAM_PREFIX = {
  organisation: 'organisation-',
  person: 'person-',
  meeting: 'meeting-',
  filing: 'filing-',
  import: 'import-',
  /** One IIN, one person: `iin-<hmac>` (a raw IIN never appears in a stream name). */
  iinReservation: 'iin-',
  /** The first answer to an `Idempotency-Key`, per caller. */
  idempotency: 'idempotency-',
  apiKey: 'apikey-',
} as const;

export type StreamKindName = keyof typeof STREAM_PREFIX;

export const organisationStream = (id: string): string => `${STREAM_PREFIX.organisation}${id}`;
export const personStream = (id: string): string => `${STREAM_PREFIX.person}${id}`;
export const meetingStream = (id: string): string => `${STREAM_PREFIX.meeting}${id}`;
export const filingStream = (id: string): string => `${STREAM_PREFIX.filing}${id}`;
export const importStream = (id: string): string => `${STREAM_PREFIX.import}${id}`;

/** The streams a retraction may target: those whose events are entries of the registry. */
export const RETRACTABLE_PREFIXES: readonly string[] = [
  STREAM_PREFIX.organisation,
  STREAM_PREFIX.person,
  STREAM_PREFIX.meeting,
];

/** The id part of a stream name: `organisation-<uuid>` → `<uuid>`. */
export function idOfStream(stream: string): string {
  return stream.slice(stream.indexOf('-') + 1);
}

/** The kind of a stream by its prefix; undefined for a name no kind has. */
export function kindOfStream(stream: string): StreamKindName | undefined {
  for (const [kind, prefix] of Object.entries(STREAM_PREFIX)) {
    if (stream.startsWith(prefix)) return kind as StreamKindName;
  }
  return undefined;
}
