import type { Database, Statement } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { type Hash, type LogRecord, type LogRecordText, recordLeafHash, type SubtreeSource } from '@baytaq/integrity';
import type { RecordedEvent } from '../../event-store.port';
import { EVENT_COLUMNS, type EventRow } from '../sqlite-event-queries';
import type { LeafHashingThread } from './leaf-hashing-thread';

/**
 * The log's Merkle tree in the store's own file: one row per complete subtree, keyed by `leaf`, the
 * last leaf it covers (the leaf whose append completed it), and `level`, its height (2^level
 * leaves); so the subtree at `level`, index i has leaf (i + 1) * 2^level - 1. Leaf n is the event
 * at position n + 1. Rows are only ever added, in the transaction that inserts their events, and
 * in key order: every append writes at the table's right edge (one page, not one per level).
 */
export const LOG_TREE_SCHEMA = `
  CREATE TABLE log_nodes (
    leaf  INTEGER NOT NULL,
    level INTEGER NOT NULL,
    hash  BLOB    NOT NULL,
    PRIMARY KEY (leaf, level)
  ) WITHOUT ROWID`;

/** The last leaf of the subtree at `level`, index `index`: its row's key. */
export const lastLeafOf = (level: number, index: number): number => (index + 1) * 2 ** level - 1;

/**
 * The tree as stores kept it before: keyed by (level, idx), which wrote one page per level at
 * every append. Rewritten into `log_nodes`, in one transaction, when a store is opened for writing.
 */
const OLD_LOG_TREE = 'log_tree';

export function migrateOldLogTree(db: Database): void {
  if (!tableExists(db, OLD_LOG_TREE) || tableExists(db, 'log_nodes')) return;
  db.transaction(() => {
    db.exec(LOG_TREE_SCHEMA);
    db.exec(`INSERT INTO log_nodes (leaf, level, hash)
             SELECT (idx + 1) * (1 << level) - 1, level, hash FROM ${OLD_LOG_TREE} ORDER BY 1, 2`);
    db.exec(`DROP TABLE ${OLD_LOG_TREE}`);
  })();
}

