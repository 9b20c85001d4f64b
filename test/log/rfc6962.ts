import canonicalize from 'canonicalize';
import { createHash, createPublicKey, verify } from 'node:crypto';

// RFC 6962 §2.1 and RFC 9162 §2.1.3.2 / §2.1.4.2, written again here from the RFCs' text so that
// the endpoints are checked by something other than the code that made their answers.

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export const leafHash = (record: Record<string, unknown>): Buffer => {
  const { eventId, stream, revision, type, data, metadata, recordedAt } = record;
  const json = canonicalize({ eventId, stream, revision, type, data, metadata, recordedAt })!;
  return sha256(Buffer.of(0), Buffer.from(json, 'utf8'));
};

const node = (l: Buffer, r: Buffer) => sha256(Buffer.of(1), l, r);

/** MTH(D[n]): the largest power of two smaller than n splits the list. */
export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.2, step by step. */
export function inclusionVerifies(index: number, size: number, leaf: Buffer, path: Buffer[], root: Buffer): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2, step by step (from > 0, from < to). */
export function consistencyVerifies(from: number, to: number, fromRoot: Buffer, toRoot: Buffer, proof: Buffer[]) {
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  if (from === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (from & (from - 1)) === 0 ? [fromRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

/** The size and root a C2SP checkpoint note says, after its Ed25519 signature is checked with the verifier key. */
export function openCheckpoint(note: string, verifierKey: string): { origin: string; size: number; root: Buffer } {
  const [name = '', idHex = '', ...rest] = verifierKey.trim().split('+');
  const key = Buffer.from(rest.join('+'), 'base64');
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const line = note.slice(split + 2).trimEnd();
  const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
  if (!match || match[1] !== name) throw new Error(`no signature line of ${name}`);
  const sig = Buffer.from(match[2]!, 'base64');
  if (sig.subarray(0, 4).toString('hex') !== idHex) throw new Error('key id differs');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  if (!verify(null, Buffer.from(text), publicKey, sig.subarray(4))) {
    throw new Error('signature does not verify');
  }
  const [origin, size, root] = text.split('\n');
  return { origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') };
}
