import type { Database, Statement } from 'better-sqlite3';
import { type RecordedEvent } from '@baytaq/event-store';
import { type Cell, FACT_TABLES, type Fact, type FactTable, ownerColumn, sameValues } from './facts/fact-tables';
import { type MemberDelta } from './member-counts';

const PLACEMENT = {
  org: FACT_TABLES.placement.indexOf('org_id'),
  from: FACT_TABLES.placement.indexOf('valid_from'),
  to: FACT_TABLES.placement.indexOf('valid_to'),
};

/** The columns of rm_history a projector writes (a retraction fills the last two later). */
const HISTORY_COLUMNS = [
  'stream',
  'revision',
  'event_id',
  'position',
  'type',
  'effective_date',
  'recorded_at',
  'actor',
  'data',
] as const;

/** The columns of a version's row in each fact table: its key, the fact's columns, its transaction time. */
const FACT_ROW = Object.fromEntries(
  Object.entries(FACT_TABLES).map(([t, columns]) => [t, ['key', ...columns, 'recorded_from', 'recorded_to']]),
) as Record<FactTable, string[]>;

/** The columns of an rm_history row: what the projector writes, then what a retraction fills. */
const HISTORY_ROW = [...HISTORY_COLUMNS, 'retracted_at', 'retraction_reason'];

function historyRow(event: RecordedEvent, effectiveDate: string | null): Cell[] {
  const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
  const data = JSON.stringify(event.data);
  return [
    event.stream,
    event.revision,
    event.id,
    event.position,
    event.type,
    effectiveDate,
    event.recordedAt,
    actor,
    data,
  ];
}

/**
 * What the projector writes, whatever it writes into: versions of facts and an organisation's
 * history. This class decides which versions close and open (and so how member counts change); the
 * subclasses write them (`FactWriter` into the tables, `BufferedFactWriter` into rows in memory).
 */
export abstract class FactSink {
  /** Opens a version of the fact at `at`. */
  protected abstract open(f: Fact, at: string): void;
  /** Closes the open version of the fact at `at`. */
  protected abstract close(f: Fact, at: string): void;
  /** Removes the version of the fact opened at `at` and still open. */
  protected abstract removeOpened(f: Fact, at: string): void;
  /** Opens again the version of the fact closed at `at`. */
  protected abstract reopen(f: Fact, at: string): void;
  /** An organisation's event, for its history. */
  abstract history(event: RecordedEvent, effectiveDate: string | null): void;
  /** Marks the history row of a retracted event. */
  abstract retraction(targetId: string, reason: string, recordedAt: string): void;

  /**
   * Writes what changed between two fact sets of a stream, at `recordedAt`: a version that
   * changed or went away is closed, a new or changed one opened. Returns the member deltas: how
   * the counts as known now change.
   */
  diff(before: ReadonlyMap<string, Fact>, after: ReadonlyMap<string, Fact>, recordedAt: string): MemberDelta[] {
    const deltas: MemberDelta[] = [];
    for (const [id, prev] of before) {
      const next = after.get(id);
      if (next && sameValues(next, prev)) continue;
      this.close(prev, recordedAt);
      if (prev.table === 'placement') this.placementDeltas(prev, -1, deltas);
    }
    for (const [id, next] of after) {
      const prev = before.get(id);
      if (prev && sameValues(prev, next)) continue;
      this.open(next, recordedAt);
      if (next.table === 'placement') this.placementDeltas(next, +1, deltas);
    }
    return deltas;
  }

  /**
   * Undoes `diff(before, after, recordedAt)`: the versions it opened go (nobody could see them:
   * they were opened at this very moment) and the ones it closed are open again. What a stream
   * states at the end of a moment is then written once, however many appends made it.
   */
  undo(before: ReadonlyMap<string, Fact>, after: ReadonlyMap<string, Fact>, recordedAt: string): MemberDelta[] {
    const deltas: MemberDelta[] = [];
    for (const [id, next] of after) {
      const prev = before.get(id);
      if (prev && sameValues(prev, next)) continue;
      this.removeOpened(next, recordedAt);
      if (next.table === 'placement') this.placementDeltas(next, -1, deltas);
    }
    for (const [id, prev] of before) {
      const next = after.get(id);
      if (next && sameValues(next, prev)) continue;
      this.reopen(prev, recordedAt);
      if (prev.table === 'placement') this.placementDeltas(prev, +1, deltas);
    }
    return deltas;
  }

