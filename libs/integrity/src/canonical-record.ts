import canonicalize from 'canonicalize';

/**
 * What a leaf of the log is: an event as stored (personal data sealed), without its position, which
 * the leaf's place in the tree already says. No Node module here: the explorer's verifier hashes the
 * same bytes in the browser.
 */
export interface LogRecord {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

/** The record's RFC 8785 canonical JSON: the bytes an independent verifier hashes. */
export function canonicalRecord(record: LogRecord): string {
  const { eventId, stream, revision, type, data, metadata, recordedAt } = record;
  // Only the record's own fields, whatever else the caller's object carries.
  return canonicalize({ eventId, stream, revision, type, data, metadata, recordedAt })!;
}

/** A record whose data and metadata are at hand as JSON text (as a store keeps them). */
export interface LogRecordText {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  dataJson: string;
  metadataJson: string;
  recordedAt: string;
}

/**
 * The same bytes as `canonicalRecord` without parsing, when the data and metadata texts are RFC 8785
 * canonical already (the embedded store writes them so): the members in RFC 8785's order (by UTF-16
 * code units: data, eventId, metadata, recordedAt, revision, stream, type), strings and the number
 * as RFC 8785 §3.2.2 writes them (ECMAScript's JSON.stringify). A text that is not canonical gives
 * other bytes, never the same ones: a caller comparing with a stored leaf falls back to
 * `canonicalRecord` before it calls the row changed.
 */
export function canonicalRecordOfText(record: LogRecordText): string {
  return (
    `{"data":${record.dataJson},"eventId":${JSON.stringify(record.eventId)},"metadata":${record.metadataJson},` +
    `"recordedAt":${JSON.stringify(record.recordedAt)},"revision":${JSON.stringify(record.revision)},` +
    `"stream":${JSON.stringify(record.stream)},"type":${JSON.stringify(record.type)}}`
  );
}

/** RFC 8785 canonical JSON of a JSON value (what the embedded store keeps as an event's data and metadata). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not a JSON value');
  return text;
}
