import type { Hash } from './hashes';
import { rangeRoot, splitPoint, type SubtreeSource } from './subtrees';

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
}

/** RFC 6962 §2.1.1: the audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(source: SubtreeSource, index: number, size: number): Hash[] {
  checkSize('index', index);
  checkSize('size', size);
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  const path: Hash[] = [];
  // PATH(m, D[start:end]), unrolled from the top; the RFC lists the path from the leaf up.
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      path.push(rangeRoot(source, start + k, end));
      end = start + k;
    } else {
      path.push(rangeRoot(source, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/** RFC 6962 §2.1.2: the proof that the tree of `from` leaves is a prefix of the tree of `to`. */
export function consistencyProof(source: SubtreeSource, from: number, to: number): Hash[] {
  checkSize('from', from);
  checkSize('to', to);
  if (from > to) throw new RangeError(`a tree of ${from} leaves is not a prefix of one of ${to}`);
  if (from === 0 || from === to) return [];
  const proof: Hash[] = [];
  // SUBPROOF(m, D[start:end], complete), unrolled from the top.
  let m = from;
  let start = 0;
  let end = to;
  let complete = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push(rangeRoot(source, start + k, end));
      end = start + k;
    } else {
      proof.push(rangeRoot(source, start, start + k));
      start += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(rangeRoot(source, start, end));
  return proof.reverse();
}
