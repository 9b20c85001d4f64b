import type { JsonObject, RecordedEvent } from '../event-store.port';
import { recordedEvent, type SerializedEvent } from '../sqlite/sqlite-event-queries';
import { EventSealer } from './event-sealer';
import { PersonKeyStore } from './person-key-store';
import { masterKeyBytes, type SealingConfig } from './sealing-config';

/** An append as the sealing sees it (the writer's `AppendRequest`, or the events a KurrentDB append sends). */
interface Append {
  stream: string;
  events: ReadonlyArray<{ type: string }>;
}

/**
 * Sealing as one thread of the embedded store does it: its own connection to the key store,
 * the sealer over it. The writer thread seals what it inserts; every thread that reads the
 * log through a connection attached to it (`attachSealing`) reads the events unsealed.
 */
export class StoreSealing {
  readonly sealer: EventSealer;

  private constructor(
    readonly config: SealingConfig,
    readonly keys: PersonKeyStore,
  ) {
    this.sealer = new EventSealer(config, keys);
  }

  static open(config: SealingConfig): StoreSealing {
    return new StoreSealing(config, PersonKeyStore.open(config.keysFile, masterKeyBytes(config.masterKey)));
  }

  /** Before a batch's transaction: the keys of the people it seals for the first time, committed first. */
  prepare(batch: Append[]): void {
    const people: string[] = [];
    for (const { stream, events } of batch) {
      for (const e of events) {
        const person = this.sealer.personOf(stream, e.type);
        if (person !== undefined) {
          people.push(person);
          break;
        }
      }
    }
    this.keys.ensure(people);
  }

  /** The events as they are stored. */
  sealEvents(stream: string, events: SerializedEvent[]): SerializedEvent[] {
    return events.map((e) => {
      if (this.sealer.personOf(stream, e.type) === undefined) return e;
      const written = JSON.parse(e.json.data) as JsonObject;
      const data = this.sealer.seal(stream, e.id, e.type, written);
      // Nothing to seal (an admission without a card number): the JSON sent is the JSON stored.
      return data === written ? e : { ...e, json: { data: JSON.stringify(data), metadata: e.json.metadata } };
    });
  }

  /**
   * The stored events as written: what the inline projection is given. An event stored without an
   * envelope is given as stored (nothing sealed, or a destroyed key's replacement values).
   */
  plainOf(stored: RecordedEvent[], written: SerializedEvent[]): RecordedEvent[] {
    return stored.map((s, i) =>
      this.sealer.personOf(s.stream, s.type) === undefined || !('sealed' in s.data)
        ? s
        : recordedEvent(written[i]!, s.stream, s.revision, Number(s.position), s.recordedAt),
    );
  }

  /** An event just read from the file (the reader's own object), its sealed fields opened in place. */
  open<E extends RecordedEvent>(event: E): E {
    if (this.sealer.personOf(event.stream, event.type) === undefined) return event;
    const data = this.sealer.unseal(event.stream, event.id, event.type, event.data);
    return data === event.data ? event : Object.assign(event, { data });
  }

  close(): void {
    this.keys.close();
  }
}
