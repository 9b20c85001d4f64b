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
