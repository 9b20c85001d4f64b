import canonicalize from 'canonicalize';
import { createPublicKey, verify } from 'node:crypto';
import {
  referenceLeaf,
  referenceRoot,
  referenceVerifyConsistency,
  referenceVerifyInclusion,
} from '../../libs/integrity/src/testing/rfc6962-reference';

// The endpoints are checked by RFC 6962's definitions written again from the RFC's text
// (libs/integrity/src/testing/rfc6962-reference.ts), not by the code that made their answers.

export const leafHash = (record: Record<string, unknown>): Buffer => {
  const { eventId, stream, revision, type, data, metadata, recordedAt } = record;
  const json = canonicalize({ eventId, stream, revision, type, data, metadata, recordedAt })!;
  return referenceLeaf(Buffer.from(json, 'utf8'));
};

/** MTH over leaf hashes, and RFC 9162's verification algorithms: the library's test reference. */
export const merkleRoot = referenceRoot;
export const inclusionVerifies = referenceVerifyInclusion;

/** RFC 9162 §2.1.4.2, with the two cases an endpoint also answers: equal sizes, and from the empty tree. */
export function consistencyVerifies(from: number, to: number, fromRoot: Buffer, toRoot: Buffer, proof: Buffer[]) {
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  if (from === 0) return proof.length === 0;
  return referenceVerifyConsistency(from, to, fromRoot, toRoot, proof);
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
