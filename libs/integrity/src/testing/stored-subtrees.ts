import { CompactRange, type Hash, leafHashOf, type SubtreeSource } from '../index';

/** The complete subtrees of a log of `inputs`, kept as a store keeps them: by (level, index). */
export function storedSubtrees(inputs: Buffer[]): SubtreeSource & { count: number } {
  const nodes = new Map<string, Hash>();
  const range = new CompactRange();
  for (const input of inputs) {
    for (const n of range.append(leafHashOf(input))) nodes.set(`${n.level}/${n.index}`, n.hash);
  }
  return {
    count: nodes.size,
    node(level, index) {
      const hash = nodes.get(`${level}/${index}`);
      if (!hash) throw new Error(`no stored subtree ${level}/${index}`);
      return hash;
    },
  };
}
