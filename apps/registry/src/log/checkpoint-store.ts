import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHECKPOINTS_FILE = 'log-checkpoints.sqlite';

/** Why the registry kept a checkpoint: the clock (writes arrived), a filing's knownAt, or shutdown. */
export type CheckpointReason = 'interval' | 'filing' | 'published' | 'shutdown';

export interface KeptCheckpoint {
  size: number;
  root: Buffer;
  /** The signed note exactly as served. */
  note: string;
  keptAt: string;
  reason: CheckpointReason;
}

interface Row {
  size: number;
  root: Buffer;
  note: string;
  kept_at: string;
  reason: CheckpointReason;
}

const fromRow = (row: Row): KeptCheckpoint => ({
  size: row.size,
  root: row.root,
  note: row.note,
  keptAt: row.kept_at,
  reason: row.reason,
});

/**
 * The checkpoints the log signed, one per tree size, in a SQLite file of their own beside the
 * store (WAL, synchronous FULL: a checkpoint handed out is on disk). Apart from the store, so that
 * `npm run verify` and a tampered store cannot share one fate.
 */
export class CheckpointStore {
  private readonly insert: Database.Statement<[number, Buffer, string, string, string]>;
  private readonly latestRow: Database.Statement<[], Row>;
  private readonly bySize: Database.Statement<[number], Row>;

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO checkpoints (size, root, note, kept_at, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (size) DO NOTHING',
    );
    this.latestRow = db.prepare('SELECT * FROM checkpoints ORDER BY size DESC LIMIT 1');
    this.bySize = db.prepare('SELECT * FROM checkpoints WHERE size = ?');
  }

  static open(file: string, options: { readonly?: boolean } = {}): CheckpointStore {
    if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
        size    INTEGER PRIMARY KEY,
        root    BLOB    NOT NULL,
        note    TEXT    NOT NULL,
        kept_at TEXT    NOT NULL,
        reason  TEXT    NOT NULL
      )`);
    }
    return new CheckpointStore(db);
  }

  /** Keeps a checkpoint; one of that size kept already stays as it was (a signature is deterministic). */
  keep(checkpoint: KeptCheckpoint): void {
    const { size, root, note, keptAt, reason } = checkpoint;
    this.insert.run(size, root, note, keptAt, reason);
  }

  latest(): KeptCheckpoint | undefined {
    const row = this.latestRow.get();
    return row && fromRow(row);
  }

  ofSize(size: number): KeptCheckpoint | undefined {
    const row = this.bySize.get(size);
    return row && fromRow(row);
  }

  /** Every kept checkpoint, smallest tree first. */
  *all(): Generator<KeptCheckpoint> {
    for (const row of this.db.prepare<[], Row>('SELECT * FROM checkpoints ORDER BY size').iterate()) yield fromRow(row);
  }

  close(): void {
    this.db.close();
  }
}
