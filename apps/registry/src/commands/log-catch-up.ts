import { readSince, type AllFilter, type EventStore, type RecordedEvent } from '@baytaq/event-store';

/**
 * An in-memory index that follows the global log: `run()` applies what was recorded since the
 * last run. One run at a time; a caller arriving meanwhile waits for it and then runs its own,
 * so that it sees every write acknowledged before it called.
 */
export class LogCatchUp {
  private after: string | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly filter: AllFilter,
    private readonly apply: (event: RecordedEvent) => void,
  ) {}

  async run(): Promise<void> {
    while (this.running) await this.running;
    this.running = readSince(this.store, this.after, this.filter, this.apply)
      .then((position) => void (this.after = position))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
