/**
 * The event store port: what the registry needs from any store of immutable events.
 * Adapters: sqlite (embedded default), kurrentdb (production), memory (unit tests).
 */

/** What the writer believes the stream's last revision is. Revisions start at 0. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export type JsonObject = { [key: string]: unknown };

export interface EventToAppend {
  /** A UUID chosen by the writer: the idempotency handle of the event. */
  id: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  /** Opaque outside the adapter: only compare positions through the store that produced them. */
  position: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** RFC 3339 UTC timestamp, set by the store: the transaction time. */
  recordedAt: string;
}

export interface AppendResult {
  stream: string;
  /** The revision of the last event appended: the next expected revision. */
  revision: number;
  /** The global position of the last event appended. */
  position: string;
  eventIds: string[];
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface AllFilter {
  /** Keep events whose type is one of these. */
  eventTypes?: string[];
  /** Keep events whose stream name starts with one of these. */
  streamPrefixes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: read the events after this position. Omitted: from the start of the log. */
  after?: string;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscriptionHandler {
  /** Called once per event, in log order; the next event waits for the returned promise. */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called once, when the subscription has delivered everything recorded before it went live. */
  onCaughtUp?(): void;
  /** Called when the subscription stops because of an error (not after close()). */
  onError?(error: Error): void;
}

export interface SubscribeOptions {
  after?: string;
  filter?: AllFilter;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface EventStore {
  /** Appends atomically, checking the expected revision; a retry with stored event ids returns the original result. */
  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Reads one stream; a stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads the global log in commit order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The global log as the store holds it, people's personal fields sealed: what the log's Merkle
   * tree hashes (issue 14), so that erasing a key never changes a leaf. Offered by the stores
   * whose tree a follower keeps (KurrentDB, memory); the embedded store keeps its own.
   */
  readAllAsStored?(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from a position, then delivers live events. */
  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription;
  /** The position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<string | undefined>;
  /** Compares two positions of this store: negative, zero or positive. */
  comparePositions(a: string, b: string): number;
  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
