import { matchesFilter } from '../append-check';
import type { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { parseSequencePosition } from '../sequence-position';

/** Freezes what a reader must not change: the same event objects are handed to every reader. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/**
 * A committed event as the recent events hold it: what filters look at, and the event itself,
 * parsed from its JSON only when a reader first asks for it (most are never asked for).
 */
export class CommittedEvent {
  private parsed: RecordedEvent | undefined;

  constructor(
    readonly position: number,
    readonly stream: string,
    readonly type: string,
    private readonly make: () => RecordedEvent,
  ) {}

  static of(event: RecordedEvent): CommittedEvent {
    return new CommittedEvent(Number(event.position), event.stream, event.type, () => event);
  }

  get event(): RecordedEvent {
    return (this.parsed ??= deepFreeze(this.make()));
  }
}

/**
 * The last events this process committed, in log order. The followers of the log (the in-memory
 * indexes, the feed, the read models of another process) ask after every commit for what is new
 * since they last looked: that is almost always here, and then costs no query, and no JSON parse
 * but for the events a filter keeps. The events are frozen, since every reader gets the same objects.
 */
export class RecentEvents {
  private events: CommittedEvent[] = [];
  private start = 0;
  /** Every committed event after this position is held. */
  private coveredAfter: number;
  private headPosition: number;

  constructor(
    head: number,
    private readonly capacity = 4096,
  ) {
    this.coveredAfter = head;
    this.headPosition = head;
  }

  /** The log's last position; 0 when it is empty. */
  get head(): number {
    return this.headPosition;
  }

  /** Events just committed, in log order. */
  add(committed: CommittedEvent[]): void {
    for (const event of committed) {
      this.events.push(event);
      this.headPosition = event.position;
    }
    const held = this.events.length - this.start;
    if (held > this.capacity) {
      this.start += held - this.capacity;
      this.coveredAfter = this.events[this.start - 1]!.position;
      if (this.start > this.capacity) {
        this.events = this.events.slice(this.start);
        this.start = 0;
      }
    }
  }

  /** Lets go of every event held (a person's key was destroyed: their events must be read again, unsealed). */
  drop(): void {
    this.events = [];
    this.start = 0;
    this.coveredAfter = this.headPosition;
  }

  /** What `readAll` answers, when everything it asks for is held here; undefined when not. */
  read(options: ReadAllOptions): RecordedEvent[] | undefined {
    const after = parseSequencePosition(options.after);
    if (after < this.coveredAfter) return undefined;
    const limit = options.maxCount === undefined || options.maxCount < 0 ? Infinity : options.maxCount;
    const out: RecordedEvent[] = [];
    if (limit === 0) return out;
    for (let i = this.firstAfter(after); i < this.events.length; i++) {
      const event = this.events[i]!;
      if (!matchesFilter(event, options.filter)) continue;
      out.push(event.event);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The index of the first held event whose position is after `after` (binary search). */
  private firstAfter(after: number): number {
    let lo = this.start;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid]!.position <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
