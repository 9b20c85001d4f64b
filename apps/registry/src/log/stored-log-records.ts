import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, storedRecord, type StoredEventRow } from '@baytaq/event-store';
import { type LogRecord } from '@baytaq/integrity';

/** A leaf's record with its place in the tree. */
export type LeafRecord = LogRecord & { leafIndex: number };

type EventRow = StoredEventRow;

const leafRecord = (row: EventRow): LeafRecord => ({ leafIndex: row.position - 1, ...storedRecord(row) });

/**
 * The log's records as the embedded store holds them (personal data sealed: the bytes the tree
 * hashed), read through the service's read connection. Leaf n is the event at position n + 1.
 */
export class StoredLogRecords {
  private readonly rows: Database.Statement<[number, number], EventRow>;
  private readonly streamRows: Database.Statement<[string, number], EventRow>;
  private readonly recordedAtOf: Database.Statement<[number], { recorded_at: string }>;

  constructor(db: Database.Database) {
    this.rows = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`,
    );
    this.streamRows = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND position <= ? ORDER BY revision`,
    );
    this.recordedAtOf = db.prepare('SELECT recorded_at FROM events WHERE position = ?');
  }

  /** Leaves `start` to `end - 1`. */
  range(start: number, end: number): LeafRecord[] {
    return this.rows.all(start, end).map(leafRecord);
  }

  /** The events of a stream among the first `size` leaves. */
  ofStream(stream: string, size: number): LeafRecord[] {
    return this.streamRows.all(stream, size).map(leafRecord);
  }

  /**
   * How many of the first `size` leaves were recorded by `knownAt`: the tree a read as known at
   * that moment rests on. Recorded-at never decreases along the log, so a binary search finds it.
   */
  sizeAt(knownAt: string, size: number): number {
    let known = 0;
    let unknown = size + 1;
    while (unknown - known > 1) {
      const middle = Math.floor((known + unknown) / 2);
      const row = this.recordedAtOf.get(middle);
      if (row !== undefined && row.recorded_at <= knownAt) known = middle;
      else unknown = middle;
    }
    return known;
  }
}
