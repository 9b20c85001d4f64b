import canonicalize from 'canonicalize';
import { type Hash, leafHashOf } from './hashes';

/**
 * What a leaf of the log is: an event as stored (personal data sealed), without its position, which
 * the leaf's place in the tree already says.
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

/** Leaf hash of an event: SHA-256(0x00 || JCS(record)). */
export function recordLeafHash(record: LogRecord): Hash {
  return leafHashOf(Buffer.from(canonicalRecord(record), 'utf8'));
}
