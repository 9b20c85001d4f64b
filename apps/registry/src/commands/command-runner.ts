import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainError, Envelope, WithHistory } from '@baytaq/domain';
import { extendStream, foldStream } from '@baytaq/domain';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type JsonObject,
} from '@baytaq/event-store';
import { DomainProblem } from './domain-problem';
import { eventIdSource } from './deterministic-id';
import { StreamStateCache } from './stream-state-cache';
import { eventMetadata, type WriteContext } from './write-context';

type DomainEvent = { type: string; data: object };

export interface LoadedStream<S> {
  state: S;
  /** The stream's last revision, -1 when it does not exist. */
  revision: number;
}

export interface WriteResult {
  id: string;
  stream: string;
  revision: number;
  position: string;
  eventIds: string[];
  warnings?: Array<{ code: string; message: string }>;
}

/** Attempts of a write whose stream moved under it, when the client did not pin a revision. */
const ATTEMPTS = 5;

/**
 * Load the stream, fold it, decide, append with the revision that was read. When someone else
 * wrote in between, decide again on the new state; with If-Match the client asked for exactly
 * that revision, so a conflict is theirs to resolve (412).
 */
@Injectable()
export class CommandRunner {
  private readonly cache = new StreamStateCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The stream's state: the cached fold extended with what was recorded since, read from the store. */
  async load<C, E extends DomainEvent, S extends WithHistory<E>, X>(
    stream: string,
    decider: Decider<C, E, S, X>,
  ): Promise<LoadedStream<S>> {
    const cached = this.cache.get(stream);
    const known = cached?.revision ?? -1;
    const recorded = await this.store.readStream(stream, { fromRevision: known + 1 });
    const envelopes: Envelope<E>[] = recorded.map((r) => ({
      eventId: r.id,
      event: { type: r.type, data: r.data } as unknown as E,
    }));
    const state = cached ? extendStream(decider, cached.state as S, envelopes) : foldStream(decider, envelopes);
    const loaded = { state, revision: known + recorded.length };
    if (recorded.length > 0) this.cache.set(stream, loaded);
    return loaded;
  }

  async run<C, E extends DomainEvent, S extends WithHistory<E>, X>(options: {
    id: string;
    stream: string;
    decider: Decider<C, E, S, X>;
    command: C;
    /** Builds the decision's context from the loaded state (loading other streams as needed). */
    context: (state: S) => Promise<X> | X;
    write: WriteContext;
    /** Which write of the request this is, for the derivation of idempotent event ids. */
    part?: number;
    /** Runs once the decision accepted the command, before its events are appended (e.g. a reservation). */
    beforeAppend?: () => Promise<void>;
  }): Promise<WriteResult> {
    const { stream, decider, command, write } = options;
    const ids = eventIdSource(write.idempotencyScope && `${write.idempotencyScope}#${options.part ?? 0}`);
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(stream, decider);
      if (write.ifMatch !== undefined && write.ifMatch !== revision) {
        throw new WrongExpectedRevisionError(stream, write.ifMatch, revision < 0 ? 'no_stream' : revision);
      }
      const decision = decider.decide(command, state, await options.context(state));
      if (!decision.ok) throw new DomainProblem(decision.error as DomainError);
      await options.beforeAppend?.();
      const events = decision.events.map((e, i) => this.envelope(e, ids(stream, i), write));
      try {
        const result = await this.store.append(stream, events, revision < 0 ? 'no_stream' : revision);
        this.remember(stream, decider, state, revision, events, result.revision);
        return {
          id: options.id,
          ...result,
          ...(decision.warnings?.length ? { warnings: decision.warnings.map((w) => ({ ...w })) } : {}),
        };
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && write.ifMatch === undefined && attempt < ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  /**
   * The state after this append is the loaded one extended with its events: kept, so that the
   * next command on the stream reads nothing. Only when the append landed right after the state
   * that was read (a retry answered with an earlier append's result did not).
   */
  private remember<E extends DomainEvent, S extends WithHistory<E>>(
    stream: string,
    decider: Decider<unknown, E, S, unknown>,
    state: S,
    revision: number,
    events: EventToAppend[],
    appendedRevision: number,
  ): void {
    if (appendedRevision !== revision + events.length) return;
    const envelopes: Envelope<E>[] = events.map((e) => ({
      eventId: e.id,
      // Folded from the data as stored (a JSON round trip), as a read of the stream would give it.
      event: { type: e.type, data: JSON.parse(JSON.stringify(e.data)) } as unknown as E,
    }));
    this.cache.set(stream, { state: extendStream(decider, state, envelopes), revision: appendedRevision });
  }

  private envelope(event: DomainEvent, id: string, write: WriteContext): EventToAppend {
    const data = event.data as JsonObject;
    return { id, type: event.type, data, metadata: eventMetadata(data, write) };
  }
}
