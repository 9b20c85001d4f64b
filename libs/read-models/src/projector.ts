import type { Database } from 'better-sqlite3';
import { extendStream, foldStream } from '@baytaq/domain';
import { GenerationalCache, type RecordedEvent } from '@baytaq/event-store';
import { BufferedFactWriter, type FactRows, type FactSink, FactWriter, RowInserter } from './fact-writer';
import { type Fact } from './facts/fact-tables';
import { effectiveDateOf } from './facts/organisation-facts';
import { type AnyState, type Envelope, kindOfEvents, type StreamKind, streamKindOf } from './facts/stream-kinds';
import { type MemberDelta, MemberCounts } from './member-counts';

/** The events of a stream before a revision, in order: what the projector folds on a cache miss. */
export type StreamHistory = (stream: string, beforeRevision: number) => RecordedEvent[];

interface StreamEntry {
  revision: number;
  state: AnyState;
  facts: Map<string, Fact>;
  /** When `facts` were written, and the facts before that moment: a later append of the same moment rewrites from them. */
  moment?: string;
  before?: Map<string, Fact>;
  /** The kind its facts were drawn by, when not its stream's own (an erased person's). */
  kind?: StreamKind;
}

/**
 * Streams whose folded state stays in memory (between half of it and all of it). A miss costs one
 * indexed read of the stream; people's streams are short and rarely written twice in a row.
 */
const STREAMS_KEPT = 50_000;

const envelope = (e: RecordedEvent): Envelope<{ type: string }> => ({
  eventId: e.id,
  event: { type: e.type, data: e.data } as { type: string },
});

const sameMoment = (a: RecordedEvent, b: RecordedEvent): boolean =>
  a.stream === b.stream && a.recordedAt === b.recordedAt && b.revision === a.revision + 1;

function factMap(kind: StreamKind, state: AnyState): Map<string, Fact> {
  return new Map(kind.facts(state).map((f) => [`${f.table}\u0000${f.key}`, f]));
}

/**
 * Feeds the read models from the log: each event folds its stream with the domain's own
 * evolve, and the difference between the facts before and after is written as closed and new
 * versions. The rows and the checkpoint go into the caller's transaction; what the projector
 * keeps in memory (folded streams, member counts) waits for `committed`.
 */
export class RegistryProjector {
  readonly counts = new MemberCounts();
  private readonly writer: FactWriter;
  private inserter: RowInserter | undefined;
  private readonly cache = new GenerationalCache<string, StreamEntry>(STREAMS_KEPT);
  private readonly pending = new Map<string, StreamEntry>();
  private pendingDeltas: MemberDelta[] = [];
  private pendingPosition: string | null = null;
  private pendingRecordedAt: string | null = null;
  private pendingCount = 0;
  private lastRecordedAt: string | null = null;
  private position: string | null;
  private applied: number;
  private commits = 0;
  private committedDeltas: MemberDelta[] | undefined;

  constructor(
    private readonly db: Database,
    private readonly history: StreamHistory,
    position: string | null,
    applied = 0,
  ) {
    this.writer = new FactWriter(db);
    this.position = position;
    this.applied = applied;
  }

  /** Events of the log the committed read models cover. */
  get eventsApplied(): number {
    return this.applied;
  }

  /** Changes at every commit: what a reader cached from the read models before is stale. */
  get generation(): number {
    return this.commits;
  }

  /** The position of the last event applied and committed. */
  get checkpoint(): string | null {
    return this.position;
  }

  /**
   * When the last event applied and committed was recorded: nothing the read models hold was
   * recorded later, so a read "as known now" is the read as known at this moment. Null until an
   * event is applied or the moment is told (`recordedUpTo`).
   */
  get recordedAt(): string | null {
    return this.lastRecordedAt;
  }

  /** The moment the read models are known to hold everything up to (the log's last recorded-at, at open). */
  recordedUpTo(moment: string | null): void {
    if (moment !== null && (this.lastRecordedAt === null || moment > this.lastRecordedAt)) this.lastRecordedAt = moment;
  }

  /** Inside the caller's transaction. A throw leaves nothing of this call in memory. */
  apply(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    this.applyEvents(events);
    this.writer.checkpoint(events[events.length - 1]!.position, events.length);
    this.pendingCount += events.length;
    this.pendingPosition = events[events.length - 1]!.position;
    this.pendingRecordedAt = events[events.length - 1]!.recordedAt;
  }

  /**
   * Rows folded elsewhere from whole streams (`foldWholeStreams`), inserted in the caller's
   * transaction without moving the checkpoint: a rebuild that reads the log stream by stream, and
   * ends with `skipTo` the head it read up to. Their member deltas come apart, summed
   * (`countRebuilt`), from wherever they were folded.
   */
  applyRows(rows: FactRows): void {
    this.inserter ??= new RowInserter(this.db);
    this.inserter.insert(rows);
  }