  private placementDeltas(f: Fact, sign: number, out: MemberDelta[]): void {
    const orgId = f.values[PLACEMENT.org] as string;
    const from = f.values[PLACEMENT.from] as string;
    const to = f.values[PLACEMENT.to] as string | null;
    out.push({ orgId, day: from, delta: sign });
    if (to !== null) out.push({ orgId, day: to, delta: -sign });
  }
}

/** Writes versions and history into the read-model tables, statement by statement. */
export class FactWriter extends FactSink {
  private readonly insertFact = new Map<FactTable, Statement>();
  private readonly closeFact = new Map<FactTable, Statement>();
  private readonly deleteOpened = new Map<FactTable, Statement>();
  private readonly reopenFact = new Map<FactTable, Statement>();
  private readonly purgeOwner = new Map<FactTable, Statement>();
  private readonly insertHistory: Statement;
  private readonly retractHistory: Statement;
  private readonly advance: Statement;

  constructor(private readonly db: Database) {
    super();
    for (const table of Object.keys(FACT_TABLES) as FactTable[]) {
      // Closing a version passes the fact's first value: its owner.
      const owner = ownerColumn(table);
      // A version is inserted open: every column of its row but the last, `recorded_to`.
      this.insertFact.set(table, db.prepare(insertSql(`rm_${table}`, FACT_ROW[table].slice(0, -1), 1)));
      this.deleteOpened.set(
        table,
        db.prepare(
          `DELETE FROM rm_${table} WHERE ${owner} = ? AND key = ? AND recorded_from = ? AND recorded_to IS NULL`,
        ),
      );
      this.reopenFact.set(
        table,
        db.prepare(`UPDATE rm_${table} SET recorded_to = NULL WHERE ${owner} = ? AND key = ? AND recorded_to = ?`),
      );
      this.closeFact.set(
        table,
        db.prepare(`UPDATE rm_${table} SET recorded_to = ? WHERE ${owner} = ? AND key = ? AND recorded_to IS NULL`),
      );
    }
    this.insertHistory = db.prepare(insertSql('rm_history', HISTORY_COLUMNS, 1));
    this.retractHistory = db.prepare(
      'UPDATE rm_history SET retracted_at = ?, retraction_reason = ? WHERE event_id = ? AND retracted_at IS NULL',
    );
    this.advance = db.prepare('UPDATE rm_checkpoint SET position = ?, events = events + ? WHERE id = 1');
  }

  protected open(f: Fact, at: string): void {
    this.insertFact.get(f.table)!.run(f.key, ...f.values, at);
  }

  protected close(f: Fact, at: string): void {
    this.closeFact.get(f.table)!.run(at, f.values[0], f.key);
  }

  protected removeOpened(f: Fact, at: string): void {
    this.deleteOpened.get(f.table)!.run(f.values[0], f.key, at);
  }

  protected reopen(f: Fact, at: string): void {
    this.reopenFact.get(f.table)!.run(f.values[0], f.key, at);
  }

  history(event: RecordedEvent, effectiveDate: string | null): void {
    this.insertHistory.run(historyRow(event, effectiveDate));
  }

  /** Deletes every version of every fact of the owner in these tables (an erasure, which writes them again). */
  purge(tables: readonly FactTable[], owner: string): void {
    for (const table of tables) {
      let statement = this.purgeOwner.get(table);
      if (!statement) {
        statement = this.db.prepare(`DELETE FROM rm_${table} WHERE ${ownerColumn(table)} = ?`);
        this.purgeOwner.set(table, statement);
      }
      statement.run(owner);
    }
  }

  retraction(targetId: string, reason: string, recordedAt: string): void {
    this.retractHistory.run(recordedAt, reason, targetId);
  }

  checkpoint(position: string, events: number): void {
    this.advance.run(position, events);
  }
}

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
}

/**
 * Rows of whole streams, every version complete with its `recorded_to`: what a rebuild folds and
 * then inserts in bulk (`RowInserter`), in this thread or another. Each array is flat, a row after
 * another, of the columns above.
 */
export interface FactRows {
  /** Per table: `FACT_ROW`. */
  facts: Record<FactTable, Cell[]>;
  /** `HISTORY_ROW`. */
  history: Cell[];
}

const emptyFacts = (): Record<FactTable, Cell[]> =>
  Object.fromEntries(Object.keys(FACT_TABLES).map((t) => [t, []])) as unknown as Record<FactTable, Cell[]>;

