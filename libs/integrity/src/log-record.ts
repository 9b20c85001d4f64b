import { canonicalRecord, type LogRecord } from './canonical-record';
import { type Hash, leafHashOf } from './hashes';

export { canonicalRecord, type LogRecord } from './canonical-record';

/** Leaf hash of an event: SHA-256(0x00 || JCS(record)). */
export function recordLeafHash(record: LogRecord): Hash {
  return leafHashOf(Buffer.from(canonicalRecord(record), 'utf8'));
}
