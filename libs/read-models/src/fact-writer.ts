import type { Database, Statement } from 'better-sqlite3';
import { type RecordedEvent } from '@baytaq/event-store';
import { FACT_TABLES, type Fact, type FactTable, ownerColumn } from './facts/fact-tables';
import { type MemberDelta } from './member-counts';

const PLACEMENT = {
  org: FACT_TABLES.placement.indexOf('org_id'),
  from: FACT_TABLES.placement.indexOf('valid_from'),
  to: FACT_TABLES.placement.indexOf('valid_to'),
};

/** The statements that write the read models: versions of facts, the history, revisions, deltas. */
export class FactWriter {
  private readonly insertFact = new Map<FactTable, Statement>();
  private readonly closeFact = new Map<FactTable, Statement>();
  private readonly insertHistory: Statement;
  private readonly retractHistory: Statement;
  private readonly deleteOpened = new Map<FactTable, Statement>();
  private readonly reopen = new Map<FactTable, Statement>();
  private readonly insertDelta: Statement;
  private readonly advance: Statement;

  constructor(db: Database) {
    for (const [table, columns] of Object.entries(FACT_TABLES) as Array<[FactTable, readonly string[]]>) {
      // Closing a version passes the fact's first value: its owner.
      const owner = ownerColumn(table);
      const cols = ['key', ...columns, 'recorded_from'];
      this.insertFact.set(
        table,
        db.prepare(`INSERT INTO rm_${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
      );
      this.deleteOpened.set(
        table,
        db.prepare(
          `DELETE FROM rm_${table} WHERE ${owner} = ? AND key = ? AND recorded_from = ? AND recorded_to IS NULL`,
        ),
      );
      this.reopen.set(
        table,
        db.prepare(`UPDATE rm_${table} SET recorded_to = NULL WHERE ${owner} = ? AND key = ? AND recorded_to = ?`),
      );
      this.closeFact.set(
        table,
        db.prepare(`UPDATE rm_${table} SET recorded_to = ? WHERE ${owner} = ? AND key = ? AND recorded_to IS NULL`),
      );
    }
    this.insertHistory = db.prepare(
      `INSERT INTO rm_history (stream, revision, event_id, position, type, effective_date, recorded_at, actor, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.retractHistory = db.prepare(
      'UPDATE rm_history SET retracted_at = ?, retraction_reason = ? WHERE event_id = ? AND retracted_at IS NULL',
    );
    this.insertDelta = db.prepare('INSERT INTO rm_member_delta (org_id, day, recorded_at, delta) VALUES (?, ?, ?, ?)');
    this.advance = db.prepare('UPDATE rm_checkpoint SET position = ?, events = events + ? WHERE id = 1');
  }

  /**
   * Writes what changed between two fact sets of a stream, at `recordedAt`: a version that
   * changed or went away is closed, a new or changed one opened. Returns the member deltas.
   */
  diff(before: ReadonlyMap<string, Fact>, after: ReadonlyMap<string, Fact>, recordedAt: string): MemberDelta[] {
    const deltas: MemberDelta[] = [];
    for (const [id, prev] of before) {
      const next = after.get(id);
      if (next && next.sig === prev.sig) continue;
      this.closeFact.get(prev.table)!.run(recordedAt, prev.values[0], prev.key);
      if (prev.table === 'placement') this.placementDeltas(prev, -1, recordedAt, deltas);
    }
    for (const [id, next] of after) {
      const prev = before.get(id);
      if (prev && prev.sig === next.sig) continue;
      this.insertFact.get(next.table)!.run(next.key, ...next.values, recordedAt);
      if (next.table === 'placement') this.placementDeltas(next, +1, recordedAt, deltas);
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
      if (prev && prev.sig === next.sig) continue;
      this.deleteOpened.get(next.table)!.run(next.values[0], next.key, recordedAt);
      if (next.table === 'placement') this.placementDeltas(next, -1, recordedAt, deltas);
    }
    for (const [id, prev] of before) {
      const next = after.get(id);
      if (next && next.sig === prev.sig) continue;
      this.reopen.get(prev.table)!.run(prev.values[0], prev.key, recordedAt);
      if (prev.table === 'placement') this.placementDeltas(prev, +1, recordedAt, deltas);
    }
    return deltas;
  }

  private placementDeltas(f: Fact, sign: number, recordedAt: string, out: MemberDelta[]): void {
    const orgId = f.values[PLACEMENT.org] as string;
    const from = f.values[PLACEMENT.from] as string;
    const to = f.values[PLACEMENT.to] as string | null;
    out.push({ orgId, day: from, delta: sign });
    if (to !== null) out.push({ orgId, day: to, delta: -sign });
    this.insertDelta.run(orgId, from, recordedAt, sign);
    if (to !== null) this.insertDelta.run(orgId, to, recordedAt, -sign);
  }

  history(event: RecordedEvent, effectiveDate: string | null): void {
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    this.insertHistory.run(
      event.stream,
      event.revision,
      event.id,
      event.position,
      event.type,
      effectiveDate,
      event.recordedAt,
      actor,
      JSON.stringify(event.data),
    );
  }

  retraction(targetId: string, reason: string, recordedAt: string): void {
    this.retractHistory.run(recordedAt, reason, targetId);
  }

  checkpoint(position: string, events: number): void {
    this.advance.run(position, events);
  }
}
