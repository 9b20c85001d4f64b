import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@baytaq/event-store';
import type { WriteContext } from '../commands/write-context';

/**
 * The write a process makes because of an event: the event's actor and correlation, the event as
 * its cause, and an idempotency scope derived from the event and what is mended, so that a pass
 * replayed after a crash derives the same event ids and the store keeps them once.
 */
export function causedBy(event: RecordedEvent, what: string, today: string): WriteContext {
  const key = `process:${what}:${event.id}`;
  const digest = createHash('sha256').update(key).digest('hex');
  return {
    actor: typeof event.metadata['actor'] === 'string' ? event.metadata['actor'] : 'registry',
    correlationId: typeof event.metadata['correlationId'] === 'string' ? event.metadata['correlationId'] : event.id,
    causationId: event.id,
    today,
    idempotency: { key, scope: `process-${digest.slice(0, 40)}`, requestHash: digest },
  };
}
