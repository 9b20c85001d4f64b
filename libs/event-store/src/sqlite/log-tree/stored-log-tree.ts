import type { Database, Statement } from 'better-sqlite3';
import { hash } from 'node:crypto';
import { type Hash, type LogRecord, type LogRecordText, recordLeafHash, type SubtreeSource } from '@baytaq/integrity';
import type { RecordedEvent } from '../../event-store.port';
import { EVENT_COLUMNS, type EventRow } from '../sqlite-event-queries';
import type { LeafHashingThreads } from './leaf-hashing-thread';

/**
 * The log's Merkle tree in the store's own file: one row per complete subtree, `level` (its
 * height: 2^level leaves) and `idx` (its place among the subtrees of that level). Leaf n is the
 * event at position n + 1. Rows are only ever added, in the transaction that inserts their events.
 */
export const LOG_TREE_SCHEMA = `
  CREATE TABLE log_tree (
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    hash  BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
  ) WITHOUT ROWID`;

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
    private readonly thread?: LeafHashingThreads,
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
 * The stored nodes that a page of leaves meets, read as one blob a level (the hashes of a level
 * concatenated in index order): no row, and no Buffer, per node. A level with a node missing is
 * read row by row instead.
 */
export class PageOfNodes {
  private readonly packed: Statement<[number, number, number], { hashes: Buffer | null; n: number }>;
  private readonly rows: Statement<[number, number, number], [number, Hash]>;
  private levels: Array<{ first: number; hashes: Buffer } | { first: number; byIndex: Map<number, Hash> }> = [];

  constructor(db: Database) {
    this.packed = db.prepare(
      `SELECT CAST(group_concat(hash, '' ORDER BY idx) AS BLOB) AS hashes, count(*) AS n
       FROM log_tree WHERE level = ? AND idx BETWEEN ? AND ?`,
    );
    this.rows = db
      .prepare('SELECT idx, hash FROM log_tree WHERE level = ? AND idx BETWEEN ? AND ?')
      .raw(true) as unknown as Statement<[number, number, number], [number, Hash]>;
  }

  /** Reads the nodes over leaves `firstLeaf` to `lastLeaf`, every level. */
  load(firstLeaf: number, lastLeaf: number): void {
    this.levels = [];
    for (let level = 0; 2 ** level <= lastLeaf + 1; level++) {
      const first = Math.floor(firstLeaf / 2 ** level);
      const last = Math.floor(lastLeaf / 2 ** level);
      const { hashes, n } = this.packed.get(level, first, last)!;
      // Contiguous (the primary key makes them distinct) and each 32 bytes: one blob serves.
      if (hashes && n === last - first + 1 && hashes.length === 32 * n) this.levels.push({ first, hashes });
      else this.levels.push({ first, byIndex: new Map(this.rows.all(level, first, last)) });
    }
  }

  /** The stored node (a copy-free view), undefined when not stored. */
  get(level: number, index: number): Hash | undefined {
    const at = this.levels[level];
    if (!at) return undefined;
    if ('byIndex' in at) return at.byIndex.get(index);
    const offset = 32 * (index - at.first);
    return offset >= 0 && offset < at.hashes.length ? at.hashes.subarray(offset, offset + 32) : undefined;
  }

  /** Whether the stored node is `hash`, with no view made. */
  equals(level: number, index: number, hash: Hash): boolean {
    const at = this.levels[level];
    if (!at) return false;
    if ('byIndex' in at) return at.byIndex.get(index)?.equals(hash) ?? false;
    const offset = 32 * (index - at.first);
    return offset >= 0 && offset < at.hashes.length && hash.compare(at.hashes, offset, offset + 32) === 0;
  }
}

/** The record of an event as the writer inserted it, with the canonical texts it stored. */
export function insertedRecordText(event: RecordedEvent, json: { data: string; metadata: string }): LogRecordText {
  const { id: eventId, stream, revision, type, recordedAt } = event;
  return { eventId, stream, revision, type, dataJson: json.data, metadataJson: json.metadata, recordedAt };
}

export function hasLogTree(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_tree'").get() !== undefined;
}

/** The stored subtrees, read through any connection to the file (a reader sees committed rows only). */
export class StoredLogTree implements SubtreeSource {
  private readonly nodeRow: Statement<[number, number], { hash: Buffer }>;
  private readonly lastLeaf: Statement<[], { idx: number }>;

  constructor(db: Database) {
    this.nodeRow = db.prepare('SELECT hash FROM log_tree WHERE level = ? AND idx = ?');
    this.lastLeaf = db.prepare('SELECT idx FROM log_tree WHERE level = 0 ORDER BY idx DESC LIMIT 1');
  }

  /** Leaves hashed: the leaves are stored 0, 1, 2, … in one transaction with their events. */
  size(): number {
    const last = this.lastLeaf.get();
    return last === undefined ? 0 : last.idx + 1;
  }

  node(level: number, index: number): Hash {
    const row = this.nodeRow.get(level, index);
    if (!row) throw new MissingSubtreeError(level, index);
    return row.hash;
  }

  /** The node, or undefined when it is not stored. */
  find(level: number, index: number): Hash | undefined {
    return this.nodeRow.get(level, index)?.hash;
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
