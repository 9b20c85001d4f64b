import type { Database, Statement } from 'better-sqlite3';
import type { PersonName } from '@baytaq/domain';
import { known } from './temporal';

/** A former member due for review: every membership ended on or before the cutoff, and no post ever held. */
export interface RetentionCandidate {
  personId: string;
  name: PersonName;
  /** The day their last membership ended. */
  membershipEndedOn: string;
}

/**
 * The retention report's question, as known at a moment: people not erased whose every placement
 * has ended, the last on or before `cutoff`, and who held no post (a tenure, retracted or not, makes
 * them an officer, whose name is public and whose history stays). Paged by person id.
 */
export class RetentionReads {
  private readonly candidates: Statement;

  constructor(db: Database) {
    this.candidates = db.prepare(`
      SELECT p.person_id AS personId, p.name AS name, max(pl.membership_to) AS ended
        FROM rm_person p
        JOIN rm_placement pl ON pl.person_id = p.person_id AND ${known('pl')}
       WHERE ${known('p')} AND p.erased_on IS NULL AND p.person_id > @after
         AND NOT EXISTS (SELECT 1 FROM rm_tenure t WHERE t.person_id = p.person_id AND t.recorded_from <= @knownAt)
       GROUP BY p.person_id
      HAVING count(*) = count(pl.membership_to) AND max(pl.membership_to) <= @cutoff
       ORDER BY p.person_id
       LIMIT @limit`);
  }

  due(q: { cutoff: string; knownAt: string }, after: string, limit: number): RetentionCandidate[] {
    const rows = this.candidates.all({ ...q, after, limit }) as Array<{
      personId: string;
      name: string;
      ended: string;
    }>;
    return rows.map((r) => ({
      personId: r.personId,
      name: JSON.parse(r.name) as PersonName,
      membershipEndedOn: r.ended,
    }));
  }
}
