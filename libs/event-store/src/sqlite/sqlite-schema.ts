import type { Database } from 'better-sqlite3';

/** Durability first (WAL, a full fsync at every commit: an acknowledged append survives a crash), then read speed. */
export function configureConnection(db: Database): void {
  // One process owns the file, so what it knows of the streams it wrote stays exact: it holds a
  // lock file (`lockFile`), which refuses a second process. The file itself is not locked
  // exclusively, since the process has other connections: the writer thread's reader, a
  // rebuild's folding threads.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Reads of the log and of streams stay in memory: 64 MiB of page cache, 256 MiB mapped.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
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

/** The connection the main thread reads with while a writer thread writes: never writes, same caches. */
export function configureReader(db: Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
}
