import type {
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from './event-store.port';

/** Wakes the followers of a log when something was committed to it. */
export class CommitSignal {
  private version = 0;
  private waiters: Array<() => void> = [];

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next notify() after `seen`, or at once when one happened already. */
  waitAfter(seen: number): Promise<void> {
    if (this.version !== seen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Releases every waiter, e.g. on close. */
  release(): void {
    this.notify();
  }
}

const BATCH = 512;

/**
 * A catch-up-then-live subscription for stores that live in this process: reads the log in
 * batches from a position, tells the handler once when it has nothing left, then waits for the
 * next commit. Events are delivered one at a time, in log order, each exactly once.
 */
export function followLog(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  signal: CommitSignal,
  options: SubscribeOptions,
  handler: SubscriptionHandler,
): Subscription {
  let closed = false;
  let after = options.after;
  let caughtUp = false;

  const run = async (): Promise<void> => {
    while (!closed) {
      const seen = signal.current;
      const batch = await readAll({ after, maxCount: BATCH, filter: options.filter });
      for (const event of batch) {
        if (closed) return;
        await handler.onEvent(event);
        after = event.position;
      }
      if (batch.length < BATCH) {
        if (!caughtUp) {
          caughtUp = true;
          handler.onCaughtUp?.();
        }
        await signal.waitAfter(seen);
      }
    }
  };
  const done = run().catch((error: unknown) => {
    if (!closed) handler.onError?.(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async close() {
      closed = true;
      signal.release();
      await done;
    },
  };
}