/**
 * Keeps the rows in memory instead of writing them, and closes versions in place: a rebuild of
 * empty tables then writes each row once, with no update and no index to find it by. It is fed
 * whole streams, each from its first event, one stream after another (`nextStream` between them),
 * each moment of a stream once: the events of a moment are consecutive in a stream read whole, so
 * a moment is never undone, and a retraction names an event of its own stream (the domain refuses
 * any other), whose history row is here.
 */
export class BufferedFactWriter extends FactSink {
  private rows = emptyFacts();
  private history_: Cell[] = [];
  /** Where the open version of each fact of the current stream starts in its table's rows, by table and key. */
  private readonly opened = Object.fromEntries(
    Object.keys(FACT_TABLES).map((t) => [t, new Map<string, number>()]),
  ) as unknown as Record<FactTable, Map<string, number>>;
  private readonly openedMaps = Object.values(this.opened);
  /** Where the history row of each event of the current stream starts. */
  private readonly historyAt = new Map<string, number>();

  protected open(f: Fact, at: string): void {
    const rows = this.rows[f.table];
    this.opened[f.table].set(f.key, rows.length);
    rows.push(f.key);
    for (const v of f.values) rows.push(v);
    rows.push(at, null);
  }

  protected close(f: Fact, at: string): void {
    const start = this.opened[f.table].get(f.key);
    if (start === undefined) throw new Error(`${f.table} ${f.key} has no open version in this stream`);
    this.rows[f.table][start + FACT_ROW[f.table].length - 1] = at;
    this.opened[f.table].delete(f.key);
  }

  protected removeOpened(f: Fact, at: string): void {
    throw new Error(`${f.table} ${f.key}: the moment ${at} came twice; a stream read whole has each moment once`);
  }

  protected reopen(f: Fact, at: string): void {
    this.removeOpened(f, at);
  }

  /**
   * The next facts are another stream's. A fact's versions are found by its key within its
   * stream, as the statements find them by owner and key.
   */
  nextStream(): void {
    for (const map of this.openedMaps) if (map.size > 0) map.clear();
    this.historyAt.clear();
  }

  history(event: RecordedEvent, effectiveDate: string | null): void {
    this.historyAt.set(event.id, this.history_.length);
    for (const v of historyRow(event, effectiveDate)) this.history_.push(v);
    this.history_.push(null, null);
  }

  retraction(targetId: string, reason: string, recordedAt: string): void {
    const start = this.historyAt.get(targetId);
    if (start === undefined) throw new Error(`retracted event ${targetId} is not an earlier event of its stream`);
    const retractedAt = start + HISTORY_COLUMNS.length;
    if (this.history_[retractedAt] === null) {
      this.history_[retractedAt] = recordedAt;
      this.history_[retractedAt + 1] = reason;
    }
  }

  /** The rows since the last call, and a fresh start. */
  take(): FactRows {
    const out: FactRows = { facts: this.rows, history: this.history_ };
    this.rows = emptyFacts();
    this.history_ = [];
    this.nextStream();
    return out;
  }
}

/** Rows per INSERT statement: binding a hundred rows at once costs far less than a hundred calls. */
const ROWS_PER_INSERT = 100;

/** Inserts `FactRows` into the read-model tables, many rows per statement. */
export class RowInserter {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  insert(rows: FactRows): void {
    for (const table of Object.keys(FACT_TABLES) as FactTable[]) {
      this.insertFlat(`rm_${table}`, FACT_ROW[table], rows.facts[table]);
    }
    this.insertFlat('rm_history', HISTORY_ROW, rows.history);
  }

  private insertFlat(table: string, columns: readonly string[], flat: Cell[]): void {
    const width = columns.length;
    const count = flat.length / width;
    let row = 0;
    for (; row + ROWS_PER_INSERT <= count; row += ROWS_PER_INSERT) {
      this.statement(table, columns, ROWS_PER_INSERT).run(flat.slice(row * width, (row + ROWS_PER_INSERT) * width));
    }
    if (row < count) this.statement(table, columns, count - row).run(flat.slice(row * width));
  }

  private statement(table: string, columns: readonly string[], rows: number): Statement {
    const name = `${table}:${rows}`;
    let statement = this.statements.get(name);
    if (!statement) this.statements.set(name, (statement = this.db.prepare(insertSql(table, columns, rows))));
    return statement;
  }
}
