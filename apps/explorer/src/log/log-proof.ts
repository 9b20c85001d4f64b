// The library's canonical record itself (a module without Node imports), not a second rewrite of it.
import { canonicalRecord, type LogRecord } from '../../../../libs/integrity/src/canonical-record';

/**
 * The log's proofs checked where the reader is: RFC 6962 / RFC 9162 with WebCrypto, so that the page
 * trusts only the key it shows, not the server that answered. Written for the browser (no Node module).
 */

/** Bytes on an ArrayBuffer of their own, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

const subtle = () => globalThis.crypto.subtle;

async function sha256(...parts: Bytes[]): Promise<Bytes> {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

export const leafHash = (bytes: Bytes) => sha256(LEAF, bytes);
export const nodeHash = (left: Bytes, right: Bytes) => sha256(NODE, left, right);

export type { LogRecord };

/** SHA-256(0x00 || RFC 8785 canonical JSON of the record's own fields): the registry's own bytes. */
export function recordLeafHash(record: LogRecord): Promise<Bytes> {
  return leafHash(new TextEncoder().encode(canonicalRecord(record)));
}

/** RFC 9162 §2.1.3.2: the root an audit path gives its leaf, or null when the path cannot be one. */
export async function rootFromInclusion(
  index: number,
  size: number,
  leaf: Bytes,
  path: Bytes[],
): Promise<Bytes | null> {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>>= 1;
        sn >>>= 1;
      }
    } else r = await nodeHash(r, p);
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 ? r : null;
}

export function fromBase64(text: string): Bytes {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function toHex(bytes: Bytes): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const sameBytes = (a: Bytes, b: Bytes) => a.length === b.length && a.every((x, i) => x === b[i]);
