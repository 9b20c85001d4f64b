import type { JsonObject } from '@baytaq/event-store';

/** Who writes, why and under which guarantees: what every event's metadata records. */
export interface WriteContext {
  /** The API key's name. */
  actor: string;
  correlationId: string;
  /** The request (or event) that caused this write. */
  causationId: string;
  /** The idempotency stream of the request, when it carried an Idempotency-Key. */
  idempotencyScope?: string;
  idempotencyKey?: string;
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
  write: Pick<WriteContext, 'actor' | 'correlationId' | 'causationId' | 'today' | 'idempotencyKey'>,
): JsonObject {
  const metadata: JsonObject = {
    schemaVersion: ENVELOPE_VERSION,
    actor: write.actor,
    correlationId: write.correlationId,
    causationId: write.causationId,
    effectiveDate: typeof data['effectiveDate'] === 'string' ? data['effectiveDate'] : (data['date'] ?? write.today),
  };
  if (write.idempotencyKey) metadata['idempotencyKey'] = write.idempotencyKey;
  return metadata;
}
