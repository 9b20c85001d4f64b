import { hash } from 'node:crypto';

/** A hash of the tree: 32 bytes of SHA-256. */
export type Hash = Buffer;

/** RFC 6962 §2.1: the hash of the empty tree is SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = hash('sha256', '', 'buffer');

/** RFC 6962 §2.1: MTH({d}) = SHA-256(0x00 || d). A string is hashed as its UTF-8 bytes. */
export function leafHashOf(bytes: Buffer | string): Hash {
  // One-shot hashing (no Hash object per leaf); U+0000 is the byte 0x00 in UTF-8.
  return typeof bytes === 'string'
    ? hash('sha256', `\u0000${bytes}`, 'buffer')
    : hash('sha256', Buffer.concat([LEAF_PREFIX, bytes]), 'buffer');
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
/** 0x01 || left || right, refilled for each inner node (hashing is synchronous, so one buffer serves all). */
const inner = Buffer.alloc(65, 0x01);

/** RFC 6962 §2.1: an inner node is SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  // Not 32 bytes (a malformed proof a verifier was given): hashed as given, so that it simply fails to verify.
  if (left.length !== 32 || right.length !== 32)
    return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
  left.copy(inner, 1);
  right.copy(inner, 33);
  return hash('sha256', inner, 'buffer');
}
