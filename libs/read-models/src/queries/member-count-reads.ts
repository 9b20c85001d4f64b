import type { Database, Statement } from 'better-sqlite3';
import { type MemberCounts } from '../member-counts';
import { type AsOf, KNOWN_NOW, known, validOn } from './temporal';

/**
 * Members per organisation on a day. As known now, from the counts in memory; as known at an
 * earlier moment, from the versions of placements the registry held then.
 */
export class MemberCountReads {
  private readonly atKnown: Statement;

  constructor(
    db: Database,
    private readonly counts: MemberCounts,
    /** Whether a moment is at or after the last the read models hold: then the counts in memory answer. */
    private readonly isNow: (knownAt: string) => boolean = (knownAt) => knownAt === KNOWN_NOW,
  ) {
    // A scan of the table: walking the (org_id, valid_from) index for the grouping instead fetches
    // each row apart. On a million members: 0.9 s against 2.7 s.
    this.atKnown = db.prepare(
      `SELECT p.org_id, count(*) AS count FROM rm_placement p NOT INDEXED WHERE ${known('p')} AND ${validOn('p')} GROUP BY p.org_id`,
    );
  }

  countsOn(q: AsOf): Map<string, number> {
    if (this.isNow(q.knownAt)) return this.counts.countsOn(q.asOf);
    const rows = this.atKnown.all(q) as Array<{ org_id: string; count: number }>;
    return new Map(rows.map((r) => [r.org_id, r.count]));
  }
}