  /** The member deltas of rows a rebuild inserted, summed per organisation and day: counted from the commit on. */
  countRebuilt(tally: MemberDelta[]): void {
    for (const d of tally) this.pendingDeltas.push(d);
  }

  private applyEvents(events: RecordedEvent[]): void {
    const local = new Map<string, StreamEntry>();
    const deltas: MemberDelta[] = [];
    // Events of one stream recorded at one moment (an append) are folded together: the states
    // between them were never visible at any moment, so they are not written.
    for (let i = 0; i < events.length;) {
      let j = i + 1;
      while (j < events.length && sameMoment(events[j - 1]!, events[j]!)) j += 1;
      this.applyGroup(events.slice(i, j), local, deltas);
      i = j;
    }
    for (const [stream, entry] of local) this.pending.set(stream, entry);
    for (const d of deltas) this.pendingDeltas.push(d);
  }

  /**
   * Moves the checkpoint over events the read models do not use (keys, idempotency records, IIN
   * reservations) that a replay did not even read: `count` of them, up to `position`.
   */
  skipTo(position: string, count: number): void {
    this.writer.checkpoint(position, count);
    this.pendingPosition = position;
    this.pendingCount += count;
  }

  /** Runs `transaction` (which applies events and commits), then keeps or drops what it left in memory. */
  commitIn(transaction: () => void): void {
    try {
      transaction();
    } catch (error) {
      this.rolledBack();
      throw error;
    }
    this.committed();
  }

  committed(): void {
    // `before` stays: two transactions within one millisecond are recorded at the same moment.
    for (const [stream, entry] of this.pending) this.cache.set(stream, entry);
    if (this.committedDeltas) for (const d of this.pendingDeltas) this.committedDeltas.push(d);
    else for (const d of this.pendingDeltas) this.counts.add(d);
    if (this.pendingPosition !== null) this.position = this.pendingPosition;
    this.recordedUpTo(this.pendingRecordedAt);
    this.applied += this.pendingCount;
    this.commits += 1;
    this.rolledBack();
  }

  rolledBack(): void {
    this.pending.clear();
    this.pendingDeltas = [];
    this.pendingPosition = null;
    this.pendingRecordedAt = null;
    this.pendingCount = 0;
  }

  /**
   * From now on keeps the member deltas of each commit until `takeCommittedDeltas`, instead of
   * counting them here: for a reader in another thread, whose member counts follow the commits
   * (this projector's counts then stop following them).
   */
  reportDeltas(): void {
    this.committedDeltas ??= [];
  }

  /** The member deltas committed since the last call (with `reportDeltas`). */
  takeCommittedDeltas(): MemberDelta[] {
    const deltas = this.committedDeltas ?? [];
    if (this.committedDeltas) this.committedDeltas = [];
    return deltas;
  }

  /** Whether applying the event needs its stream's earlier events, which are not in memory. */
  needsHistory(event: RecordedEvent): boolean {
    if (!streamKindOf(event.stream) || event.revision === 0) return false;
    if (event.type === 'PersonalDataErased') return true; // the person's whole stream is folded again
    const entry = this.pending.get(event.stream) ?? this.cache.peek(event.stream);
    return !entry || entry.revision !== event.revision - 1;
  }

  /** Consecutive events of one stream, recorded at one moment. */
  private applyGroup(group: RecordedEvent[], local: Map<string, StreamEntry>, deltas: MemberDelta[]): void {
    const first = group[0]!;
    const kind = streamKindOf(first.stream);
    if (!kind) return;
    let entry = local.get(first.stream) ?? this.pending.get(first.stream) ?? this.cache.get(first.stream);
    const known = entry?.revision ?? -1;
    const fresh = group.filter((e) => e.revision > known); // delivered again: already applied
    if (fresh.length === 0) return;
    if (fresh.some((e) => e.type === 'PersonalDataErased')) {
      local.set(first.stream, this.erase(kind, fresh));
      return;
    }
    if (!entry || entry.revision !== fresh[0]!.revision - 1) entry = this.load(kind, fresh[0]!);
    const next = foldGroup(entry.kind ?? kind, entry, fresh, this.writer, deltas);
    local.set(first.stream, entry.kind ? { ...next, kind: entry.kind } : next);
  }

  /** A stream not in memory: folded from its earlier events, whose facts are the open rows. */
  private load(streamKind: StreamKind, event: RecordedEvent): StreamEntry {
    const earlier = this.history(event.stream, event.revision);
    const kind = kindOfEvents(streamKind, earlier);
    const state = foldStream(kind.evolver, earlier.map(envelope));
    return { revision: event.revision - 1, state, facts: factMap(kind, state), kind };
  }

