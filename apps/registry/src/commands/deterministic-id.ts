import { createHash, randomUUID } from 'node:crypto';

/** RFC 9562 name-based UUID (version 5, SHA-1) in the registry's own namespace. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update('baytaq-registry/v1\u0000').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Event ids for one write. With an idempotency key they are derived from it, so that a retry
 * (even one racing the original) produces the same ids and the store keeps the events once.
 */
export function eventIdSource(idempotencyScope: string | undefined): (stream: string, index: number) => string {
  if (!idempotencyScope) return () => randomUUID();
  return (stream, index) => nameBasedUuid(`${idempotencyScope}\u0000${stream}\u0000${index}`);
}
