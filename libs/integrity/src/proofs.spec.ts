import { consistencyProof, inclusionProof, treeRoot, verifyConsistency, verifyInclusion } from './index';
import {
  referenceLeaf,
  referenceMth,
  referencePath,
  referenceProof,
  referenceVerifyConsistency,
  referenceVerifyInclusion,
} from './testing/rfc6962-reference';
import { storedSubtrees } from './testing/stored-subtrees';

const MAX = 64;
const inputs = Array.from({ length: MAX }, (_, i) => Buffer.from(`leaf ${i}`));
const tree = storedSubtrees(inputs);
const roots = Array.from({ length: MAX + 1 }, (_, n) => referenceMth(inputs.slice(0, n)));

describe('proofs from stored subtrees, every size up to 64', () => {
  it('keeps one node per complete subtree: 2n - 1 for a tree of n = 64', () => {
    expect(tree.count).toBe(2 * MAX - 1);
  });

  it('gives the root RFC 6962 defines for every size', () => {
    for (let size = 0; size <= MAX; size++) expect(treeRoot(tree, size)).toEqual(roots[size]);
  });

  it('gives every leaf of every size the audit path PATH(m, D[n]), which RFC 9162 verification accepts', () => {
    let checked = 0;
    for (let size = 1; size <= MAX; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(tree, index, size);
        expect(proof).toEqual(referencePath(index, inputs.slice(0, size)));
        const leaf = referenceLeaf(inputs[index]!);
        expect(referenceVerifyInclusion(index, size, leaf, proof, roots[size]!)).toBe(true);
        expect(verifyInclusion(index, size, leaf, proof, roots[size]!)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('gives every pair of sizes the proof PROOF(m, D[n]), which RFC 9162 verification accepts', () => {
    let checked = 0;
    for (let to = 1; to <= MAX; to++) {
      for (let from = 1; from < to; from++) {
        const proof = consistencyProof(tree, from, to);
        expect(proof).toEqual(referenceProof(from, inputs.slice(0, to)));
        expect(referenceVerifyConsistency(from, to, roots[from]!, roots[to]!, proof)).toBe(true);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, proof)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX - 1)) / 2);
  });

  it('rejects a path with one hash changed, a wrong leaf, a wrong index and a wrong root', () => {
    for (let size = 2; size <= MAX; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(tree, index, size);
        const leaf = referenceLeaf(inputs[index]!);
        const flipped = proof.map((h, i) => (i === proof.length - 1 ? Buffer.from(h).fill(0, 0, 1) : h));
        expect(verifyInclusion(index, size, leaf, flipped, roots[size]!)).toBe(proof[proof.length - 1]![0] === 0);
        expect(verifyInclusion(index, size, referenceLeaf(Buffer.from('other')), proof, roots[size]!)).toBe(false);
        expect(verifyInclusion((index + 1) % size, size, leaf, proof, roots[size]!)).toBe(false);
        expect(verifyInclusion(index, size, leaf, proof, roots[size - 1]!)).toBe(false);
      }
    }
  });

  it('rejects a consistency proof between trees that are not prefixes, or with a hash dropped', () => {
    const other = Array.from({ length: MAX }, (_, i) => Buffer.from(i === 0 ? 'changed' : `leaf ${i}`));
    for (let to = 2; to <= MAX; to++) {
      for (let from = 1; from < to; from++) {
        const proof = consistencyProof(tree, from, to);
        expect(verifyConsistency(from, to, referenceMth(other.slice(0, from)), roots[to]!, proof)).toBe(false);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, proof.slice(1))).toBe(false);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, [])).toBe(false);
      }
    }
  });

  it('proves the trivial cases: from 0, and from a size to itself', () => {
    expect(consistencyProof(tree, 0, 10)).toEqual([]);
    expect(verifyConsistency(0, 10, roots[0]!, roots[10]!, [])).toBe(true);
    expect(consistencyProof(tree, 10, 10)).toEqual([]);
    expect(verifyConsistency(10, 10, roots[10]!, roots[10]!, [])).toBe(true);
    expect(verifyConsistency(10, 10, roots[10]!, roots[11]!, [])).toBe(false);
  });
});
