import { Inject, Injectable } from '@nestjs/common';
import { RETRACTABLE_PREFIXES } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { LogCatchUp } from './log-catch-up';

/**
 * Which stream holds an event: a retraction is appended to its target's stream. Follows the
 * global log like the relations index, and catches up before every lookup.
 */
@Injectable()
export class EventLocator {
  private readonly streams = new Map<string, string>();
  private readonly catchUp: LogCatchUp;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.catchUp = new LogCatchUp(store, { streamPrefixes: [...RETRACTABLE_PREFIXES] }, (e) =>
      this.streams.set(e.id, e.stream),
    );
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    if (!this.streams.has(eventId)) await this.catchUp.run();
    return this.streams.get(eventId);
  }
}
