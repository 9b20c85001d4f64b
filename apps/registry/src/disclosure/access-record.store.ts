import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ACCESS_RECORD_FILE = 'access.sqlite';

/** One read of personal data, as recorded: who, through what, when, under which request. Ids only. */
export interface AccessEntry {
  /** Its place in the record, increasing: the list's order and its cursor. */
  id: number;
  at: string;
  /** The API key's name (never the key, nor its hash). */
  actor: string;
  /** Method and route as the OpenAPI document names it, e.g. `GET /v1/people/{id}`. */
  endpoint: string;
  /** The path as asked: route parameters are ids; the query string (a search may hold a name) is not kept. */
  path: string;
  requestId: string;
  correlationId: string | null;
  personIds: string[];
}

export type NewAccessEntry = Omit<AccessEntry, 'id'>;

export interface AccessFilter {
  personId?: string;
  actor?: string;
  /** Included. */
  from?: string;
  /** Excluded. */
  to?: string;
  afterId: number;
  limit: number;
}

const toBlob = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const fromBlob = (blob: Buffer): string => {
  const h = blob.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

interface ReadRow {
  id: number;
  at: string;
  actor: string;
  endpoint: string;
  path: string;
  request_id: string;
  correlation_id: string | null;
}

/**
 * The record of reads of personal data, in a file of its own beside the store: a record the
 * service keeps about its readers, not a fact of the registry (it is not in the log, and an
 * erasure does not touch it: it holds no personal data, only ids). One row per read, and the
 * people it disclosed in a side table keyed by person, 16-byte ids: a member list of 10,000 is
 * one read row and 10,000 small index entries. WAL with synchronous=FULL: `append` returns once
 * the commit is on disk, so the answer it precedes can never be sent without its record.
 */
export class AccessRecordStore {
  private readonly db: Database.Database;
  private readonly insertRead: Database.Statement;
  private readonly insertSubject: Database.Statement;
  private readonly subjectsOf: Database.Statement<[number], { person_id: Buffer }>;
  private readonly append$: (entry: NewAccessEntry) => number;

  constructor(dataDir: string | null) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, ACCESS_RECORD_FILE) : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS access_read (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, endpoint TEXT NOT NULL, path TEXT NOT NULL,
        request_id TEXT NOT NULL, correlation_id TEXT, subjects INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS access_read_actor ON access_read (actor, id);
      CREATE INDEX IF NOT EXISTS access_read_at ON access_read (at);
      CREATE TABLE IF NOT EXISTS access_subject (
        person_id BLOB NOT NULL, read_id INTEGER NOT NULL, PRIMARY KEY (person_id, read_id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS access_subject_read ON access_subject (read_id);`);
    this.insertRead = this.db.prepare(
      `INSERT INTO access_read (at, actor, endpoint, path, request_id, correlation_id, subjects)
       VALUES (@at, @actor, @endpoint, @path, @requestId, @correlationId, @subjects)`,
    );
    this.insertSubject = this.db.prepare('INSERT OR IGNORE INTO access_subject (person_id, read_id) VALUES (?, ?)');
    this.subjectsOf = this.db.prepare('SELECT person_id FROM access_subject WHERE read_id = ? ORDER BY person_id');
    this.append$ = this.db.transaction((entry: NewAccessEntry) => {
      const { personIds, ...read } = entry;
      const id = Number(this.insertRead.run({ ...read, subjects: personIds.length }).lastInsertRowid);
      for (const personId of personIds) this.insertSubject.run(toBlob(personId), id);
      return id;
    });
  }

  /** Records one read, durably (the commit's fsync) before it returns; returns its id. */
  append(entry: NewAccessEntry): number {
    return this.append$(entry);
  }

  /** Reads in the order recorded, after `afterId`, that match every filter given. */
  list(filter: AccessFilter): AccessEntry[] {
    const where = ['r.id > @afterId'];
    const params: Record<string, string | number | Buffer> = { afterId: filter.afterId, limit: filter.limit };
    const match = (column: string, op: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`r.${column} ${op} @${name}`);
      params[name] = value;
    };
    match('actor', '=', 'actor', filter.actor);
    match('at', '>=', 'from', filter.from);
    match('at', '<', 'to', filter.to);
    if (filter.personId !== undefined) {
      where.push('r.id IN (SELECT read_id FROM access_subject WHERE person_id = @person)');
      params['person'] = toBlob(filter.personId);
    }
    const rows = this.db
      .prepare(`SELECT r.* FROM access_read r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT @limit`)
      .all(params) as ReadRow[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      endpoint: r.endpoint,
      path: r.path,
      requestId: r.request_id,
      correlationId: r.correlation_id,
      personIds: this.subjectsOf.all(r.id).map((s) => fromBlob(s.person_id)),
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