const tableExists = (db: Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export type StoredEventRow = EventRow;

export const EVENT_ROWS_SQL = `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND position <= ? ORDER BY position`;

/** The record a leaf hashes: the row as stored (sealed fields stay sealed), its JSON parsed. */
export function storedRecord(row: StoredEventRow): LogRecord {
  return {
    eventId: row.id,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as unknown,
    recordedAt: row.recorded_at,
  };
}

/**
 * Each row's position and `U+0000` + its canonical record, as SQLite puts it together from the
 * stored texts (members in RFC 8785 order; `json_quote` writes the identifiers, plain ASCII, as
 * JSON.stringify does): the leaf's input (U+0000 is the byte 0x00 in UTF-8) when the texts are
 * canonical, read with no row object in JavaScript.
 */
export const LEAF_INPUT_SQL = `
  SELECT position, char(0) || '{"data":' || data || ',"eventId":' || json_quote(id) || ',"metadata":' || metadata
    || ',"recordedAt":' || json_quote(recorded_at) || ',"revision":' || revision || ',"stream":' || json_quote(stream)
    || ',"type":' || json_quote(type) || '}' AS input
  FROM events WHERE position >= ? AND position <= ? ORDER BY position`;

/** The leaves of the stored rows, hashed again, for an audit of the whole log. */
export class StoredLeaves {
  private readonly inputs: Statement<[number, number], [number, string]>;
  private readonly row: Statement<[number], StoredEventRow>;

  /** `thread`: the fast leaves are hashed there, ahead, from pages of the same bounds as asked here. */
  constructor(
    db: Database,
    private readonly thread?: LeafHashingThread,
  ) {
    this.inputs = db.prepare(LEAF_INPUT_SQL).raw(true) as unknown as Statement<[number, number], [number, string]>;
    this.row = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?`);
  }

  /**
   * [position, leaf] of the rows from `first` to `last` (positions), in order. A leaf that is not
   * the one the tree stored (`isStored`: a row stored before its texts were canonical, or changed)
   * is hashed again the long way, from the parsed record, which is what a leaf is by definition.
   */
  between(first: number, last: number, isStored: (position: number, leaf: Hash) => boolean): Array<[number, Hash]> {
    const fast: Array<[number, Hash]> = this.thread
      ? this.thread.next(first)
      : this.inputs.all(first, last).map(([position, input]) => [position, hash('sha256', input, 'buffer')]);
    for (const pair of fast) {
      if (!isStored(pair[0], pair[1])) pair[1] = recordLeafHash(storedRecord(this.row.get(pair[0])!));
    }
    return fast;
  }
}

/**
 * The stored nodes that a page of leaves completed, read as one blob (their hashes concatenated in
 * key order) and a list of their keys: no row, and no Buffer, per node.
 */
export class PageOfNodes {
  private readonly packed: Statement<[number, number], { hashes: Buffer | null; keys: Buffer | null }>;
  /** Per level, the offset in `hashes` of each node by its index less the level's first; -1 when not stored. */
  private levels: Array<{ first: number; at: Int32Array }> = [];
  private hashes: Buffer = Buffer.alloc(0);

  private readonly rows: Statement<[number, number], [number, number, Buffer]>;

  constructor(db: Database) {
    // Both lists are made from the same rows in the same order, so the n-th key is the n-th hash's;
    // a key is leaf * 64 + level in 6 bytes, big-endian (printf's hex, then unhex: no string per row).
    this.packed = db.prepare(
      `SELECT CAST(group_concat(hash, '') AS BLOB) AS hashes, unhex(group_concat(printf('%012x', leaf * 64 + level), '')) AS keys
       FROM (SELECT leaf, level, hash FROM log_nodes WHERE leaf BETWEEN ? AND ? AND level BETWEEN 0 AND 63 ORDER BY leaf, level)`,
    );
    this.rows = db
      .prepare('SELECT leaf, level, hash FROM log_nodes WHERE leaf BETWEEN ? AND ? ORDER BY leaf, level')
      .raw(true) as unknown as Statement<[number, number], [number, number, Buffer]>;
  }

  /** Reads the nodes that leaves `firstLeaf` to `lastLeaf` completed, every level. */
  load(firstLeaf: number, lastLeaf: number): void {
    const packed = this.packed.get(firstLeaf, lastLeaf)!;
    const keys = packed.keys ?? Buffer.alloc(0);
    let leaves: ArrayLike<number> = [];
    let levels: ArrayLike<number> = [];
    this.hashes = packed.hashes ?? Buffer.alloc(0);
    if (this.hashes.length === (32 * keys.length) / 6) {
      const count = keys.length / 6;
      const leafOf = new Float64Array(count);
      const levelOf = new Uint8Array(count);
      for (let n = 0; n < count; n++) {
        const key = keys.readUIntBE(6 * n, 6);
        leafOf[n] = Math.floor(key / 64);
        levelOf[n] = key % 64;
      }
      [leaves, levels] = [leafOf, levelOf];
    } else {
      // A stored hash is not 32 bytes (changed by hand): row by row, that one left out, so it reads as not stored.
      const rows = this.rows.all(firstLeaf, lastLeaf).filter(([, level, hash]) => hash.length === 32 && level < 64);
      [leaves, levels] = [rows.map((r) => r[0]), rows.map((r) => r[1])];
      this.hashes = Buffer.concat(rows.map(([, , hash]) => hash));
    }
    this.levels = [];
    for (let n = 0; n < leaves.length; n++) {
      const leaf = leaves[n]!;
      const span = 2 ** levels[n]!;
      // A row whose key no subtree has (leaf + 1 not a multiple of its size) stands for no node.
      if ((leaf + 1) % span !== 0) continue;
      let at = this.levels[levels[n]!];
      if (!at) {
        const first = Math.floor(firstLeaf / span);
        at = this.levels[levels[n]!] = { first, at: new Int32Array(Math.floor(lastLeaf / span) - first + 1).fill(-1) };
      }
      at.at[(leaf + 1) / span - 1 - at.first] = 32 * n;
    }
  }

  private offset(level: number, index: number): number {
    const at = this.levels[level];
    return at?.at[index - at.first] ?? -1;
  }

  /** The stored node (a copy-free view), undefined when not stored. */
  get(level: number, index: number): Hash | undefined {
    const offset = this.offset(level, index);
    return offset < 0 ? undefined : this.hashes.subarray(offset, offset + 32);
  }

  /** Whether the stored node is `hash`, with no view made. */
  equals(level: number, index: number, hash: Hash): boolean {
    const offset = this.offset(level, index);
    return offset >= 0 && hash.compare(this.hashes, offset, offset + 32) === 0;
  }
}

/** The record of an event as the writer inserted it, with the canonical texts it stored. */
export function insertedRecordText(event: RecordedEvent, json: { data: string; metadata: string }): LogRecordText {
  const { id: eventId, stream, revision, type, recordedAt } = event;
  return { eventId, stream, revision, type, dataJson: json.data, metadataJson: json.metadata, recordedAt };
}

export function hasLogTree(db: Database): boolean {
  return tableExists(db, 'log_nodes');
}

/** The stored subtrees, read through any connection to the file (a reader sees committed rows only). */
export class StoredLogTree implements SubtreeSource {
  private readonly nodeRow: Statement<[number, number], { hash: Buffer }>;
  private readonly lastLeaf: Statement<[], { leaf: number }>;

  constructor(db: Database) {
    this.nodeRow = db.prepare('SELECT hash FROM log_nodes WHERE leaf = ? AND level = ?');
    this.lastLeaf = db.prepare('SELECT leaf FROM log_nodes ORDER BY leaf DESC LIMIT 1');
  }

  /** Leaves hashed: the leaves are stored 0, 1, 2, … in one transaction with their events. */
  size(): number {
    const last = this.lastLeaf.get();
    return last === undefined ? 0 : last.leaf + 1;
  }

  node(level: number, index: number): Hash {
    const row = this.nodeRow.get(lastLeafOf(level, index), level);
    if (!row) throw new MissingSubtreeError(level, index);
    return row.hash;
  }

  /** The node, or undefined when it is not stored. */
  find(level: number, index: number): Hash | undefined {
    return this.nodeRow.get(lastLeafOf(level, index), level)?.hash;
  }
}

export class MissingSubtreeError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`the log tree has no node at level ${level}, index ${index}`);
    this.name = 'MissingSubtreeError';
  }
}
