import { Inject, Injectable } from '@nestjs/common';
import type { BaseContext, Decider, DomainError, WithHistory } from '@baytaq/domain';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type JsonObject,
} from '@baytaq/event-store';
import { ContextLoader } from './context-loader';
import { eventIdSource } from './deterministic-id';
import { DomainProblem } from './domain-problem';
import { keyReused } from './idempotency.service';
import { ProcessProgress } from './process-progress';
import { StreamStates, type LoadedStream } from './stream-states';
import { eventMetadata, type WriteContext } from './write-context';

type DomainEvent = { type: string; data: object };

export interface WriteResult {
  id: string;
  stream: string;
  revision: number;
  /** Where the write and its consequences (processes it starts) are complete: a read's `minPosition`. */
  position: string;
  eventIds: string[];
  warnings?: Array<{ code: string; message: string }>;
}

export interface HandleOptions {
  /** The id the answer names: the resource created or changed. */
  id: string;
  /** Runs once the decision accepted the command, before its events are appended (e.g. a reservation). */
  beforeAppend?: () => Promise<void>;
  /**
   * False for a process's own writes: the process handles their events in a later pass, and a
   * pass that waited for itself would never end.
   */
  awaitProcesses?: boolean;
}

/** More events than one write appends: how far a replay looks for the rest of its events. */
const WRITE_EVENTS_MAX = 1000;

/** Attempts of a write whose stream moved under it, when the client did not pin a revision. */
const ATTEMPTS = 5;

/**
 * Every write: load the stream, load what its decider says the command needs, decide, append
 * with the revision that was read. When someone else wrote in between, decide again on the new
 * state; with If-Match the client asked for exactly that revision, so a conflict is theirs (412).
 *
 * With an Idempotency-Key the event ids derive from the key, and the key and the request's hash
 * are in the events' metadata: a retry whose first attempt was stored (its answer lost in a
 * crash) finds those events and answers as the first did, instead of a refusal of the repeat.
 */
@Injectable()
export class CommandHandling {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamStates,
    private readonly contexts: ContextLoader,
    private readonly processes: ProcessProgress,
  ) {}

  async handle<C, E extends DomainEvent, S extends WithHistory<E>, X extends BaseContext>(
    stream: string,
    decider: Decider<C, E, S, X>,
    command: C,
    write: WriteContext,
    options: HandleOptions,
  ): Promise<WriteResult> {
    // `#0`: the seed's form since requests could make several writes; events stored so must keep their ids.
    const scope = write.idempotency && `${write.idempotency.scope}#0`;
    const ids = eventIdSource(scope);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.streams.load(stream, decider);
      if (write.ifMatch !== undefined && write.ifMatch !== loaded.revision) {
        const replayed = await this.replay(stream, loaded, ids, write, options);
        if (replayed) return replayed;
        throw new WrongExpectedRevisionError(
          stream,
          write.ifMatch,
          loaded.revision < 0 ? 'no_stream' : loaded.revision,
        );
      }
      const context = await this.contexts.load<X>(decider.needs(command, loaded.state), write.today);
      const decision = decider.decide(command, loaded.state, context);
      if (!decision.ok) {
        const replayed = await this.replay(stream, loaded, ids, write, options);
        if (replayed) return replayed;
        throw new DomainProblem(decision.error as DomainError);
      }
      if (decision.events.length === 0) {
        // Nothing to record: the stream already says what the command asks (an erasure repeated).
        const replayed = await this.replay(stream, loaded, ids, write, options);
        return replayed ?? (await this.unchanged(stream, options));
      }
      await options.beforeAppend?.();
      const events = decision.events.map((e, i) => envelope(e, ids(stream, i), write));
      try {
        const result = await this.store.append(stream, events, loaded.revision < 0 ? 'no_stream' : loaded.revision);
        this.streams.remember(stream, decider, loaded, events, result.revision);
        const warnings = decision.warnings?.length ? { warnings: decision.warnings.map((w) => ({ ...w })) } : {};
        return { ...(await this.answer(options, result, events)), ...warnings };
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && write.ifMatch === undefined && attempt < ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  /**
   * The first attempt of this request, when the stream holds it: its events carry the ids this
   * request derives, in order from the first. Another body under the same key is a reuse (422).
   */
  private async replay<S extends WithHistory<DomainEvent>>(
    stream: string,
    loaded: LoadedStream<S>,
    ids: (stream: string, index: number) => string,
    write: WriteContext,
    options: HandleOptions,
  ): Promise<WriteResult | undefined> {
    if (!write.idempotency) return undefined;
    const first = ids(stream, 0);
    const revision = loaded.state.history.envelopes.findIndex((e) => e.eventId === first);
    if (revision < 0) return undefined;
    const recorded = await this.store.readStream(stream, { fromRevision: revision, maxCount: WRITE_EVENTS_MAX });
    const mine = [];
    for (const event of recorded) {
      if (event.id !== ids(stream, mine.length)) break;
      mine.push(event);
    }
    if (mine[0]?.metadata['requestHash'] !== write.idempotency.requestHash) throw keyReused();
    const last = mine[mine.length - 1]!;
    const result = { stream, revision: last.revision, position: last.position, eventIds: mine.map((e) => e.id) };
    return this.answer(options, result, mine);
  }

  /** The answer of a write that recorded nothing: the stream's last event, which already says it. */
  private async unchanged(stream: string, options: HandleOptions): Promise<WriteResult> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (!last) throw new Error(`${stream}: a decision with nothing to record on a stream with no events`);
    const result = { stream, revision: last.revision, position: last.position, eventIds: [last.id] };
    return { id: options.id, ...result };
  }

  /** The append's result, its position moved past what the processes its events start have appended. */
  private async answer(
    options: HandleOptions,
    result: AppendResult,
    events: ReadonlyArray<{ type: string }>,
  ): Promise<WriteResult> {
    if (options.awaitProcesses === false) return { id: options.id, ...result };
    const position = await this.processes.completeAfter(
      result.position,
      events.map((e) => e.type),
    );
    return { id: options.id, ...result, position };
  }
}

function envelope(event: DomainEvent, id: string, write: WriteContext): EventToAppend {
  const data = event.data as JsonObject;
  return { id, type: event.type, data, metadata: eventMetadata(data, write) };
}
