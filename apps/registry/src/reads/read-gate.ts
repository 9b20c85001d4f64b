import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { type AsOf } from '@baytaq/read-models';
import { RegistryClock } from '../clock/registry-clock';
import { ProblemError } from '../http/problem';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { type Query, QueryReader, readAsOf } from './read-params';

const WAIT_MS = 5_000;
const POLL_MS = 10;

/**
 * The entry of every read: parses `asOf`/`knownAt`, and when the client passes the position of
 * its write (`minPosition`), waits until the read models have reached it (at most 5 s).
 */
@Injectable()
export class ReadGate {
  /** Before anything this process could record: the moment a read answers for when nothing is known yet. */
  private readonly openedBefore = new Date(Date.now() - 1).toISOString();
  /** The moment the last read without `knownAt` answered for, and the log position the read models were at. */
  private lastMoment: { knownAt: string; position: string | undefined } | undefined;

  constructor(
    @Inject(READ_MODELS) readonly models: ReadModelsHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RegistryClock) private readonly clock: RegistryClock,
  ) {}

  get reads(): ReadModelsHandle['reads'] {
    return this.models.reads;
  }

  /** Parses the common parameters; `more` reads the endpoint's own ones into the same problem. */
  async open<T>(query: Query, more: (reader: QueryReader) => T = () => undefined as T): Promise<AsOf & { own: T }> {
    const reader = new QueryReader(query);
    const asOf = readAsOf(reader, this.clock.today());
    const minPosition = reader.text('minPosition');
    const own = more(reader);
    if (minPosition !== undefined) {
      try {
        this.store.comparePositions(minPosition, minPosition);
      } catch {
        reader.fail('minPosition', 'isPosition', 'minPosition must be a position a write returned');
      }
    }
    reader.done();
    if (minPosition !== undefined) await this.reachWritten(minPosition);
    return { asOf: asOf.asOf, knownAt: asOf.knownAt ?? (await this.now()), own };
  }

  /**
   * "Now" as a real moment: when the last event the read models hold was recorded. An answer as
   * known now is the answer as known then, and stays so: the store's clock may still give that
   * millisecond to a commit to come, so the read waits until it has passed.
   */
  private async now(): Promise<string> {
    const moment = this.models.recordedAt() ?? this.openedBefore;
    const position = this.models.position();
    // At most a second: a moment further ahead means the wall clock went back, which waiting will not mend.
    const wait = Math.min(Date.parse(moment) + 1 - Date.now(), 1000);
    if (wait > 0) await sleep(wait);
    this.lastMoment = { knownAt: moment, position };
    return moment;
  }

  /** The log position the read models were at when they answered for `knownAt` (or now, for an explicit one). */
  positionOf(knownAt: string): string | undefined {
    return this.lastMoment?.knownAt === knownAt ? this.lastMoment.position : this.models.position();
  }

  /** Whether an answer as known at `knownAt` is the answer as known now: nothing held was recorded later. */
  isNow(knownAt: string): boolean {
    return knownAt >= (this.models.recordedAt() ?? this.openedBefore);
  }

  /** A stream's current revision, from the store; null when it does not exist. */
  async streamRevision(stream: string): Promise<number | null> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? null;
  }

  /**
   * Waits (at most 5 s) until the read models hold everything the log held when called: for an
   * answer as known at a moment, which must not miss an event recorded by then.
   */
  async reachHead(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== undefined) await this.reach(head);
  }

  /**
   * A position beyond the log's head was never answered to a write (a store restored from an
   * older backup, a made-up value): waiting for it cannot succeed, so it is the request's fault.
   */
  private async reachWritten(position: string): Promise<void> {
    const head = await this.store.headPosition();
    if (head === undefined || this.store.comparePositions(position, head) > 0) {
      throw ProblemError.of(400, 'request.validation_failed', 'minPosition is beyond the end of the log', {
        errors: [
          { field: 'minPosition', code: 'isPosition', message: 'minPosition must be a position a write returned' },
        ],
      });
    }
    await this.reach(position);
  }

  private async reach(position: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const current = this.models.position();
      if (current !== undefined && this.store.comparePositions(current, position) >= 0) return;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new ProblemError(
      {
        ...ProblemError.of(503, 'read.position_not_reached', `The read models have not reached ${position} yet`)
          .problem,
        position: this.models.position() ?? null,
      },
      { 'Retry-After': '1' },
    );
  }
}
