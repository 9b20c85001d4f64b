import { Inject, Injectable } from '@nestjs/common';
import type { Decider, Envelope, WithHistory } from '@baytaq/domain';
import { extendStream, foldStream } from '@baytaq/domain';
import { EVENT_STORE, type EventStore, type EventToAppend } from '@baytaq/event-store';
import { StreamStateCache } from './stream-state-cache';

type DomainEvent = { type: string; data: object };

export interface LoadedStream<S> {
  state: S;
  /** The stream's last revision, -1 when it does not exist. */
  revision: number;
}

/** Folded streams: a stream's state is its cached fold extended with what was recorded since. */
@Injectable()
export class StreamStates {
  private readonly cache = new StreamStateCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<E extends DomainEvent, S extends WithHistory<E>>(
    stream: string,
    decider: Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve'>,
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

  /**
   * The state after an append is the loaded one extended with its events: kept, so that the next
   * command on the stream reads nothing. Only when the append landed right after the state that
   * was read (a retry answered with an earlier append's result did not).
   */
  remember<E extends DomainEvent, S extends WithHistory<E>>(
    stream: string,
    decider: Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve'>,
    loaded: LoadedStream<S>,
    events: EventToAppend[],
    appendedRevision: number,
  ): void {
    if (appendedRevision !== loaded.revision + events.length) return;
    const envelopes: Envelope<E>[] = events.map((e) => ({
      eventId: e.id,
      // Folded from the data as stored (a JSON round trip), as a read of the stream would give it.
      event: { type: e.type, data: JSON.parse(JSON.stringify(e.data)) } as unknown as E,
    }));
    this.cache.set(stream, { state: extendStream(decider, loaded.state, envelopes), revision: appendedRevision });
  }
}
