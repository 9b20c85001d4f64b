import { checkExpectedRevision, detectRetry, matchesFilter, validateAppend } from '../append-check';
import { StoreUnavailableError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionHandler,
  Subscription,
} from '../event-store.port';
import { CommitSignal, followLog } from '../log-follower';
import { readStreamSlice } from '../read-stream-slice';
import { MonotonicClock } from '../monotonic-clock';
import { compareSequencePositions, parseSequencePosition } from '../sequence-position';

/** An event store in memory: for unit tests, with the same semantics as the durable adapters. */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly signal = new CommitSignal();
  private readonly clock: MonotonicClock;
  private closed = false;

  constructor(now: () => Date = () => new Date()) {
    this.clock = new MonotonicClock(now);
  }

  async append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    const stored = events.map((e) => this.byId.get(e.id)).filter((e): e is RecordedEvent => e !== undefined);
    const retry = detectRetry(stream, events, stored);
    if (retry) return retry;
    const existing = this.streams.get(stream) ?? [];
    checkExpectedRevision(stream, expected, existing.length - 1);
    const recordedAt = this.clock.nowIso();
    const recorded = events.map((e, i): RecordedEvent => ({
      id: e.id,
      stream,
      revision: existing.length + i,
      position: String(this.log.length + i + 1),
      type: e.type,
      data: structuredClone(e.data),
      metadata: structuredClone(e.metadata ?? {}),
      recordedAt,
    }));
    for (const r of recorded) {
      this.log.push(r);
      this.byId.set(r.id, r);
      existing.push(r);
    }
    this.streams.set(stream, existing);
    this.signal.notify();
    const last = recorded[recorded.length - 1]!;
    return { stream, revision: last.revision, position: last.position, eventIds: events.map((e) => e.id) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readStreamSlice(this.streams.get(stream) ?? [], options).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const start = parseSequencePosition(options.after);
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    for (let i = start; i < this.log.length && out.length < max; i++) {
      const e = this.log[i]!;
      if (matchesFilter(e, options.filter)) out.push(copy(e));
    }
    return out;
  }

  /** The memory store seals nothing: its log as stored is its log. */
  readAllAsStored(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    return followLog(this, this.signal, options, handler);
  }

  async headPosition(): Promise<string | undefined> {
    return this.log.length === 0 ? undefined : String(this.log.length);
  }

  comparePositions(a: string, b: string): number {
    return compareSequencePositions(a, b);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signal.release();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the memory store is closed');
  }
}

function copy(e: RecordedEvent): RecordedEvent {
  return { ...e, data: structuredClone(e.data), metadata: structuredClone(e.metadata) };
}
