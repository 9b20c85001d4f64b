import { createHash, randomUUID } from 'node:crypto';

/** RFC 9562 name-based UUID (version 5, SHA-1) in the registry's own namespace. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update('baytaq-registry/v1\u0000').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The last id's millisecond and its counter within it (12 bits; a full counter borrows the next millisecond). */
let lastMs = 0;
let counter = 0;

/**
 * RFC 9562 version 7: milliseconds since 1970 first, then a counter within the millisecond, then
 * random bits. Ids made one after another sort together, so the indexes keyed by them grow at
 * their end instead of touching a random page per insert (each such page is written and fsynced
 * with its commit).
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs += 1; // same millisecond (or the clock went back) with the counter spent: keep the order
    counter = 0;
  }
  // The random half (variant bits included) from randomUUID, which draws from a pooled buffer: a
  // randomBytes call per id cost more than all the rest of it.
  const time = lastMs.toString(16).padStart(12, '0');
  const sequence = counter.toString(16).padStart(3, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence}${randomUUID().slice(18)}`;
}

/**
 * Event ids for one write. With an idempotency key they are derived from it, so that a retry
 * (even one racing the original) produces the same ids and the store keeps the events once.
 */
export function eventIdSource(idempotencyScope: string | undefined): (stream: string, index: number) => string {
  if (!idempotencyScope) return () => timeOrderedUuid();
  return (stream, index) => nameBasedUuid(`${idempotencyScope}\u0000${stream}\u0000${index}`);
}

/** A new resource's id: the client's, else derived from the idempotency key (so a retry names the same one), else fresh. */
export function newId(given: string | undefined, write: { idempotency?: { scope: string } }, what: string): string {
  if (given) return given;
  return write.idempotency ? nameBasedUuid(`${write.idempotency.scope}\u0000${what}`) : timeOrderedUuid();
}
