/**
 * A hand-written stand-in for the parts of KurrentDBClient the adapter uses, with the server
 * behaviours the adapter relies on: inclusive read starts, one server-side filter, expected
 * revision checks with idempotent retries, and real client error classes.
 */
import { PassThrough } from 'node:stream';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient } from '../kurrentdb-client';

export const pos = (n: number): Position => ({ commit: BigInt(n), prepare: BigInt(n) });

export function recorded(
  stream: string,
  revision: number,
  type: string,
  at: number,
  id = `id-${at}`,
  /** What an append sent; events added by a test carry `{ at }`. */
  sent?: { data: unknown; metadata: unknown },
): AllStreamRecordedEvent {
  return {
    streamId: stream,
    id,
    revision: BigInt(revision),
    type,
    isJson: true,
    data: sent ? sent.data : { at },
    metadata: sent?.metadata,
    created: new Date(Date.UTC(2025, 0, 1, 0, 0, at)),
    position: pos(at * 100),
  } as AllStreamRecordedEvent;
}

export class FakeSubscription extends PassThrough {
  unsubscribed = 0;
  constructor(readonly options: SubscribeToAllOptions | undefined) {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed += 1;
  }
  deliver(event: AllStreamRecordedEvent): void {
    this.write({ event } satisfies AllStreamResolvedEvent);
  }
}

export class FakeKurrentClient {
  readonly log: AllStreamRecordedEvent[] = [];
  readonly appends: Array<{ stream: string; events: EventData[]; options: AppendToStreamOptions | undefined }> = [];
  readonly allReads: ReadAllOptions[] = [];
  readonly streamReads: Array<{ stream: string; options: ReadStreamOptions | undefined }> = [];
  readonly subscriptions: FakeSubscription[] = [];
  /** Set to make the next client call fail the way the client fails. */
  failWith: Error | undefined;
  disposed = false;
  private clock = 0;

  asClient(): KurrentClient {
    return this as unknown as KurrentClient;
  }

  add(stream: string, type: string, id?: string, sent?: { data: unknown; metadata: unknown }): AllStreamRecordedEvent {
    const revision = this.log.filter((e) => e.streamId === stream).length;
    const event = recorded(stream, revision, type, (this.clock += 1), id, sent);
    this.log.push(event);
    return event;
  }

  async appendToStream(
    stream: string,
    input: EventData | EventData[],
    options?: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.throwIfFailing();
    const events = Array.isArray(input) ? input : [input];
    this.appends.push({ stream, events, options });
    const mine = this.log.filter((e) => e.streamId === stream);
    const state = options?.streamState ?? 'any';
    const expected = state === 'no_stream' ? -1n : typeof state === 'bigint' ? state : undefined;
    const current = mine.length === 0 ? ('no_stream' as const) : BigInt(mine.length - 1);
    if (expected !== undefined && mine.length - 1 > Number(expected)) {
      // The server's idempotency: the same ids right after the expectation are acknowledged again.
      const window = mine.slice(Number(expected) + 1, Number(expected) + 1 + events.length);
      if (window.length === events.length && window.every((e, i) => e.id === events[i]!.id)) {
        const lastEvent = window[window.length - 1]!;
        return { success: true, nextExpectedRevision: lastEvent.revision, position: lastEvent.position };
      }
    }
    const ok =
      state === 'any' ||
      (state === 'stream_exists' && current !== 'no_stream') ||
      (expected !== undefined && BigInt(mine.length - 1) === expected);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected: state, current });
    const written = events.map((e) => this.add(stream, e.type, e.id, { data: e.data, metadata: e.metadata }));
    // Like the server, one position for the whole write: here its first event's.
    return {
      success: true,
      nextExpectedRevision: written[written.length - 1]!.revision,
      position: written[0]!.position,
    };
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.streamReads.push({ stream, options });
    const failure = this.failWith;
    const mine = this.log.filter((e) => e.streamId === stream);
    const backwards = options?.direction === 'backwards';
    const from = options?.fromRevision ?? (backwards ? 'end' : 'start');
    const start = from === 'start' ? 0 : from === 'end' ? mine.length - 1 : Number(from);
    const ordered = backwards ? mine.slice(0, start + 1).reverse() : mine.slice(start);
    return (async function* () {
      if (failure) throw failure;
      if (mine.length === 0) throw new StreamNotFoundError(undefined, stream);
      yield* ordered.slice(0, Number(options?.maxCount ?? Infinity)).map((event) => ({ event }));
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.allReads.push(options);
    const failure = this.failWith;
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const inRange = (e: AllStreamRecordedEvent) =>
      typeof from === 'string' || (backwards ? e.position.commit <= from.commit : e.position.commit >= from.commit);
    const ordered = (backwards ? [...this.log].reverse() : this.log).filter(inRange).filter((e) => passes(e, options));
    return (async function* () {
      if (failure) throw failure;
      yield* ordered.slice(0, Number(options.maxCount ?? Infinity)).map((event) => ({ event }));
    })();
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllStreamSubscription {
    const subscription = new FakeSubscription(options);
    this.subscriptions.push(subscription);
    return subscription as unknown as AllStreamSubscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private throwIfFailing(): void {
    if (this.failWith) throw this.failWith;
  }
}

/** The server's filter: a regex or prefixes, on the event type or on the stream name. */
function passes(event: AllStreamRecordedEvent, options: ReadAllOptions): boolean {
  const filter = options.filter;
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? event.type : event.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((p) => subject.startsWith(p));
}
