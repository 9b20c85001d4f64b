import type { Database } from 'better-sqlite3';
import { extendStream, foldStream } from '@baytaq/domain';
import { GenerationalCache, type RecordedEvent } from '@baytaq/event-store';
import { FactWriter } from './fact-writer';
import { type Fact } from './facts/fact-tables';
import { effectiveDateOf } from './facts/organisation-facts';
import { type AnyState, type Envelope, type StreamKind, streamKindOf } from './facts/stream-kinds';
import { type MemberDelta, MemberCounts } from './member-counts';

/** The events of a stream before a revision, in order: what the projector folds on a cache miss. */
export type StreamHistory = (stream: string, beforeRevision: number) => RecordedEvent[];

interface StreamEntry {
  revision: number;
  state: AnyState;
  facts: Map<string, Fact>;
}

/** Streams whose folded state stays in memory (between half of it and all of it). */
const STREAMS_KEPT = 100_000;

const envelope = (e: RecordedEvent): Envelope<{ type: string }> => ({
  eventId: e.id,
  event: { type: e.type, data: e.data } as { type: string },
});

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
  private readonly cache = new GenerationalCache<string, StreamEntry>(STREAMS_KEPT);
  private readonly pending = new Map<string, StreamEntry>();
  private pendingDeltas: MemberDelta[] = [];
  private pendingPosition: string | null = null;
  private position: string | null;

  constructor(
    db: Database,
    private readonly history: StreamHistory,
    position: string | null,
  ) {
    this.writer = new FactWriter(db);
    this.position = position;
  }

  /** The position of the last event applied and committed. */
  get checkpoint(): string | null {
    return this.position;
  }

  /** Inside the caller's transaction. A throw leaves nothing of this call in memory. */
  apply(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    const local = new Map<string, StreamEntry>();
    const deltas: MemberDelta[] = [];
    for (const event of events) this.applyOne(event, local, deltas);
    this.writer.checkpoint(events[events.length - 1]!.position, events.length);
    for (const [stream, entry] of local) this.pending.set(stream, entry);
    for (const d of deltas) this.pendingDeltas.push(d);
    this.pendingPosition = events[events.length - 1]!.position;
  }

  committed(): void {
    for (const [stream, entry] of this.pending) this.cache.set(stream, entry);
    for (const d of this.pendingDeltas) this.counts.add(d);
    if (this.pendingPosition !== null) this.position = this.pendingPosition;
    this.rolledBack();
  }

  rolledBack(): void {
    this.pending.clear();
    this.pendingDeltas = [];
    this.pendingPosition = null;
  }

  /** Whether applying the event needs its stream's earlier events, which are not in memory. */
  needsHistory(event: RecordedEvent): boolean {
    if (!streamKindOf(event.stream) || event.revision === 0) return false;
    const entry = this.pending.get(event.stream) ?? this.cache.peek(event.stream);
    return !entry || entry.revision !== event.revision - 1;
  }

  private applyOne(event: RecordedEvent, local: Map<string, StreamEntry>, deltas: MemberDelta[]): void {
    const kind = streamKindOf(event.stream);
    if (!kind) return;
    let entry = local.get(event.stream) ?? this.pending.get(event.stream) ?? this.cache.get(event.stream);
    if (entry && entry.revision >= event.revision) return; // delivered again: already applied
    if (!entry || entry.revision !== event.revision - 1) entry = this.load(kind, event);
    const state = extendStream(kind.evolver, entry.state, [envelope(event)]);
    const facts = factMap(kind, state);
    for (const d of this.writer.diff(entry.facts, facts, event.recordedAt)) deltas.push(d);
    this.writer.revision(event);
    if (kind.name === 'organisation') {
      this.writer.history(event, effectiveDateOf(event));
      if (event.type === 'EventRetracted') {
        const { eventId, reason } = event.data as { eventId: string; reason: string };
        this.writer.retraction(eventId, reason, event.recordedAt);
      }
    }
    local.set(event.stream, { revision: event.revision, state, facts });
  }

  /** A stream not in memory: folded from its earlier events, whose facts are the open rows. */
  private load(kind: StreamKind, event: RecordedEvent): StreamEntry {
    const earlier = this.history(event.stream, event.revision);
    const state = foldStream(kind.evolver, earlier.map(envelope));
    return { revision: event.revision - 1, state, facts: factMap(kind, state) };
  }
}
