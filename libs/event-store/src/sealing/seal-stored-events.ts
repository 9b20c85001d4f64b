import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { JsonObject } from '../event-store.port';
import type { StoreSealing } from './store-sealing';

interface PlainRow {
  position: number;
  id: string;
  stream: string;
  type: string;
  data: string;
}

/** Where the plaintext file is copied while its rows are rewritten; deleted once the rewrite is in the file. */
export const sealingBackupOf = (file: string) => `${file}.sealing-backup`;

function truncateWal(db: Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (result?.busy !== 0) throw new Error(`${db.name}: the WAL could not be checkpointed after sealing its events`);
}

/**
 * Seals the people's events that a store written before sealing (or by a writer without it)
 * holds in plain text, once, at start, before anything reads the log: the file is copied to a
 * backup, the rows are rewritten sealed in one transaction, the WAL is checkpointed and the file
 * vacuumed (so that no page of the old plaintext stays in it), and only then is the backup, which
 * holds the plaintext, deleted. A start after a crash midway finds the rows still plain (the
 * transaction is atomic) and does it again. Rows checked are remembered by position
 * (`event_sealing`), so a start reads only what was appended since. Returns how many were sealed.
 */
export function sealStoredEvents(db: Database, sealing: StoreSealing): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS event_sealing (id INTEGER PRIMARY KEY CHECK (id = 1), checked_to INTEGER NOT NULL)',
  );
  const checkedTo = (db.prepare('SELECT checked_to FROM event_sealing WHERE id = 1').pluck().get() as number) ?? 0;
  const head = (db.prepare('SELECT max(position) FROM events').pluck().get() as number | null) ?? 0;
  if (head <= checkedTo) return 0;
  const { streamPrefix, fields } = sealing.config;
  const types = Object.keys(fields);
  const rows = db
    .prepare(
      `SELECT position, id, stream, type, data FROM events
       WHERE position > ? AND substr(stream, 1, ?) = ? AND type IN (${types.map(() => '?').join(', ')})
         AND json_type(data, '$.sealed') IS NULL ORDER BY position`,
    )
    .all(checkedTo, streamPrefix.length, streamPrefix, ...types) as PlainRow[];
  const plain = rows.filter((row) => {
    const data = JSON.parse(row.data) as JsonObject;
    return fields[row.type]!.some((f) => f in data);
  });
  const mark = db.prepare('INSERT OR REPLACE INTO event_sealing (id, checked_to) VALUES (1, ?)');
  if (plain.length === 0) {
    mark.run(head);
    return 0;
  }
  const backup = sealingBackupOf(db.name);
  rmSync(backup, { force: true });
  db.prepare('VACUUM INTO ?').run(backup);
  sealing.keys.ensure(plain.map((row) => row.stream.slice(streamPrefix.length)));
  const update = db.prepare('UPDATE events SET data = ? WHERE position = ?');
  db.transaction(() => {
    for (const row of plain) {
      const sealed = sealing.sealer.seal(row.stream, row.id, row.type, JSON.parse(row.data) as JsonObject);
      update.run(JSON.stringify(sealed), row.position);
    }
    mark.run(head);
  })();
  truncateWal(db);
  db.exec('VACUUM');
  truncateWal(db);
  rmSync(backup, { force: true });
  return plain.length;
}
