import type { Database } from 'better-sqlite3';
import { CompactRange, type Hash } from '@baytaq/integrity';
import { LeafHashingThread } from './leaf-hashing-thread';
import { LEAF_INPUT_SQL, PageOfNodes, StoredLeaves, StoredLogTree } from './stored-log-tree';

/** What differs between the stored events and the stored tree, at an event position (leaf + 1). */
export type LogDifference =
  | { kind: 'data_changed'; position: number }
  | { kind: 'order_changed'; position: number; otherPosition: number }
  | { kind: 'event_missing'; position: number }
  | { kind: 'not_in_tree'; position: number }
  | { kind: 'node_changed'; position: number; level: number; index: number };

export function describeDifference(d: LogDifference): string {
  switch (d.kind) {
    case 'data_changed':
      return `event at position ${d.position}: data changed (its hash is not the tree's leaf ${d.position - 1})`;
    case 'order_changed':
      return `event at position ${d.position}: order changed (it is the event the tree holds at position ${d.otherPosition})`;
    case 'event_missing':
      return `event at position ${d.position}: event missing (the tree has leaf ${d.position - 1}, the log no row)`;
    case 'not_in_tree':
      return `event at position ${d.position}: not in the tree (the log has a row the tree never hashed)`;
    case 'node_changed':
      return `event at position ${d.position}: the tree's node at level ${d.level}, index ${d.index} is not the hash of its leaves`;
  }
}

export interface AuditOptions {
  /** The first leaf to hash again; the tree left of it is taken as stored. */
  fromLeaf?: number;
  /** Called now and then with the leaves hashed so far. */
  onProgress?(leavesDone: number, leavesTotal: number): void;
  /** Called when the recomputed tree reaches each of these sizes, with its root (checkpoints to check). */
  rootsAt?: { sizes: number[]; onRoot(size: number, root: Hash): void };
  /** The store's file: the rows' leaves are then hashed on a second thread, ahead of the audit (`npm run verify`). */
  hashOnThread?: string;
}

export interface AuditResult {
  /** Leaves the stored tree has. */
  treeSize: number;
  /** Events the log has. */
  events: number;
  /** Differences by position, first first (at most MAX_DIFFERENCES). */
  differences: LogDifference[];
}

const PAGE = 10_000;
/** Stands for a leaf neither the log nor the tree has, so that the rest is still compared. */
const UNKNOWN_LEAF = Buffer.alloc(32);
const MAX_DIFFERENCES = 1_000;

/**
 * Hashes the log's stored rows again from `fromLeaf` and compares each leaf and each complete
 * subtree with the stored tree. Reads only: it runs on a store at rest or beside the service.
 */
export function auditLog(db: Database, options: AuditOptions = {}): AuditResult {
  const stored = new StoredLogTree(db);
  const lastPosition = (db.prepare('SELECT max(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
  const treeSize = stored.size();
  const from = Math.min(options.fromLeaf ?? 0, treeSize);
  const range = CompactRange.resume(stored, from);
  const sizes = [...(options.rootsAt?.sizes ?? [])].filter((s) => s >= from).sort((a, b) => a - b);
  const mismatched: Array<{ position: number; computed: Hash; stored: Hash | undefined }> = [];
  const differences: LogDifference[] = [];
  const note = (d: LogDifference) => {
    if (differences.length < MAX_DIFFERENCES) differences.push(d);
  };
  const reachRoots = () => {
    while (sizes.length > 0 && sizes[0]! <= range.size) {
      const size = sizes.shift()!;
      if (size === range.size) options.rootsAt!.onRoot(size, range.root());
    }
  };
  reachRoots();
  let events = from;
  // The stored nodes a page of leaves meets, read at once: no lookup per leaf.
  const page = new PageOfNodes(db);
  const lastStart = Math.max(lastPosition, treeSize);
  const thread = options.hashOnThread
    ? new LeafHashingThread(options.hashOnThread, LEAF_INPUT_SQL, from + 1, lastStart, PAGE)
    : undefined;
  try {
    auditPages(new StoredLeaves(db, thread));
  } finally {
    thread?.close();
  }

  function auditPages(leaves: StoredLeaves): void {
    for (let start = from + 1; start <= lastStart; start += PAGE) {
      const end = start + PAGE - 1;
      page.load(start - 1, end - 1);
      let next = start;
      for (const [position, leaf] of leaves.between(start, end, (p, leaf) => page.equals(0, p - 1, leaf))) {
        // A leaf the tree has but the log lost: the tree goes on with the stored leaf, so that what follows is still compared.
        for (; next < position; next++) skipMissing(next);
        events++;
        if (position > treeSize) note({ kind: 'not_in_tree', position });
        else appendLeaf(position, leaf);
        next = position + 1;
      }
      for (; next <= Math.min(end, treeSize); next++) skipMissing(next);
      options.onProgress?.(Math.min(end, treeSize), treeSize);
    }
  }

  function skipMissing(position: number): void {
    if (position > treeSize) return;
    note({ kind: 'event_missing', position });
    appendLeaf(position, undefined);
  }

  function appendLeaf(position: number, computed: Hash | undefined): void {
    const leafDiffers = computed === undefined || !page.equals(0, position - 1, computed);
    const storedLeaf = leafDiffers ? page.get(0, position - 1) : undefined;
    if (computed && leafDiffers) mismatched.push({ position, computed, stored: storedLeaf });
    // Carry on with the stored leaf where the row differs: one changed event is one difference, not a changed tree.
    const nodes = range.append(leafDiffers ? (storedLeaf ?? computed ?? UNKNOWN_LEAF) : computed);
    for (const node of nodes.slice(1)) {
      if (!page.equals(node.level, node.index, node.hash)) {
        note({
          kind: 'node_changed',
          position: node.index * 2 ** node.level + 1,
          level: node.level,
          index: node.index,
        });
      }
    }
    reachRoots();
  }

  differences.push(...classify(mismatched));
  differences.sort((a, b) => a.position - b.position);
  return { treeSize, events, differences: differences.slice(0, MAX_DIFFERENCES) };
}

/** A row whose hash is another position's leaf was moved there; any other changed row was changed. */
function classify(mismatched: Array<{ position: number; computed: Hash; stored: Hash | undefined }>): LogDifference[] {
  const storedAt = new Map<string, number>();
  for (const m of mismatched) if (m.stored) storedAt.set(m.stored.toString('hex'), m.position);
  return mismatched.slice(0, MAX_DIFFERENCES).map((m) => {
    const other = storedAt.get(m.computed.toString('hex'));
    return other !== undefined
      ? { kind: 'order_changed', position: m.position, otherPosition: other }
      : { kind: 'data_changed', position: m.position };
  });
}
