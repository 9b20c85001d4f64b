import type { Database } from 'better-sqlite3';

/** Durability first: WAL with a full fsync at every commit, so an acknowledged append survives a crash. */
export function configureDurability(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const mode = String(db.pragma('journal_mode', { simple: true }));
  if (mode.toLowerCase() !== 'wal') throw new Error(`could not switch ${db.name} to WAL (got ${mode})`);
}

export function migrateEventTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      id          TEXT    NOT NULL UNIQUE,
      stream      TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      UNIQUE (stream, revision)
    );
    CREATE INDEX IF NOT EXISTS events_type ON events (type, position);
  `);
}
