import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson } from '@baytaq/integrity';
import { parseSequencePosition } from '../sequence-position';
import type { EventToAppend, JsonObject, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { sealingOf } from '../sealing/attached-sealing';
import type { StoreSealing } from '../sealing/store-sealing';

/** An events row as the store keeps it: data and metadata as the JSON stored. */
export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** An event as the store keeps it: its data and metadata as the JSON that is stored. */
export interface SerializedEvent {
  id: string;
  type: string;
  json: { data: string; metadata: string };
}

/** Serialises events once, where they enter the store: a throw there fails that append alone. */
export function serializeEvents(events: EventToAppend[]): SerializedEvent[] {
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    json: { data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata ?? {}) },
  }));
}

/** An event's data and metadata as JSON values. */
export interface ParsedJson {
  data: JsonObject;
  metadata: JsonObject;
}

/**
 * The event with its data and metadata rewritten as RFC 8785 canonical JSON, the form the log's
 * tree hashes (issue 14), so that a leaf is hashed from the stored text without parsing it; and
 * those values as every later read of the row gives them: parsed from the canonical text, so that
 * their members come in its order (the inline projection and a rebuild then write the same JSON).
 */
export function canonicalEvent(event: SerializedEvent): { event: SerializedEvent; parsed: ParsedJson } {
  const json = {
    data: canonicalJson(JSON.parse(event.json.data)),
    metadata: canonicalJson(JSON.parse(event.json.metadata)),
  };
  const parsed = { data: JSON.parse(json.data) as JsonObject, metadata: JSON.parse(json.metadata) as JsonObject };
  return { event: { id: event.id, type: event.type, json }, parsed };
}

/** A serialised event as stored at `position`, its JSON parsed (or taken as parsed already). */
export function recordedEvent(
  event: SerializedEvent,
  stream: string,
  revision: number,
  position: number,
  recordedAt: string,
  parsed?: ParsedJson,
): RecordedEvent {
  return {
    id: event.id,
    stream,
    revision,
    position: String(position),
    type: event.type,
    data: parsed ? parsed.data : JSON.parse(event.json.data),
    metadata: parsed ? parsed.metadata : JSON.parse(event.json.metadata),
    recordedAt,
  };
}

export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at';
const NO_LIMIT = -1;

/**
 * The prepared statements of the events table, and the mapping of its rows. Through a connection
 * with sealing attached (`attachSealing`), what it reads comes unsealed.
 */
export class SqliteEventQueries {
  private readonly sealing: StoreSealing | undefined;
  private readonly byId: Statement<[string], EventRow>;
  private readonly revision: Statement<[string], { revision: number }>;
  private readonly insertRow: Statement<[string, string, number, string, string, string, string]>;
  private readonly forwards: Statement<[string, number, number], EventRow>;
  private readonly backwards: Statement<[string, number, number], EventRow>;
  private readonly head: Statement<[], { position: number | null }>;
  private readonly lastRecorded: Statement<[], { recorded_at: string }>;
  private readonly filtered = new Map<string, Statement<unknown[], EventRow>>();
  private byStream: Statement<[string, string, number, number]> | undefined;

