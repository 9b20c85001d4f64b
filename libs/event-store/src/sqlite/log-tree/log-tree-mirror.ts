import Database from 'better-sqlite3';
import { canonicalJson } from '@baytaq/integrity';
import type { EventStore, RecordedEvent } from '../../event-store.port';
import { EVENT_COLUMNS, type EventRow } from '../sqlite-event-queries';
import { configureConnection, migrateEventTables } from '../sqlite-schema';
import { LogTreeUpkeep } from './log-tree-upkeep';

/** The mirror's file in the data directory. */
export const LOG_TREE_MIRROR_FILE = 'log-tree.sqlite';

/**
 * The log's Merkle tree for a store that keeps none (KurrentDB): a file of its own holding the
 * store's events as it holds them (people's fields sealed), in the order a follower of its log
 * read them, as canonical JSON in the embedded store's columns, with the tree kept in the same
 * transactions by the same code. So the tree reader, the records of `/v1/log`, the start check
 * and `npm run verify` read it as they read the embedded store. Leaf n is the mirrored event at
 * position n + 1; `source_position` is where the store holds it.
 */
export class LogTreeMirror {
  private readonly upkeep: LogTreeUpkeep;
  private readonly insertRow: Database.Statement<[string, string, number, string, string, string, string, string]>;
  private readonly lastSource: Database.Statement<[], { source_position: string }>;
  private readonly appendAll: (events: readonly RecordedEvent[]) => void;

  private constructor(readonly db: Database.Database) {
    this.upkeep = LogTreeUpkeep.open(db);
    this.insertRow = db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at, source_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.lastSource = db.prepare('SELECT source_position FROM events ORDER BY position DESC LIMIT 1');
    this.appendAll = db.transaction((events: readonly RecordedEvent[]) => this.insert(events));
  }

  static open(file: string): LogTreeMirror {
    const db = new Database(file);
    configureConnection(db);
    // The embedded store's events table, and where the store holds each event.
    migrateEventTables(db);
    const columns = db.prepare("SELECT name FROM pragma_table_info('events')").pluck().all();
    if (!columns.includes('source_position')) db.exec('ALTER TABLE events ADD COLUMN source_position TEXT');
    db.exec('CREATE UNIQUE INDEX IF NOT EXISTS events_source_position ON events (source_position)');
    return new LogTreeMirror(db);
  }

  /** Where the store holds the last event mirrored; undefined while nothing is. */
  lastSourcePosition(): string | undefined {
    return this.lastSource.get()?.source_position;
  }

  /** Mirrors the next events of the store's log, read in its order, and hashes them: one transaction. */
  append(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    try {
      this.appendAll(events);
    } catch (error) {
      this.upkeep.rolledBack();
      throw error;
    }
    this.upkeep.committed();
  }

  close(): void {
    this.db.close();
  }

  private insert(events: readonly RecordedEvent[]): void {
    const mirrored: RecordedEvent[] = [];
    const json: Array<{ data: string; metadata: string }> = [];
    for (const event of events) {
      const texts = { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) };
      const { id, stream, revision, type, recordedAt, position: source } = event;
      const info = this.insertRow.run(id, stream, revision, type, texts.data, texts.metadata, recordedAt, source);
      mirrored.push({ ...event, position: String(info.lastInsertRowid) });
      json.push(texts);
    }
    this.upkeep.accept(this.upkeep.appendStored(mirrored, json));
  }
}

/** A store whose log a mirror can follow: its events as it holds them. */
export type MirroredStore = Required<Pick<EventStore, 'readAllAsStored'>>;

export const canBeMirrored = (store: EventStore): store is EventStore & MirroredStore =>
  typeof store.readAllAsStored === 'function';

const COMPARED_PAGE = 5_000;

/**
 * The first difference between the mirror's last `leaves` events (a mirror file's connection,
 * read only) and the store's log from there on: an event changed, missing or moved in the store
 * since it was hashed, named by its leaf's event position; undefined when they agree. Read page
 * by page, so that the whole log can be compared (`npm run verify`).
 */
export async function mirrorDifference(
  mirrorDb: Database.Database,
  store: MirroredStore,
  leaves: number,
): Promise<string | undefined> {
  const size = (mirrorDb.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const page = mirrorDb.prepare(
    `SELECT ${EVENT_COLUMNS}, source_position FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  );
  let position = Math.max(0, size - leaves);
  let after =
    position > 0
      ? (
          mirrorDb.prepare('SELECT source_position FROM events WHERE position = ?').get(position) as {
            source_position: string;
          }
        ).source_position
      : undefined;
  for (;;) {
    const rows = page.all(position, COMPARED_PAGE) as Array<EventRow & { source_position: string }>;
    if (rows.length === 0) return undefined;
    const held = await store.readAllAsStored({ ...(after ? { after } : {}), maxCount: rows.length });
    for (const [i, row] of rows.entries()) {
      const event = held[i];
      if (!event) return `event at position ${row.position}: event missing (the store's log ends before it)`;
      if (event.id !== row.id) {
        return `event at position ${row.position}: order changed or event missing (the store holds ${event.id} there, the tree hashed ${row.id})`;
      }
      const same =
        event.stream === row.stream &&
        event.revision === row.revision &&
        event.type === row.type &&
        event.recordedAt === row.recorded_at &&
        canonicalJson(event.data) === row.data &&
        canonicalJson(event.metadata) === row.metadata;
      if (!same)
        return `event at position ${row.position}: data changed (the store holds event ${row.id} otherwise than the tree hashed it)`;
    }
    position = rows[rows.length - 1]!.position;
    after = rows[rows.length - 1]!.source_position;
  }
}

/**
 * Keeps a mirror of a store's log, and so its tree, from the mirror's own checkpoint (its last
 * source position): reads the log as held in batches, mirrors each batch in one transaction, and
 * when it has read everything waits `idleMs` before it looks again. A failing store is tried again
 * after the same wait. What the tree publishes is only what the mirror has hashed.
 */
export class LogTreeFollower {
  private closed = false;
  private running: Promise<void> | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(
    private readonly store: MirroredStore,
    private readonly mirror: LogTreeMirror,
    private readonly options: { batch?: number; idleMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  /**
   * Mirrors what the store holds beyond the mirror now; the number of events mirrored. Calls run
   * one after the other (the follow loop's and a caller's that needs the tree current), so that
   * no two read from the same checkpoint.
   */
  catchUp(): Promise<number> {
    const run = this.turn.then(() => this.mirrorAll());
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async mirrorAll(): Promise<number> {
    const batch = this.options.batch ?? 500;
    let mirrored = 0;
    for (;;) {
      const after = this.mirror.lastSourcePosition();
      const events = await this.store.readAllAsStored({ ...(after ? { after } : {}), maxCount: batch });
      if (this.closed) return mirrored;
      this.mirror.append(events);
      mirrored += events.length;
      if (events.length < batch) return mirrored;
    }
  }

  start(): void {
    this.running ??= this.follow();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.running;
  }

  private async follow(): Promise<void> {
    while (!this.closed) {
      try {
        await this.catchUp();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        // Unref'd: a follower never keeps a process alive by itself (the service's server does).
        const timer = setTimeout(resolve, this.options.idleMs ?? 200).unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
