import type { Database, Statement } from 'better-sqlite3';
import { consistencyProof, type Hash, inclusionProof, treeRoot } from '@baytaq/integrity';
import { StoredLogTree } from './stored-log-tree';

/**
 * The log's tree as a reader connection sees it: committed leaves only. Roots and proofs are
 * read from the stored complete subtrees (at most two per level), never by hashing leaves.
 */
export class SqliteLogTreeReader {
  private readonly stored: StoredLogTree;
  private readonly positionOf: Statement<[string], { position: number }>;

  constructor(db: Database) {
    this.stored = new StoredLogTree(db);
    this.positionOf = db.prepare('SELECT position FROM events WHERE id = ?');
  }

  size(): number {
    return this.stored.size();
  }

  root(size: number): Hash {
    this.checkSize(size);
    return treeRoot(this.stored, size);
  }

  inclusionProof(index: number, size: number): Hash[] {
    this.checkSize(size);
    return inclusionProof(this.stored, index, size);
  }

  consistencyProof(from: number, to: number): Hash[] {
    this.checkSize(to);
    return consistencyProof(this.stored, from, to);
  }

  leafIndexOf(eventId: string): number | undefined {
    const row = this.positionOf.get(eventId);
    // A row the tree has not hashed (committed by nothing the writer did) is not in the log's tree.
    return row && row.position <= this.stored.size() ? row.position - 1 : undefined;
  }

  private checkSize(size: number): void {
    const current = this.stored.size();
    if (!Number.isSafeInteger(size) || size < 0 || size > current) {
      throw new RangeError(`the tree has ${current} leaves: no tree of ${size}`);
    }
  }
}
