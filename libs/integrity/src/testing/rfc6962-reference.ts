import { createHash } from 'node:crypto';

/**
 * RFC 6962 §2.1 written as the RFC states it, over a list of leaf inputs, for tests: MTH, PATH and
 * PROOF by their recursive definitions, and RFC 9162's two verification algorithms. It shares no
 * code with the library, so that the library is checked against the text, not against itself.
 */
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);

export function referenceLeaf(input: Buffer): Buffer {
  return sha256(Buffer.from([0]), input);
}

export function referenceMth(d: Buffer[]): Buffer {
  return referenceRoot(d.map(referenceLeaf));
}

/** MTH over leaves already hashed. */
export function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const split = k(leaves.length);
  return sha256(Buffer.from([1]), referenceRoot(leaves.slice(0, split)), referenceRoot(leaves.slice(split)));
}

export function referencePath(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split
    ? [...referencePath(m, d.slice(0, split)), referenceMth(d.slice(split))]
    : [...referencePath(m - split, d.slice(split)), referenceMth(d.slice(0, split))];
}

function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [referenceMth(d)];
  const split = k(d.length);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), referenceMth(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), referenceMth(d.slice(0, split))];
}

export function referenceProof(m: number, d: Buffer[]): Buffer[] {
  return m === 0 ? [] : subproof(m, d, true);
}

const node = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r);

/** RFC 9162 §2.1.3.2, step by step. */
export function referenceVerifyInclusion(
  leafIndex: number,
  treeSize: number,
  hash: Buffer,
  path: Buffer[],
  root: Buffer,
): boolean {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = hash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) {
        do {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        } while (fn % 2 === 0 && fn !== 0);
      }
    } else {
      r = node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2, step by step (first < second). */
export function referenceVerifyConsistency(
  first: number,
  second: number,
  firstHash: Buffer,
  secondHash: Buffer,
  consistencyPath: Buffer[],
): boolean {
  if (consistencyPath.length === 0) return false;
  const path = Number.isInteger(Math.log2(first)) ? [firstHash, ...consistencyPath] : [...consistencyPath];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = node(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0;
}
