import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';

const RETRACTABLE = ['organisation-', 'person-', 'meeting-'];

/**
 * Which stream holds an event: a retraction is appended to its target's stream. Follows the
 * global log like the relations index, and catches up before every lookup.
 */
@Injectable()
export class EventLocator {
  private readonly streams = new Map<string, string>();
  private after: string | undefined;
  private catchingUp: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async streamOf(eventId: string): Promise<string | undefined> {
    if (!this.streams.has(eventId)) await this.catchUp();
    return this.streams.get(eventId);
  }

  private async catchUp(): Promise<void> {
    while (this.catchingUp) await this.catchingUp;
    this.catchingUp = (async () => {
      for (;;) {
        const batch = await this.store.readAll({
          after: this.after,
          maxCount: 1000,
          filter: { streamPrefixes: RETRACTABLE },
        });
        for (const e of batch) {
          this.streams.set(e.id, e.stream);
          this.after = e.position;
        }
        if (batch.length < 1000) return;
      }
    })().finally(() => (this.catchingUp = undefined));
    await this.catchingUp;
  }
}
