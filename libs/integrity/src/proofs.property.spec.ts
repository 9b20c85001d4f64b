import fc from 'fast-check';
import { consistencyProof, inclusionProof, treeRoot, verifyConsistency, verifyInclusion } from './index';
import {
  referenceLeaf,
  referenceMth,
  referenceVerifyConsistency,
  referenceVerifyInclusion,
} from './testing/rfc6962-reference';
import { storedSubtrees } from './testing/stored-subtrees';

const MAX = 2_000;
const inputs = Array.from({ length: MAX }, (_, i) => Buffer.from(`record ${i * 7919}`));
const tree = storedSubtrees(inputs);
const roots = new Map<number, Buffer>();
const rootOf = (n: number) => roots.get(n) ?? roots.set(n, referenceMth(inputs.slice(0, n))).get(n)!;

describe('proofs on random sizes up to 2,000 leaves', () => {
  it('every inclusion proof verifies by RFC 9162 against the tree RFC 6962 defines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 }))),
        ([size, index]) => {
          const proof = inclusionProof(tree, index, size);
          expect(treeRoot(tree, size)).toEqual(rootOf(size));
          const leaf = referenceLeaf(inputs[index]!);
          expect(referenceVerifyInclusion(index, size, leaf, proof, rootOf(size))).toBe(true);
          expect(verifyInclusion(index, size, leaf, proof, rootOf(size))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies by RFC 9162, and not against another tree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: MAX }).chain((to) => fc.tuple(fc.integer({ min: 1, max: to - 1 }), fc.constant(to))),
        ([from, to]) => {
          const proof = consistencyProof(tree, from, to);
          expect(referenceVerifyConsistency(from, to, rootOf(from), rootOf(to), proof)).toBe(true);
          expect(verifyConsistency(from, to, rootOf(from), rootOf(to), proof)).toBe(true);
          expect(verifyConsistency(from, to, rootOf(from - 1), rootOf(to), proof)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
