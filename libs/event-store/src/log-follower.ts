import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from './event-store.port';
import { readSince, type LogReader } from './read-since';

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
  reader: LogReader,
  signal: CommitSignal,
  options: SubscribeOptions,
  handler: SubscriptionHandler,
): Subscription {
  let closed = false;
  let after = options.after;
  let caughtUp = false;
  const deliver = async (event: RecordedEvent): Promise<void> => {
    if (!closed) await handler.onEvent(event);
  };

  const run = async (): Promise<void> => {
    while (!closed) {
      const seen = signal.current;
      after = await readSince(reader, after, options.filter, deliver, BATCH);
      if (!caughtUp && !closed) {
        caughtUp = true;
        handler.onCaughtUp?.();
      }
      await signal.waitAfter(seen);
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