  /**
   * An erasure rewrites the person's past: every row of theirs goes, and the whole stream is
   * folded again as erased, into the rows a rebuild of the log writes for it. Member counts stay:
   * the placements and their periods are the same, only their card numbers are gone.
   */
  private erase(streamKind: StreamKind, fresh: RecordedEvent[]): StreamEntry {
    const events = [...this.history(fresh[0]!.stream, fresh[0]!.revision), ...fresh];
    const kind = kindOfEvents(streamKind, events);
    const rows = new BufferedFactWriter();
    const entry = foldWhole(kind, events, rows, []);
    const personId = (entry.state as { profile?: { personId: string } | null }).profile?.personId;
    if (personId !== undefined) this.writer.purge(PERSON_TABLES, personId);
    this.inserter ??= new RowInserter(this.db);
    this.inserter.insert(rows.take());
    return { ...entry, kind };
  }
}

/** The tables whose rows belong to a person (their first column is the person's id). */
const PERSON_TABLES = ['person', 'person_token', 'placement', 'suspension'] as const;

/** One stream's events, from its first, folded moment by moment (the events of one append together). */
function foldWhole(kind: StreamKind, events: RecordedEvent[], writer: FactSink, deltas: MemberDelta[]): StreamEntry {
  let entry = startOf(kind);
  for (let i = 0; i < events.length;) {
    let j = i + 1;
    while (j < events.length && sameMoment(events[j - 1]!, events[j]!)) j += 1;
    entry = foldGroup(kind, entry, events.slice(i, j), writer, deltas);
    i = j;
  }
  return entry;
}

/**
 * Folds one stream's events recorded at one moment onto its entry, and writes what changed
 * between the facts before and after. `entry.revision` is the revision before the first event.
 */
function foldGroup(
  kind: StreamKind,
  entry: StreamEntry,
  events: RecordedEvent[],
  writer: FactSink,
  deltas: MemberDelta[],
): StreamEntry {
  const first = events[0]!;
  const state = extendStream(kind.evolver, entry.state, events.map(envelope));
  const facts = factMap(kind, state);
  const moment = first.recordedAt;
  // Another append of this stream was committed at this same moment: only the state at the end
  // of a moment is ever visible, so that append's versions are undone and written again from before it.
  let before = entry.facts;
  if (entry.moment === moment && entry.before) {
    for (const d of writer.undo(entry.before, entry.facts, moment)) deltas.push(d);
    before = entry.before;
  }
  for (const d of writer.diff(before, facts, moment)) deltas.push(d);
  if (kind.name === 'organisation') {
    for (const event of events) {
      writer.history(event, effectiveDateOf(event));
      if (event.type === 'EventRetracted') {
        const { eventId, reason } = event.data as { eventId: string; reason: string };
        writer.retraction(eventId, reason, event.recordedAt);
      }
    }
  }
  return { revision: events[events.length - 1]!.revision, state, facts, moment, before };
}

/** The events of the stream that starts at `i`, as a stream read whole gives them one after another. */
function streamFrom(events: RecordedEvent[], i: number): RecordedEvent[] {
  let end = i + 1;
  while (end < events.length && events[end]!.stream === events[i]!.stream) end += 1;
  return events.slice(i, end);
}

/** A stream before its first event. */
const startOf = (kind: StreamKind): StreamEntry => {
  const state = foldStream(kind.evolver, []);
  return { revision: -1, state, facts: factMap(kind, state) };
};

/**
 * Folds whole streams, each from its first event to its last and one after another (as the log
 * read stream by stream gives them), into their complete rows: what a rebuild of empty read
 * models writes. Their member deltas go to `counts`. Streams the read models ignore are passed over.
 */
export function foldWholeStreams(
  events: RecordedEvent[],
  counts: MemberCounts,
  writer = new BufferedFactWriter(),
): FactRows {
  const deltas: MemberDelta[] = [];
  let stream: string | undefined;
  let entry: StreamEntry | undefined;
  let kind: StreamKind | undefined;
  for (let i = 0; i < events.length;) {
    const first = events[i]!;
    let j = i + 1;
    while (j < events.length && sameMoment(events[j - 1]!, events[j]!)) j += 1;
    if (first.stream !== stream) {
      stream = first.stream;
      const own = streamKindOf(first.stream);
      kind = own && kindOfEvents(own, streamFrom(events, i));
      if (kind) {
        entry = startOf(kind);
        writer.nextStream();
      }
    }
    if (kind) {
      if (first.revision !== entry!.revision + 1) {
        throw new Error(
          `${first.stream}: revision ${first.revision} follows ${entry!.revision}; streams must come whole`,
        );
      }
      entry = foldGroup(kind, entry!, events.slice(i, j), writer, deltas);
      for (const d of deltas) counts.add(d);
      deltas.length = 0;
    }
    i = j;
  }
  return writer.take();
}
