import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';

/** A process that follows the log and appends consequences of the events it is triggered by. */
export interface FollowingProcess {
  readonly name: string;
  /** The event types whose writes wait for the process (a subset of what it follows). */
  readonly awaited: ReadonlySet<string>;
  /**
   * Resolves once every trigger up to `position` has been handled, with the position of the last
   * consequence appended by then (or `position`, when there was none).
   */
  completeAfter(position: string): Promise<string>;
}

/**
 * Where a write's consequences are complete: a write whose events trigger a process waits for it,
 * so that its answer's `position` covers what the process appended (a read's `minPosition` then
 * sees the consequences too). The processes register here; the write path knows no process.
 */
@Injectable()
export class ProcessProgress {
  private readonly processes: FollowingProcess[] = [];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  register(process: FollowingProcess): void {
    this.processes.push(process);
  }

  async completeAfter(position: string, eventTypes: readonly string[]): Promise<string> {
    let complete = position;
    for (const process of this.processes) {
      if (!eventTypes.some((type) => process.awaited.has(type))) continue;
      const reached = await process.completeAfter(position);
      if (this.store.comparePositions(reached, complete) > 0) complete = reached;
    }
    return complete;
  }
}
