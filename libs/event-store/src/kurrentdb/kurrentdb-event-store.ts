import { BACKWARDS, END, FORWARDS, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import { detectRetry, validateAppend } from '../append-check';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import type { EventSealer } from '../sealing/event-sealer';
import type { StoreSealing } from '../sealing/store-sealing';
import type { StoreKeys } from '../sqlite/sqlite-event-store';
import type { KurrentClient } from './kurrentdb-client';
import * as map from './kurrentdb-mapping';
import { positionAt, readStreamEvents, scanAll } from './kurrentdb-reads';
import { KurrentDbSubscription } from './kurrentdb-subscription';

export type { KurrentClient } from './kurrentdb-client';

const PAGE = 512;
/** How far back an append with 'any' or 'stream_exists' looks for its own ids (KurrentDB has no index by id). */
const RETRY_LOOKBACK = 100;
const PING_DEADLINE_MS = 5000;

/**
 * EventStore on KurrentDB (or EventStoreDB 22.6+) through the gRPC client.
 *
 * Idempotency, as the server does it: an append with a revision or no_stream whose events
 * already sit right after that expectation (same ids, same order) is acknowledged again with the
 * original revisions and the original log position, and nothing is written twice; if only some
 * match, the server refuses it as a wrong expected version. With 'any' and 'stream_exists' the
 * server only remembers recent ids in a cache, so this adapter first looks for the ids among the
 * stream's last RETRY_LOOKBACK events. Ids reused anywhere else are not detected: KurrentDB does
 * not index events by id.
 */
export class KurrentDbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<Subscription>();

  /**
   * `sealing`: people's events are sealed on the way in and opened on the way out, under keys of
   * this process's key store (a local SQLite file: one service instance; replicas would need a
   * key store they all reach).
   */
  constructor(
    private readonly client: KurrentClient,
    private readonly sealing?: StoreSealing,
  ) {}

  static fromConnectionString(url: string, sealing?: StoreSealing): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(url), sealing);
  }

  /** People's data keys, when the store seals. */
  get keys(): StoreKeys | undefined {
    const keys = this.sealing?.keys;
    if (!keys) return undefined;
    return { destroy: async (personId) => keys.destroy(personId), destroyed: (personId) => keys.destroyed(personId) };
  }

  async append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    if (expected === 'any' || expected === 'stream_exists') {
      const original = detectRetry(stream, events, await this.storedWithIds(stream, events));
      if (original) return original;
    }
    // A new person's key is committed to the key store before their first event is appended.
    this.sealing?.prepare([{ stream, events }]);
    const sealer = this.sealing?.sealer;
    let result;
    try {
      result = await this.client.appendToStream(
        stream,
        events.map((e) => map.toEventData(e, stream, sealer)),
        {
          streamState: map.toStreamState(expected),
        },
      );
    } catch (error) {
      return this.afterRefusal(stream, events, expected, error);
    }
    if (!result.success) {
      // Only with throwOnAppendFailure=false in the connection string: the same refusal, as a value.
      const refusal = { type: 'wrong-expected-version', actualState: result.nextExpectedRevision };
      return this.afterRefusal(stream, events, expected, refusal);
    }
    const revision = map.lastAppendedRevision(expected, events.length, result.nextExpectedRevision);
    // A multi-event append reports one log position for the whole write, not necessarily its last event's.
    const position =
      events.length === 1 && map.isUsablePosition(result.position)
        ? result.position
        : await positionAt(this.client, stream, revision);
    return { stream, revision, position: map.formatPosition(position), eventIds: events.map((e) => e.id) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readStreamEvents(this.client, stream, options, this.sealing?.sealer);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllWith(options, this.sealing?.sealer);
  }

  /** $all with people's personal fields left sealed, as the server holds them. */
  async readAllAsStored(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllWith(options, undefined);
  }

  private async readAllWith(options: ReadAllOptions, sealer: EventSealer | undefined): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const out: RecordedEvent[] = [];
    if (limit <= 0) return out;
    const from = options.after === undefined ? undefined : map.parsePosition(options.after);
    const pageSize = Math.min(PAGE, limit + 1);
    for await (const event of scanAll(this.client, FORWARDS, from, map.planFilter(options.filter), pageSize)) {
      out.push(map.toRecordedEvent(event, sealer));
      if (out.length >= limit) break;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    const after = options.after === undefined ? undefined : map.parsePosition(options.after);
    const plan = map.planFilter(options.filter);
    const source = this.client.subscribeToAll({ fromPosition: after ?? START, filter: plan.server });
    const inner = new KurrentDbSubscription(source, after, plan, handler, this.sealing?.sealer);
    const subscription: Subscription = {
      close: async () => {
        this.subscriptions.delete(subscription);
        await inner.close();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<string | undefined> {
    this.assertOpen();
    for await (const event of scanAll(this.client, BACKWARDS, undefined, map.planFilter(undefined), 32)) {
      return map.formatPosition(event.position);
    }
    return undefined;
  }

  comparePositions(a: string, b: string): number {
    return map.comparePositions(a, b);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const reads = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      deadline: PING_DEADLINE_MS,
    });
    try {
      await reads.next();
    } catch (error) {
      const mapped = map.toStoreError(error);
      throw mapped instanceof StoreUnavailableError
        ? mapped
        : new StoreUnavailableError(mapped.message, { cause: error });
    } finally {
      await reads.return?.();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
    this.sealing?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the KurrentDB store is closed');
  }

  /** Stored events of `stream` whose ids are among `events`: in a window, or among the last RETRY_LOOKBACK. */
  private async storedWithIds(
    stream: string,
    events: EventToAppend[],
    fromRevision?: number,
  ): Promise<RecordedEvent[]> {
    const ids = new Set(events.map((e) => e.id));
    const window: ReadStreamOptions =
      fromRevision === undefined
        ? { direction: 'backwards', maxCount: RETRY_LOOKBACK }
        : { direction: 'forwards', fromRevision, maxCount: events.length };
    return (await this.readStream(stream, window)).filter((e) => ids.has(e.id));
  }

  /** A refused append is either a plain conflict, a reuse of ids (DuplicateEventIdError), or a retry. */
  private async afterRefusal(
    stream: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
    error: unknown,
  ): Promise<AppendResult> {
    const mapped = map.toStoreError(error, { stream, expected });
    const from = map.conflictWindowStart(expected);
    if (!(mapped instanceof WrongExpectedRevisionError) || from === undefined) throw mapped;
    const original = detectRetry(stream, events, await this.storedWithIds(stream, events, from));
    if (original) return original;
    throw mapped;
  }
}
