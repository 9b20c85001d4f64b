import { type Hash, nodeHash } from './hashes';

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const powerOfTwo = (n: number) => Number.isInteger(Math.log2(n));

/** RFC 9162 §2.1.3.2: the root that an audit path and its leaf give, or undefined when the path cannot be one. */
export function rootFromInclusion(index: number, size: number, leaf: Hash, path: Hash[]): Hash | undefined {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else r = nodeHash(r, p);
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

/** RFC 9162 §2.1.3.2: the audit path proves that `leaf` is leaf `index` of the tree of `size` with `root`. */
export function verifyInclusion(index: number, size: number, leaf: Hash, path: Hash[], root: Hash): boolean {
  const computed = rootFromInclusion(index, size, leaf, path);
  return computed !== undefined && computed.equals(root);
}

/** RFC 9162 §2.1.4.2: the proof shows the tree of `from` leaves (`fromRoot`) is a prefix of that of `to`. */
export function verifyConsistency(from: number, to: number, fromRoot: Hash, toRoot: Hash, proof: Hash[]): boolean {
  if (from > to) return false;
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  // Every tree extends the empty one, and nothing proves it.
  if (from === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = powerOfTwo(from) ? [fromRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else sr = nodeHash(sr, c);
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(fromRoot) && sr.equals(toRoot) && sn === 0;
}