  constructor(private readonly db: Database) {
    this.sealing = sealingOf(db);
    this.byId = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`);
    this.revision = db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.insertRow = db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.forwards = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    this.backwards = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.head = db.prepare('SELECT max(position) AS position FROM events');
    this.lastRecorded = db.prepare('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1');
  }

  findByIds(ids: string[]): RecordedEvent[] {
    const found: RecordedEvent[] = [];
    for (const id of ids) {
      const row = this.byId.get(id);
      if (row) found.push(this.toRecorded(row));
    }
    return found;
  }

  /** The stream's last revision, -1 when it does not exist. */
  streamRevision(stream: string): number {
    return this.revision.get(stream)?.revision ?? -1;
  }

  insert(
    event: SerializedEvent,
    stream: string,
    revision: number,
    recordedAt: string,
    parsed?: ParsedJson,
  ): RecordedEvent {
    const { data, metadata } = event.json;
    const info = this.insertRow.run(event.id, stream, revision, event.type, data, metadata, recordedAt);
    return recordedEvent(event, stream, revision, Number(info.lastInsertRowid), recordedAt, parsed);
  }

  readStream(stream: string, options: ReadStreamOptions): RecordedEvent[] {
    const limit = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.backwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.forwards.all(stream, options.fromRevision ?? 0, limit);
    return rows.map((row) => this.toRecorded(row));
  }

  /** `upTo`: the last position to read (a writer thread's commit is read only once acknowledged). */
  readAll(options: ReadAllOptions, upTo = Number.MAX_SAFE_INTEGER): RecordedEvent[] {
    const types = options.filter?.eventTypes;
    const prefixes = options.filter?.streamPrefixes;
    const key = `${types?.length ?? -1}:${prefixes?.length ?? -1}`;
    let statement = this.filtered.get(key);
    if (!statement) {
      const where = ['position > ?', 'position <= ?'];
      if (types) where.push(types.length ? `type IN (${types.map(() => '?').join(',')})` : '0');
      if (prefixes) {
        where.push(prefixes.length ? `(${prefixes.map(() => 'substr(stream, 1, ?) = ?').join(' OR ')})` : '0');
      }
      statement = this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`,
      );
      this.filtered.set(key, statement);
    }
    const params: unknown[] = [parseSequencePosition(options.after), upTo];
    if (types) params.push(...types);
    if (prefixes) for (const p of prefixes) params.push(p.length, p);
    params.push(options.maxCount ?? NO_LIMIT);
    return statement.all(...params).map((row) => this.toRecorded(row));
  }

  /**
   * Events of the streams named from `from` (inclusive) to `to` (exclusive), stream by stream and
   * each in revision order, up to position `upTo`: at most `limit` of them. For folding whole
   * streams (a rebuild of read models reads the whole log so): each event's metadata is parsed
   * only when it is first read.
   */
  readStreamRange(from: string, to: string, upTo: number, limit: number): RecordedEvent[] {
    this.byStream ??= this.db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream >= ? AND stream < ? AND position <= ? ORDER BY stream, revision LIMIT ?`,
      )
      .raw(true);
    const rows = this.byStream.all(from, to, upTo, limit) as unknown as RawEventRow[];
    const sealing = this.sealing;
    return rows.map((row) => (sealing ? sealing.open(new FoldedEvent(row)) : new FoldedEvent(row)));
  }

  headPosition(): string | undefined {
    const position = this.head.get()?.position;
    return position === null || position === undefined ? undefined : String(position);
  }

  lastRecordedAt(): string | undefined {
    return this.lastRecorded.get()?.recorded_at;
  }

  ping(): void {
    this.head.get();
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const event = toRecorded(row);
    return this.sealing ? this.sealing.open(event) : event;
  }
}

/** An events row as an array, in the order of `EVENT_COLUMNS`. */
type RawEventRow = [number, string, string, number, string, string, string, string];

/** A stored event whose metadata JSON is parsed when first read: folds read only the data. */
class FoldedEvent implements RecordedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  /** Not readonly: unsealing replaces it once, right after the row is read. */
  data: JsonObject;
  readonly recordedAt: string;
  private readonly metadataJson: string;
  private parsedMetadata: JsonObject | undefined;

  constructor(row: RawEventRow) {
    this.position = String(row[0]);
    this.id = row[1];
    this.stream = row[2];
    this.revision = row[3];
    this.type = row[4];
    this.data = JSON.parse(row[5]) as JsonObject;
    this.metadataJson = row[6];
    this.recordedAt = row[7];
  }

  get metadata(): JsonObject {
    return (this.parsedMetadata ??= JSON.parse(this.metadataJson) as JsonObject);
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: String(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
}
