import type { EventStore, Subscription } from '@baytaq/event-store';

/**
 * Tells the feed's streams that the log has grown past where they are: one store subscription,
 * from the head on, for all of them, whatever they filter (a stream reads what is new itself, in
 * its turn). Started with the first stream; after a failure the next wait subscribes again.
 */
export class LogGrowth {
  private head: string | undefined;
  private started: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private failure: Error | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly store: EventStore) {}

  /**
   * Resolves once the log holds an event after `position` (undefined: any event), or when
   * `signal` aborts; rejects when the subscription fails, so that the stream ends.
   */
  async after(position: string | undefined, signal: AbortSignal): Promise<void> {
    await this.start();
    while (!signal.aborted && !this.beyond(position)) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        this.waiters.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.wakeAll();
    await subscription?.close();
  }

  private beyond(position: string | undefined): boolean {
    if (this.head === undefined) return false;
    return position === undefined || this.store.comparePositions(this.head, position) > 0;
  }

  private start(): Promise<void> {
    this.started ??= this.subscribe().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  private async subscribe(): Promise<void> {
    this.failure = undefined;
    this.head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll(
      { after: this.head },
      {
        onEvent: (event) => {
          this.head = event.position;
          this.wakeAll();
        },
        onError: (error) => {
          this.failure = error;
          this.started = undefined;
          this.subscription = undefined;
          this.wakeAll();
        },
      },
    );
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
