import { canonicalRecord, canonicalRecordOfText, type LogRecord, type LogRecordText } from './canonical-record';
import { type Hash, leafHashOf } from './hashes';

export {
  canonicalJson,
  canonicalRecord,
  canonicalRecordOfText,
  type LogRecord,
  type LogRecordText,
} from './canonical-record';

/** Leaf hash of an event: SHA-256(0x00 || JCS(record)). */
export function recordLeafHash(record: LogRecord): Hash {
  return leafHashOf(canonicalRecord(record));
}

/** The same leaf from a record whose data and metadata texts are canonical (see `canonicalRecordOfText`). */
export function recordTextLeafHash(record: LogRecordText): Hash {
  return leafHashOf(canonicalRecordOfText(record));
}
