import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { withReadAhead } from './read-ahead';
import { FACT_QUERY_INDEXES, FACT_TABLES, type FactTable, ownerColumn } from './facts/fact-tables';

/**
 * Raised whenever what the projections write changes: a store whose read models were built by
 * another version is rebuilt from the log at start.
 */
export const READ_MODEL_VERSION = 6;

const table = (name: FactTable) => `rm_${name}`;

/** Each table's indexes: the owner's (`_i0`), which finds a fact's open version, then the queries' (`_i1`…). */
function indexDdl(name: FactTable): string {
  const index = (i: number, cols: string[]) =>
    `CREATE INDEX IF NOT EXISTS ${table(name)}_i${i} ON ${table(name)} (${cols.join(', ')});`;
  return [[ownerColumn(name)], ...FACT_QUERY_INDEXES[name]].map((cols, i) => index(i, cols)).join('\n');
}

function factTableDdl(name: FactTable): string {
  const columns = FACT_TABLES[name].join(', ');
  return `
    CREATE TABLE IF NOT EXISTS ${table(name)} (
      key TEXT NOT NULL, ${columns}, recorded_from TEXT NOT NULL, recorded_to TEXT
    );`;
}

const OTHER_TABLES = `
  CREATE TABLE IF NOT EXISTS rm_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, position TEXT, events INTEGER NOT NULL
  );
  -- An organisation's own log as historians read it; a retraction marks the row, it deletes nothing.
  CREATE TABLE IF NOT EXISTS rm_history (
    seq INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL,
    position TEXT NOT NULL, type TEXT NOT NULL, effective_date TEXT, recorded_at TEXT NOT NULL,
    actor TEXT, data TEXT NOT NULL, retracted_at TEXT, retraction_reason TEXT
  );
`;

const OTHER_INDEXES = `
  CREATE INDEX IF NOT EXISTS rm_history_stream ON rm_history (stream, revision);
  CREATE INDEX IF NOT EXISTS rm_history_event ON rm_history (event_id);
  -- The decisions a meeting's minutes are the basis of (GET /v1/meetings/{id}); only events that cite one.
  CREATE INDEX IF NOT EXISTS rm_history_meeting ON rm_history (json_extract(data, '$.basis.meetingId'))
    WHERE json_extract(data, '$.basis.meetingId') IS NOT NULL;`;

export function readModelTables(): string[] {
  return [...Object.keys(FACT_TABLES).map((t) => table(t as FactTable)), 'rm_checkpoint', 'rm_history'];
}

/** Tables earlier versions wrote and this one does not: dropped with the rest on a rebuild. */
const RETIRED_TABLES = ['rm_revision', 'rm_member_delta'];

/**
 * Creates what is missing. `indexes: false` leaves every index out: a rebuild writes millions of
 * rows into empty tables faster without them, and builds them once at the end (`createIndexes`),
 * sorted in bulk.
 */
export function createReadModelTables(db: Database, { indexes = true } = {}): void {
  const names = Object.keys(FACT_TABLES) as FactTable[];
  db.exec(names.map((n) => factTableDdl(n)).join('\n') + OTHER_TABLES);
  if (indexes) createIndexes(db);
  // Tables left without indexes are for a rebuild, which sets the version when it is done: until
  // then, a start finds them of no version and rebuilds again.
  db.prepare('INSERT OR IGNORE INTO rm_checkpoint (id, version, position, events) VALUES (1, ?, NULL, 0)').run(
    indexes ? READ_MODEL_VERSION : 0,
  );
}

export function createIndexes(db: Database): void {
  db.exec((Object.keys(FACT_TABLES) as FactTable[]).map((n) => indexDdl(n)).join('\n') + OTHER_INDEXES);
}

/** Stores at least this large are read ahead while their read models are dropped (`withReadAhead`). */
const READ_AHEAD_FROM = 256 * 1024 * 1024;

export function dropReadModelTables(db: Database): void {
  const drop = () =>
    db.exec([...readModelTables(), ...RETIRED_TABLES].map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n'));
  if (!db.memory && statSync(db.name).size >= READ_AHEAD_FROM) withReadAhead(db.name, drop);
  else drop();
}

export interface Checkpoint {
  version: number;
  position: string | null;
  events: number;
}

export function readCheckpoint(db: Database): Checkpoint | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rm_checkpoint'").get();
  if (!exists) return null;
  return (db.prepare('SELECT version, position, events FROM rm_checkpoint WHERE id = 1').get() as Checkpoint) ?? null;
}
