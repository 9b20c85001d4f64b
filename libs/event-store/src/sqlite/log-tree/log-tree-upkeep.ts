import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store.port';
import { CompactRange, type CompletedNode, recordLeafHash, recordTextLeafHash } from '@baytaq/integrity';
import {
  EVENT_ROWS_SQL,
  hasLogTree,
  insertedRecordText,
  lastLeafOf,
  migrateOldLogTree,
  LOG_TREE_SCHEMA,
  type StoredEventRow,
  storedRecord,
  MissingSubtreeError,
  StoredLogTree,
} from './stored-log-tree';

/** Rows read at once when the tree of a store made before it is built. */
const BUILD_PAGE = 10_000;

/**
 * Keeps the log's tree in the writer's transactions: after an append's events are inserted, each
 * stored row is hashed and the subtrees it completes are stored. The tree's right edge (the left
 * siblings the next leaves need) is kept in memory, as committed and as the open transaction has
 * it: an append's edge is taken (`accept`) only once all of it succeeded, and the transaction's
 * edge only once it committed (`committed`), so a rolled-back savepoint or commit leaves nothing
 * to forget (`rolledBack`).
 */
export class LogTreeUpkeep {
  private readonly rows: Statement<[number, number], StoredEventRow>;
  private readonly insert: Statement<[number, number, Buffer]>;
  private readonly stored: StoredLogTree;
  /** Read from the stored tree at the first append (a node missing there fails that append, not the opening). */
  private committedEdge: CompactRange | undefined;
  private edge: CompactRange | undefined;

  private constructor(db: Database) {
    this.rows = db.prepare(EVENT_ROWS_SQL);
    this.insert = db.prepare('INSERT INTO log_nodes (leaf, level, hash) VALUES (?, ?, ?)');
    this.stored = new StoredLogTree(db);
  }

  /**
   * On the write connection. A store made before the tree has none: it is built from the log, in
   * one transaction with the table (a crash leaves no half-built tree). A store with a tree keeps it
   * as it is: a tree behind its events is for the start check to report, never to be filled in.
   */
  static open(db: Database): LogTreeUpkeep {
    migrateOldLogTree(db);
    if (hasLogTree(db)) return new LogTreeUpkeep(db);
    return db.transaction(() => {
      db.exec(LOG_TREE_SCHEMA);
      const upkeep = new LogTreeUpkeep(db);
      upkeep.build();
      return upkeep;
    })();
  }

  /**
   * Hashes one append's events into the tree, in order, as the writer inserted them: from the very
   * canonical JSON texts it stored (sealed), `json[i]` those of `events[i]`, so reading the rows back
   * gives the same leaves. Answers the edge after them, for `accept` once the append succeeded.
   */
  appendStored(
    events: readonly RecordedEvent[],
    json: ReadonlyArray<{ data: string; metadata: string }>,
  ): CompactRange {
    this.edge ??= this.committedEdge = CompactRange.resume(this.stored, this.stored.size());
    const next = this.edge.clone();
    const first = Number(events[0]!.position);
    // A leaf must follow the last one stored: a gap would be a tree that no longer says what the log holds.
    if (first !== next.size + 1) throw new MissingSubtreeError(0, first - 2);
    for (const [i, event] of events.entries()) {
      for (const node of next.append(recordTextLeafHash(insertedRecordText(event, json[i]!)))) this.put(node);
    }
    return next;
  }

  /** The append that `appendStored` answered `edge` succeeded as a whole (its savepoint stands). */
  accept(edge: CompactRange): void {
    this.edge = edge;
  }

  /** The transaction committed: what it accepted is the tree. */
  committed(): void {
    this.committedEdge = this.edge;
  }

  /** The transaction rolled back: the tree is what was committed. */
  rolledBack(): void {
    this.edge = this.committedEdge;
  }

  private build(): void {
    const range = new CompactRange();
    this.committedEdge = this.edge = range;
    for (let from = 1; ; from += BUILD_PAGE) {
      const page = this.rows.all(from, from + BUILD_PAGE - 1);
      for (const row of page) {
        if (row.position !== range.size + 1) {
          throw new Error(`cannot build the log tree: the log has no event at position ${range.size + 1}`);
        }
        for (const node of range.append(recordLeafHash(storedRecord(row)))) this.put(node);
      }
      if (page.length < BUILD_PAGE) return;
    }
  }

  private put(node: CompletedNode): void {
    this.insert.run(lastLeafOf(node.level, node.index), node.level, node.hash);
  }
}
