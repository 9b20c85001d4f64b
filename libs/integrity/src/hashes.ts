import { createHash } from 'node:crypto';

/** A hash of the tree: 32 bytes of SHA-256. */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 6962 §2.1: the hash of the empty tree is SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** RFC 6962 §2.1: MTH({d}) = SHA-256(0x00 || d). */
export function leafHashOf(bytes: Buffer | string): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

/** RFC 6962 §2.1: an inner node is SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
