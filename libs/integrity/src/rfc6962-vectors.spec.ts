import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  leafHashOf,
} from './index';
import { CT_LEAVES_HEX, CT_ROOTS_HEX } from './testing/ct-test-vectors';
import { storedSubtrees } from './testing/stored-subtrees';

const LEAVES = CT_LEAVES_HEX.map((hex) => Buffer.from(hex, 'hex'));
const ROOTS = CT_ROOTS_HEX;
/** Trillian's inclusion proofs (merkle/testonly): leaf, size, path. */
const INCLUSION: Array<[number, number, string[]]> = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
/** Their consistency proofs: from, to, proof. */
const CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const tree = storedSubtrees(LEAVES);
const root = (size: number) => Buffer.from(ROOTS[size - 1]!, 'hex');

describe('RFC 6962 test vectors', () => {
  it('the empty tree hashes to SHA-256 of the empty string', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(treeRoot(tree, 0)).toEqual(EMPTY_ROOT);
  });

  it.each(ROOTS.map((r, i) => [i + 1, r]))('the tree of the first %i leaves has the known root', (size, expected) => {
    expect(treeRoot(tree, size).toString('hex')).toBe(expected);
  });

  it.each(INCLUSION)(
    'the audit path of leaf %i in the tree of %i is the known one, and verifies',
    (index, size, path) => {
      const proof = inclusionProof(tree, index, size);
      expect(hex(proof)).toEqual(path);
      expect(verifyInclusion(index, size, leafHashOf(LEAVES[index]!), proof, root(size))).toBe(true);
      expect(verifyInclusion(index, size, leafHashOf(Buffer.from('ff', 'hex')), proof, root(size))).toBe(false);
    },
  );

  it.each(CONSISTENCY)('the consistency proof from %i to %i is the known one, and verifies', (from, to, expected) => {
    const proof = consistencyProof(tree, from, to);
    expect(hex(proof)).toEqual(expected);
    expect(verifyConsistency(from, to, root(from), root(to), proof)).toBe(true);
    expect(verifyConsistency(from, to, root(to), root(to), proof)).toBe(from === to);
  });

  it('refuses proofs of leaves and sizes outside the tree', () => {
    expect(() => inclusionProof(tree, 8, 8)).toThrow(RangeError);
    expect(() => consistencyProof(tree, 5, 4)).toThrow(RangeError);
    expect(() => inclusionProof(tree, -1, 4)).toThrow(RangeError);
  });
});
