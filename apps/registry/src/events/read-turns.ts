/**
 * How long one turn of the event loop may spend reading pages for the feed's streams before it
 * lets the loop take the other requests. A page of 500 events takes a few milliseconds.
 */
const DEFAULT_BUDGET_MS = 5;

/**
 * The feed's streams take turns at reading the log, one page each, first come first served: a
 * stream that wants another page queues behind the others. Pages are read in a `setImmediate`
 * callback for at most `budgetMs`, and then the event loop polls its sockets before the next
 * round, so 500 streams replaying the whole log at once cannot hold back a request that arrives
 * meanwhile by more than a round (without this, each stream read page after page in one go,
 * since a socket that accepts the bytes at once never makes a stream wait).
 */
export class ReadTurns {
  private readonly queue: Array<() => Promise<void>> = [];
  private scheduled = false;

  constructor(private readonly budgetMs = DEFAULT_BUDGET_MS) {}

  /** How many streams wait for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `read` in its turn, alone: no other turn starts before it has settled. */
  take<T>(read: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(async () => {
        try {
          resolve(await read());
        } catch (error) {
          reject(error as Error);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.round());
  }

  private async round(): Promise<void> {
    const until = performance.now() + this.budgetMs;
    while (this.queue.length > 0 && performance.now() < until) await this.queue.shift()!();
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
  }
}
