import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { STREAM_PREFIX } from '@baytaq/domain';
import { PERSON_KEYS, type PersonKeys } from '../personal-data/person-keys';

/**
 * Finishes erasures a crash interrupted: every `PersonalDataErased` in the log whose person's key
 * is still there has it destroyed, before the service answers anyone.
 */
@Injectable()
export class ErasureCompletion implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSON_KEYS) private readonly keys: PersonKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.complete();
  }

  /** The people whose keys it destroyed. */
  async complete(): Promise<string[]> {
    const erasures = await this.store.readAll({
      filter: { eventTypes: ['PersonalDataErased'], streamPrefixes: [STREAM_PREFIX.person] },
    });
    const finished: string[] = [];
    for (const event of erasures) {
      const personId = event.stream.slice(STREAM_PREFIX.person.length);
      if (this.keys.destroyed(personId)) continue;
      await this.keys.destroy(personId);
      finished.push(personId);
    }
    return finished;
  }
}
