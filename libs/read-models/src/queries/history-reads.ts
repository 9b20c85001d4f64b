import type { Database, Statement } from 'better-sqlite3';
import { type Basis, type MultilingualName, type PersonName, organisationStream } from '@baytaq/domain';
import { type HistoryEntry, type Succession, type SuccessionEntry } from './read-types';
import { known, parseJson } from './temporal';

interface HistoryRow {
  event_id: string;
  revision: number;
  position: string;
  type: string;
  effective_date: string | null;
  recorded_at: string;
  actor: string | null;
  data: string;
  retracted_at: string | null;
  retraction_reason: string | null;
}

interface TenureRow {
  tenure_id: string;
  person_id: string;
  method: string;
  end_reason: string | null;
  start_basis: string | null;
  end_basis: string | null;
  valid_from: string;
  valid_to: string | null;
  name: string | null;
}

type TenureEntry = Extract<SuccessionEntry, { kind: 'tenure' }>;

/** An organisation's log as recorded, and the succession of a post. */
export class HistoryReads {
  private readonly history: Statement;
  private readonly post: Statement;
  private readonly tenures: Statement;
  private readonly revision: Statement;

  constructor(db: Database) {
    this.history = db.prepare(
      `SELECT event_id, revision, position, type, effective_date, recorded_at, actor, data, retracted_at, retraction_reason
       FROM rm_history WHERE stream = @stream AND recorded_at <= @knownAt AND revision > @after
       ORDER BY revision LIMIT @limit`,
    );
    this.revision = db.prepare(
      'SELECT max(revision) AS revision FROM rm_history WHERE stream = @stream AND recorded_at <= @knownAt',
    );
    this.post = db.prepare(
      `SELECT p.post_id, p.org_id, p.title, p.seats, p.valid_from, p.valid_to FROM rm_post p
       WHERE p.post_id = @id AND ${known('p')}`,
    );
    this.tenures = db.prepare(
      `SELECT t.tenure_id, t.person_id, t.method, t.end_reason, t.start_basis, t.end_basis, t.valid_from, t.valid_to,
              per.name
       FROM rm_tenure t LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       WHERE t.post_id = @id AND ${known('t')} ORDER BY t.valid_from, t.tenure_id`,
    );
  }

  /** An organisation stream's last revision recorded by `knownAt` (the ETag of what is read from it), or null. */
  organisationRevision(organisationId: string, knownAt: string): number | null {
    const stream = organisationStream(organisationId);
    return (this.revision.get({ stream, knownAt }) as { revision: number | null }).revision;
  }

  /**
   * The events of the organisation's stream recorded by `knownAt`, retracted ones marked, in
   * revision order: after revision `after` (default: from the first), at most `limit` (default: all).
   */
  organisationHistory(
    organisationId: string,
    knownAt: string,
    { after = -1, limit = -1 }: { after?: number; limit?: number } = {},
  ): HistoryEntry[] {
    const stream = organisationStream(organisationId);
    const rows = this.history.all({ stream, knownAt, after, limit }) as HistoryRow[];
    return rows.map((r) => {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const retracted = r.retracted_at !== null && r.retracted_at <= knownAt;
      return {
        eventId: r.event_id,
        revision: r.revision,
        position: r.position,
        type: r.type,
        effectiveDate: r.effective_date,
        recordedAt: r.recorded_at,
        actor: r.actor,
        basis: (data.basis as Basis | undefined) ?? null,
        data,
        retracted: retracted ? { at: r.retracted_at!, reason: r.retraction_reason ?? '' } : null,
      };
    });
  }

  /**
   * The post's tenures in order, each with the tenure it followed and the one that followed it,
   * and the days with no holder at all as vacancies.
   */
  succession(postId: string, knownAt: string): Succession | null {
    const post = this.post.get({ id: postId, knownAt }) as
      | {
          post_id: string;
          org_id: string;
          title: string;
          seats: number | null;
          valid_from: string;
          valid_to: string | null;
        }
      | undefined;
    if (!post) return null;
    const tenures = (this.tenures.all({ id: postId, knownAt }) as TenureRow[]).map(toEntry);
    linkSuccessors(tenures);
    return {
      postId,
      organisationId: post.org_id,
      title: JSON.parse(post.title) as MultilingualName,
      seats: post.seats,
      from: post.valid_from,
      to: post.valid_to,
      entries: withVacancies(tenures, post.valid_from, post.valid_to),
    };
  }
}

function toEntry(r: TenureRow): TenureEntry {
  return {
    kind: 'tenure',
    tenureId: r.tenure_id,
    personId: r.person_id,
    name: parseJson<PersonName>(r.name) ?? null,
    from: r.valid_from,
    to: r.valid_to,
    method: r.method,
    endReason: r.end_reason,
    basis: parseJson<Basis>(r.start_basis) ?? null,
    endBasis: parseJson<Basis>(r.end_basis) ?? null,
    predecessorId: null,
    successorId: null,
  };
}

/**
 * A tenure's predecessor is the latest-ending earlier tenure that had ended by its start (the
 * seat it took); each tenure is the predecessor of one successor at most.
 */
function linkSuccessors(tenures: TenureEntry[]): void {
  for (const t of tenures) {
    const candidates = tenures.filter((p) => p !== t && p.to !== null && p.to <= t.from && p.successorId === null);
    const predecessor = candidates.sort((a, b) => (a.to! < b.to! ? 1 : a.to! > b.to! ? -1 : 0))[0];
    if (!predecessor) continue;
    t.predecessorId = predecessor.tenureId;
    predecessor.successorId = t.tenureId;
  }
}

/** Inserts the gaps of the post's life in which nobody held it. */
function withVacancies(tenures: TenureEntry[], from: string, to: string | null): SuccessionEntry[] {
  const out: SuccessionEntry[] = [];
  let coveredUntil: string | null = from;
  for (const t of tenures) {
    if (coveredUntil !== null && coveredUntil < t.from) out.push({ kind: 'vacancy', from: coveredUntil, to: t.from });
    out.push(t);
    if (coveredUntil !== null) coveredUntil = t.to === null ? null : t.to > coveredUntil ? t.to : coveredUntil;
  }
  if (coveredUntil !== null && (to === null || coveredUntil < to))
    out.push({ kind: 'vacancy', from: coveredUntil, to });
  return out;
}
