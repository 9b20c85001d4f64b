import type Database from 'better-sqlite3';
import { addDays } from '@baytaq/domain';
import { type MemberCounts, readModelTables } from '@baytaq/read-models';

/** Every read-model row, per table, as sorted JSON lines: two builds of the read models compare equal when these do. */
export function readModelRows(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of readModelTables()) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
    // rm_history's seq is the order rows were written in; a rebuild writes them stream by stream.
    for (const row of rows) delete row['seq'];
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The member counts of every organisation on every `step`-th day from `from` to `to`, as one sorted list. */
export function countsOverTime(counts: MemberCounts, from: string, to: string, step = 7): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, step)) {
    for (const [org, count] of counts.countsOn(day)) if (count !== 0) out.push(`${day} ${org} ${count}`);
  }
  return out.sort();
}
