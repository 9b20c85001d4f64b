import type { Envelope, LocalDate } from '@baytaq/domain';
import type { EventStore, EventToAppend, JsonObject } from '@baytaq/event-store';
import { eventMetadata } from '../../../registry/src/commands/write-context';

/** Who wrote and why: the metadata the app gives every event (see CommandHandling). */
export interface Cause {
  causationId: string;
  /** The registrar's "today" of the decision: the fallback effective date, as in the app. */
  today: LocalDate;
}

export const GENERATOR_ACTOR = 'generator';

/**
 * Appends without waiting for each one: the SQLite store commits every append queued in one
 * turn of the event loop in one transaction, and keeps them in order, so the revisions the
 * generator expects hold. `drain` waits for what is in flight and rethrows the first failure.
 */
export class EventWriter {
  private inFlight: Array<Promise<unknown>> = [];
  private failure: { error: unknown } | undefined;
  events = 0;

  constructor(
    private readonly store: EventStore,
    readonly correlationId: string,
    private readonly maxInFlight = 1000,
  ) {}

  /** Events decided for a stream whose last revision is `revision` (-1: a new stream). */
  appendDecided(stream: string, revision: number, decided: ReadonlyArray<DecidedEvent>): void {
    const events = decided.map(({ eventId, event, cause }) => this.envelope(eventId, event, cause));
    this.append(stream, revision, events);
  }

  /** An event the app writes outside a decider (the IIN reservation), with the app's own metadata. */
  appendRaw(stream: string, revision: number, event: Omit<EventToAppend, 'metadata'>): void {
    this.append(stream, revision, [
      { ...event, metadata: { actor: GENERATOR_ACTOR, correlationId: this.correlationId } },
    ]);
  }

  get full(): boolean {
    return this.inFlight.length >= this.maxInFlight;
  }

  async drain(): Promise<void> {
    const batch = this.inFlight;
    this.inFlight = [];
    await Promise.all(batch);
    if (this.failure) throw this.failure.error;
  }

  private append(stream: string, revision: number, events: EventToAppend[]): void {
    const appended = this.store.append(stream, events, revision < 0 ? 'no_stream' : revision);
    // Caught at once (no unhandled rejection between drains), rethrown by the next drain.
    this.inFlight.push(appended.catch((error: unknown) => (this.failure ??= { error })));
    this.events += events.length;
  }

  private envelope(id: string, event: DomainEvent, cause: Cause): EventToAppend {
    const data = event.data as JsonObject;
    const write = { actor: GENERATOR_ACTOR, correlationId: this.correlationId, ...cause };
    return { id, type: event.type, data, metadata: eventMetadata(data, write) };
  }
}

export type DomainEvent = { type: string; data: object };

/** An accepted event with the command that caused it. */
export type DecidedEvent = Envelope<DomainEvent> & { cause: Cause };
