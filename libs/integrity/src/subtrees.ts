import { EMPTY_ROOT, type Hash, nodeHash } from './hashes';

/**
 * The stored complete subtrees of a log: `node(level, index)` is the hash of the 2^level leaves
 * from `index · 2^level`. Every proof and root is made of at most two such nodes per level, so a
 * store that keeps them answers without hashing a leaf again (Tessera's tiles keep the same nodes).
 */
export interface SubtreeSource {
  node(level: number, index: number): Hash;
}

/** A complete subtree that a new leaf completed: to be stored. */
export interface CompletedNode {
  level: number;
  index: number;
  hash: Hash;
}

/** The largest power of two strictly below `n` (n >= 2): RFC 6962's split point `k`. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that tile `[start, end)`, largest first; `start` must be a multiple of
 * the first one's size (as every range RFC 6962's recursion names is).
 */
export function tiling(start: number, end: number): Array<{ level: number; index: number }> {
  const tiles: Array<{ level: number; index: number }> = [];
  let at = start;
  for (let level = Math.floor(Math.log2(Math.max(1, end - start))) + 1; level >= 0; level--) {
    const size = 2 ** level;
    if (end - at >= size) {
      if (at % size !== 0) throw new RangeError(`[${start}, ${end}) is not tiled by complete subtrees`);
      tiles.push({ level, index: at / size });
      at += size;
    }
  }
  return tiles;
}

/** MTH(D[start:end]): the stored subtrees that tile the range, folded from the right. */
export function rangeRoot(source: SubtreeSource, start: number, end: number): Hash {
  if (end <= start) return EMPTY_ROOT;
  const tiles = tiling(start, end);
  let hash = source.node(tiles[tiles.length - 1]!.level, tiles[tiles.length - 1]!.index);
  for (let i = tiles.length - 2; i >= 0; i--) hash = nodeHash(source.node(tiles[i]!.level, tiles[i]!.index), hash);
  return hash;
}

/** The root of the tree of the first `size` leaves. */
export function treeRoot(source: SubtreeSource, size: number): Hash {
  return rangeRoot(source, 0, size);
}

/**
 * The nodes leaf `index` completes: the leaf itself, then each subtree whose last leaf it is.
 * `leftSibling` gives the stored node to the left of each (a complete subtree already).
 */
export function completedNodes(
  index: number,
  leaf: Hash,
  leftSibling: (level: number, index: number) => Hash,
): CompletedNode[] {
  const nodes: CompletedNode[] = [{ level: 0, index, hash: leaf }];
  let level = 0;
  let at = index;
  let hash = leaf;
  while (at % 2 === 1) {
    hash = nodeHash(leftSibling(level, at - 1), hash);
    level += 1;
    at = (at - 1) / 2;
    nodes.push({ level, index: at, hash });
  }
  return nodes;
}

/**
 * A tree built leaf by leaf in memory, keeping only its right edge (one node per set bit of the
 * size: a compact range from 0). What a verifier uses to hash a whole log again.
 */
export class CompactRange {
  private readonly edge = new Map<number, Hash>();
  private count = 0;

  /** The range of the first `size` leaves of a stored tree: its right edge read from the stored subtrees. */
  static resume(source: SubtreeSource, size: number): CompactRange {
    const range = new CompactRange();
    for (const { level, index } of tiling(0, size)) range.edge.set(level, source.node(level, index));
    range.count = size;
    return range;
  }

  get size(): number {
    return this.count;
  }

  /** A range of the same leaves that the next appends to this one leave unchanged. */
  clone(): CompactRange {
    const copy = new CompactRange();
    for (const [level, hash] of this.edge) copy.edge.set(level, hash);
    copy.count = this.count;
    return copy;
  }

  /** Adds the next leaf; returns the complete subtrees it completed. */
  append(leaf: Hash): CompletedNode[] {
    const nodes = completedNodes(this.count, leaf, (level) => this.edge.get(level)!);
    for (const node of nodes) this.edge.delete(node.level);
    const top = nodes[nodes.length - 1]!;
    this.edge.set(top.level, top.hash);
    this.count += 1;
    return nodes;
  }

  root(): Hash {
    if (this.count === 0) return EMPTY_ROOT;
    return treeRoot({ node: (level) => this.edge.get(level)! }, this.count);
  }
}
