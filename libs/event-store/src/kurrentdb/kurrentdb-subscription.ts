import type { AllStreamResolvedEvent, AllStreamSubscription, Position } from '@kurrent/kurrentdb-client';
import type { EventSealer } from '../sealing/event-sealer';
import { StoreUnavailableError } from '../errors';
import type { Subscription, SubscriptionHandler } from '../event-store.port';
import { compareRawPositions, toRecordedEvent, toStoreError, type FilterPlan } from './kurrentdb-mapping';

const CAUGHT_UP = Symbol('caught-up');
type Item = AllStreamResolvedEvent | typeof CAUGHT_UP;

// Bounds what a slow handler makes us buffer: past HIGH the client stream is paused (gRPC flow
// control then holds the server back), below LOW it flows again.
const HIGH = 256;
const LOW = 64;

/**
 * Adapts a client $all subscription to the port: one handler call at a time, in log order, and
 * onCaughtUp exactly once, after every event that preceded the server's CaughtUp message.
 *
 * The client emits `caughtUp` as a side event, ahead of events still buffered in the readable.
 * At that moment the events pushed before it are those already emitted as 'data' plus
 * `readableLength` (a chunk leaves the buffer and is emitted in one synchronous step), so the
 * marker is queued right after that many events.
 */
export class KurrentDbSubscription implements Subscription {
  private readonly queue: Item[] = [];
  private received = 0;
  private markerAfter: number | undefined;
  private markerQueued = false;
  private closed = false;
  private draining: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly after: Position | undefined,
    private readonly plan: FilterPlan,
    private readonly handler: SubscriptionHandler,
    private readonly sealer?: EventSealer,
  ) {
    source.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
    source.on('caughtUp', () => this.onCaughtUp());
    source.on('error', (error: Error) => this.fail(error));
    source.on('end', () => this.fail(new StoreUnavailableError('the KurrentDB subscription ended')));
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      await this.source.unsubscribe().catch(() => undefined);
      this.source.destroy();
    }
    await this.draining;
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    this.received += 1;
    this.enqueue(resolved);
    if (this.markerAfter === this.received) this.enqueue(CAUGHT_UP);
    if (this.queue.length >= HIGH) this.source.pause();
  }

  private onCaughtUp(): void {
    // The server says CaughtUp again after falling behind; the port promises one signal.
    if (this.markerAfter !== undefined) return;
    this.markerAfter = this.received + this.source.readableLength;
    if (this.markerAfter === this.received) this.enqueue(CAUGHT_UP);
  }

  private enqueue(item: Item): void {
    if (this.closed || (item === CAUGHT_UP && this.markerQueued)) return;
    if (item === CAUGHT_UP) this.markerQueued = true;
    this.queue.push(item);
    if (!this.busy) this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const item = this.queue.shift()!;
        if (this.queue.length <= LOW && this.source.isPaused()) this.source.resume();
        if (item === CAUGHT_UP) this.handler.onCaughtUp?.();
        else if (this.wanted(item)) await this.handler.onEvent(toRecordedEvent(item.event!, this.sealer));
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private wanted(resolved: AllStreamResolvedEvent): boolean {
    const event = resolved.event;
    if (!event || !this.plan.keep(event)) return false;
    // The server starts after `after`; checking again costs nothing and keeps "exclusive" true
    // whatever a server version does at the boundary.
    return this.after === undefined || compareRawPositions(event.position, this.after) > 0;
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    void this.source.unsubscribe().catch(() => undefined);
    this.handler.onError?.(toStoreError(error));
  }
}
