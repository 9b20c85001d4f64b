import type { JsonObject } from '@baytaq/event-store';

/** What an `Idempotency-Key` makes of a request: its scope derives the write's ids, its hash tells a reuse. */
export interface IdempotentRequest {
  key: string;
  /** The key scoped to its caller (`idempotency-<digest>`): the seed of the write's event and resource ids. */
  scope: string;
  /** SHA-256 of method, path and body: a repeat with another body is a reuse of the key. */
  requestHash: string;
}

/** Who writes, why and under which guarantees: what every event's metadata records. */
export interface WriteContext {
  /** The API key's name. */
  actor: string;
  correlationId: string;
  /** The request (or event) that caused this write. */
  causationId: string;
  /** The request's `Idempotency-Key`, when it carried one (set by `WriteAnswers`). */
  idempotency?: IdempotentRequest;
  /** The revision the client expects the target stream to have (If-Match). */
  ifMatch?: number;
  /** The registry's "today" in its time zone. */
  today: string;
}

/** Metadata schema version of the envelope; event data versions live in `schemaVersion` per type. */
export const ENVELOPE_VERSION = 1;

/**
 * Every event's metadata: the envelope version, who wrote it and why, and its effective date
 * (the event's own, else the registry's today at the write).
 */
export function eventMetadata(
  data: JsonObject,
  write: Pick<WriteContext, 'actor' | 'correlationId' | 'causationId' | 'today' | 'idempotency'>,
): JsonObject {
  const metadata: JsonObject = {
    schemaVersion: ENVELOPE_VERSION,
    actor: write.actor,
    correlationId: write.correlationId,
    causationId: write.causationId,
    effectiveDate: typeof data['effectiveDate'] === 'string' ? data['effectiveDate'] : (data['date'] ?? write.today),
  };
  if (write.idempotency) {
    // With the events, in their transaction: a retry after a crash finds the write and its request here.
    metadata['idempotencyKey'] = write.idempotency.key;
    metadata['requestHash'] = write.idempotency.requestHash;
  }
  return metadata;
}
