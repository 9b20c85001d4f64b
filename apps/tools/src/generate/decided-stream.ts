import { extendStream, type Decision, type DomainError, type WithHistory } from '@baytaq/domain';
import type { Cause, DecidedEvent, DomainEvent, EventWriter } from './event-writer';
import type { SyntheticIds } from './synthetic-ids';

/** A decider refused what the generator planned: the plan broke a rule, which is a bug in the generator. */
export class GeneratorRefusal extends Error {
  override readonly name = 'GeneratorRefusal';
  constructor(
    readonly stream: string,
    readonly what: string,
    readonly error: DomainError,
  ) {
    super(`${what} on ${stream} was refused: ${error.code}: ${error.message} ${JSON.stringify(error.details ?? {})}`);
  }
}

type Evolver<E, S> = { initialState: S; evolve(state: S, event: E): S };

/**
 * One stream the generator writes: its folded state, kept as the app's command runner keeps it,
 * and its revision. A decision is recorded only when accepted; a refusal throws. A batched
 * stream (a member's life, decided whole) keeps its events until `flush`, which appends them
 * at once: one append instead of one per command, each event keeping its own causation.
 */
export class DecidedStream<E extends DomainEvent, S extends WithHistory<E>> {
  state: S;
  revision = -1;
  private pending: DecidedEvent[] = [];

  constructor(
    readonly name: string,
    private readonly decider: Evolver<E, S>,
    private readonly writer: EventWriter,
    private readonly ids: SyntheticIds,
    private readonly batched = false,
  ) {
    this.state = decider.initialState;
  }

  /** Records an accepted decision's events; returns their ids. */
  record(decision: Decision<E>, what: string, cause: Cause): string[] {
    if (!decision.ok) throw new GeneratorRefusal(this.name, what, decision.error);
    const envelopes = decision.events.map((event) => ({ eventId: this.ids.next('event'), event }));
    this.state = extendStream(this.decider, this.state, envelopes);
    this.pending.push(...envelopes.map((envelope) => ({ ...envelope, cause })));
    if (!this.batched) this.flush();
    return envelopes.map((e) => e.eventId);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.writer.appendDecided(this.name, this.revision, this.pending);
    this.revision += this.pending.length;
    this.pending = [];
  }
}
