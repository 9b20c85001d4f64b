import type { Database, Statement } from 'better-sqlite3';
import { type MemberCounts } from '../member-counts';
import { type AsOf, KNOWN_NOW } from './temporal';

/**
 * Members per organisation on a day. As known now, from the counts in memory; as known at an
 * earlier moment, from the recorded deltas: a version's +1/-1 and its closing's -1/+1 cancel
 * once both were recorded by then.
 */
export class MemberCountReads {
  private readonly atKnown: Statement;

  constructor(
    db: Database,
    private readonly counts: MemberCounts,
  ) {
    this.atKnown = db.prepare(
      `SELECT org_id, SUM(delta) AS count FROM rm_member_delta WHERE day <= @asOf AND recorded_at <= @knownAt
       GROUP BY org_id`,
    );
  }

  countsOn(q: AsOf): Map<string, number> {
    if (q.knownAt === KNOWN_NOW) return this.counts.countsOn(q.asOf);
    const rows = this.atKnown.all(q) as Array<{ org_id: string; count: number }>;
    return new Map(rows.map((r) => [r.org_id, r.count]));
  }
}
