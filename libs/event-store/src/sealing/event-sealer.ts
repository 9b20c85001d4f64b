import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { JsonObject } from '../event-store.port';
import type { PersonKey } from './person-key-store';
import type { SealingConfig } from './sealing-config';

/** Where the sealer finds a person's key: null once destroyed, undefined when there never was one. */
export interface PersonKeySource {
  key(personId: string): PersonKey | null | undefined;
}

/** The sealed fields of an event, as stored: AES-256-GCM, every part base64. */
export interface SealedEnvelope {
  v: 1;
  iv: string;
  ct: string;
  tag: string;
}

/** A sealed envelope that does not open: the data was altered, or sealed under another key. */
export class SealingError extends Error {
  override readonly name = 'SealingError';
}

/** What is encrypted: each sealed field with its place among the data's keys, so that a read restores the order. */
type SealedEntry = [field: string, index: number, value: unknown];

const isEnvelope = (value: unknown): value is SealedEnvelope =>
  typeof value === 'object' &&
  value !== null &&
  (value as SealedEnvelope).v === 1 &&
  typeof (value as SealedEnvelope).iv === 'string' &&
  typeof (value as SealedEnvelope).ct === 'string' &&
  typeof (value as SealedEnvelope).tag === 'string';

/**
 * Seals the personal fields of people's events into one `sealed` field under the person's key,
 * and opens them again. The IV is synthetic, the first 12 bytes of an HMAC of the event id and the
 * plaintext under a key derived from the data key: sealing the same event twice gives the same
 * bytes (a retry of a stored append, a migration run again), and no two events share an IV. The
 * event id is the additional data, so that an envelope moved to another event does not open.
 * Once a key is destroyed its events read with the sealed fields replaced (`erased`).
 */
export class EventSealer {
  constructor(
    private readonly config: Pick<SealingConfig, 'streamPrefix' | 'fields' | 'erased'>,
    private readonly keys: PersonKeySource,
  ) {}

  /** The person whose key seals the event, when the event has fields to seal. */
  personOf(stream: string, type: string): string | undefined {
    if (!this.config.fields[type] || !stream.startsWith(this.config.streamPrefix)) return undefined;
    return stream.slice(this.config.streamPrefix.length);
  }

  /** The data as stored. The person's key must exist already (or be destroyed: the fields are then replaced). */
  seal(stream: string, eventId: string, type: string, data: JsonObject): JsonObject {
    const person = this.personOf(stream, type);
    if (person === undefined) return data;
    const fields = this.config.fields[type]!;
    const entries: SealedEntry[] = [];
    const stored: JsonObject = {};
    Object.keys(data).forEach((name, index) => {
      if (!fields.includes(name)) stored[name] = data[name];
      else {
        if (entries.length === 0) stored['sealed'] = null; // its place among the keys
        entries.push([name, index, data[name]]);
      }
    });
    if (entries.length === 0) return data;
    const key = this.keys.key(person);
    if (key === null) return this.erase(type, data);
    if (key === undefined)
      throw new SealingError(`person ${person} has no key: it is created before their events are sealed`);
    const plaintext = Buffer.from(JSON.stringify(entries), 'utf8');
    const iv = createHmac('sha256', key.iv)
      .update(eventId)
      .update(Buffer.of(0))
      .update(plaintext)
      .digest()
      .subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', key.enc, iv).setAAD(Buffer.from(eventId, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const envelope: SealedEnvelope = {
      v: 1,
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
    stored['sealed'] = envelope;
    return stored;
  }

  /**
   * The data as written. An event stored before sealing (plaintext fields, no envelope) reads as
   * it is: the upcaster of a store not yet migrated.
   */
  unseal(stream: string, eventId: string, type: string, data: JsonObject): JsonObject {
    const person = this.personOf(stream, type);
    if (person === undefined) return data;
    const envelope = data['sealed'];
    if (!isEnvelope(envelope)) {
      const plain = this.config.fields[type]!.some((f) => f in data);
      return plain && this.keys.key(person) === null ? this.erase(type, data) : data;
    }
    const key = this.keys.key(person);
    if (key === null) return this.erase(type, data);
    if (key === undefined) throw new SealingError(`the key of person ${person} is missing from the key store`);
    let entries: SealedEntry[];
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.enc, Buffer.from(envelope.iv, 'base64'));
      decipher.setAAD(Buffer.from(eventId, 'utf8')).setAuthTag(Buffer.from(envelope.tag, 'base64'));
      const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ct, 'base64')), decipher.final()]);
      entries = JSON.parse(plaintext.toString('utf8')) as SealedEntry[];
    } catch (error) {
      throw new SealingError(`the sealed fields of event ${eventId} do not open: ${(error as Error).message}`);
    }
    const pairs = Object.entries(data).filter(([name]) => name !== 'sealed');
    for (const [name, index, value] of entries) pairs.splice(index, 0, [name, value]);
    return Object.fromEntries(pairs);
  }

  /** The sealed fields replaced by what an erased field reads as, in the envelope's place. */
  private erase(type: string, data: JsonObject): JsonObject {
    const fields = this.config.fields[type]!;
    const out: JsonObject = {};
    let replaced = false;
    for (const [name, value] of Object.entries(data)) {
      if (name !== 'sealed' && !fields.includes(name)) {
        out[name] = value;
        continue;
      }
      if (replaced) continue;
      replaced = true;
      for (const field of fields)
        if (field in this.config.erased) out[field] = structuredClone(this.config.erased[field]);
    }
    return out;
  }
}
