import type { Database, Statement } from 'better-sqlite3';
import { type Hash, type LogRecord, type SubtreeSource } from '@baytaq/integrity';
import type { RecordedEvent } from '../../event-store.port';
import { EVENT_COLUMNS, type EventRow } from '../sqlite-event-queries';

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

/** The same record from an event as the writer inserted it (its JSON parsed from the very text stored). */
export function insertedRecord(event: RecordedEvent): LogRecord {
  const { id: eventId, stream, revision, type, data, metadata, recordedAt } = event;
  return { eventId, stream, revision, type, data, metadata, recordedAt };
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
