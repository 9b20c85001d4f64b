import type { Database, Statement } from 'better-sqlite3';
import { type FactTable } from '../facts/fact-tables';

/** A read-model row as stored: its columns, `recorded_from`/`recorded_to` included. */
export type StoredRow = Record<string, string | number | null>;

/** The tables that hold a person's facts, each with the column naming the person. */
const PERSON_TABLES: ReadonlyArray<[FactTable, string]> = [
  ['person', 'person_id'],
  ['person_token', 'person_id'],
  ['placement', 'person_id'],
  ['suspension', 'person_id'],
  ['tenure', 'person_id'],
];

/**
 * Every version of every read-model row about a person, current and past, as stored: what a
 * subject access request is owed beside the events (API.md, "Personal data": the export).
 */
export class PersonRecordReads {
  private readonly byTable: ReadonlyArray<[FactTable, Statement]>;

  constructor(db: Database) {
    this.byTable = PERSON_TABLES.map(([name, column]) => [
      name,
      db.prepare(`SELECT * FROM rm_${name} WHERE ${column} = ? ORDER BY recorded_from, key`),
    ]);
  }

  everyVersion(personId: string): Partial<Record<FactTable, StoredRow[]>> {
    const rows: Partial<Record<FactTable, StoredRow[]>> = {};
    for (const [name, statement] of this.byTable) rows[name] = statement.all(personId) as StoredRow[];
    return rows;
  }
}
