import type { Database, Statement } from 'better-sqlite3';
import { type Basis, type MultilingualName, type PersonName } from '@baytaq/domain';
import { type MeetingReads, type MeetingRecord } from './meeting-reads';
import { type Holder } from './read-types';
import { type AsOf, known, parseJson, validOn } from './temporal';

/** A post, with its holders on the day asked about. */
export interface PostRecord {
  postId: string;
  organisationId: string;
  title: MultilingualName;
  role: string;
  seats: number | null;
  /** Its lifetime, clipped to its organisation's: [from, to). */
  from: string;
  to: string | null;
  holders: Holder[];
}

/** A basis as recorded, with the minutes of the meeting it names (null when none, or unknown then). */
export interface BasisWithMeeting {
  basis: Basis;
  meeting: MeetingRecord | null;
}

/** A tenure: who held which post when, how it began and ended, and on what basis. */
export interface TenureRecord {
  tenureId: string;
  postId: string;
  organisationId: string;
  postTitle: MultilingualName | null;
  role: string | null;
  personId: string;
  name: PersonName | null;
  method: string;
  from: string;
  to: string | null;
  endReason: string | null;
  basis: BasisWithMeeting | null;
  endBasis: BasisWithMeeting | null;
}

interface PostRow {
  post_id: string;
  org_id: string;
  title: string;
  role: string;
  seats: number | null;
  valid_from: string;
  valid_to: string | null;
}

interface TenureRow {
  tenure_id: string;
  post_id: string;
  org_id: string;
  person_id: string;
  method: string;
  end_reason: string | null;
  start_basis: string | null;
  end_basis: string | null;
  valid_from: string;
  valid_to: string | null;
  name: string | null;
  title: string | null;
  role: string | null;
}

/** One post or one tenure by id, as of a day and as known at a moment. */
export class PostTenureReads {
  private readonly post: Statement;
  private readonly holders: Statement;
  private readonly tenure: Statement;

  constructor(
    db: Database,
    private readonly meetings: MeetingReads,
  ) {
    this.post = db.prepare(
      `SELECT p.post_id, p.org_id, p.title, p.role, p.seats, p.valid_from, p.valid_to
       FROM rm_post p WHERE p.post_id = @id AND ${known('p')}`,
    );
    this.holders = db.prepare(
      `SELECT t.tenure_id, t.person_id, t.method, t.valid_from, t.valid_to, per.name
       FROM rm_tenure t LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       WHERE t.post_id = @id AND ${known('t')} AND ${validOn('t')} ORDER BY t.valid_from, t.tenure_id`,
    );
    this.tenure = db.prepare(
      `SELECT t.tenure_id, t.post_id, t.org_id, t.person_id, t.method, t.end_reason, t.start_basis, t.end_basis,
              t.valid_from, t.valid_to, per.name, p.title, p.role
       FROM rm_tenure t
       LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       LEFT JOIN rm_post p ON p.post_id = t.post_id AND ${known('p')}
       WHERE t.tenure_id = @id AND ${known('t')}`,
    );
  }

  postById(id: string, q: AsOf): PostRecord | null {
    const p = this.post.get({ id, knownAt: q.knownAt }) as PostRow | undefined;
    if (!p) return null;
    const holders = (this.holders.all({ id, ...q }) as Array<Record<string, string | null>>).map((h): Holder => ({
      tenureId: h['tenure_id']!,
      personId: h['person_id']!,
      name: parseJson<PersonName>(h['name'] ?? null) ?? null,
      method: h['method']!,
      from: h['valid_from']!,
      to: h['valid_to'] ?? null,
    }));
    return {
      postId: p.post_id,
      organisationId: p.org_id,
      title: JSON.parse(p.title) as MultilingualName,
      role: p.role,
      seats: p.seats,
      from: p.valid_from,
      to: p.valid_to,
      holders,
    };
  }

  tenureById(id: string, knownAt: string): TenureRecord | null {
    const t = this.tenure.get({ id, knownAt }) as TenureRow | undefined;
    if (!t) return null;
    return {
      tenureId: t.tenure_id,
      postId: t.post_id,
      organisationId: t.org_id,
      postTitle: parseJson<MultilingualName>(t.title) ?? null,
      role: t.role,
      personId: t.person_id,
      name: parseJson<PersonName>(t.name) ?? null,
      method: t.method,
      from: t.valid_from,
      to: t.valid_to,
      endReason: t.end_reason,
      basis: this.withMeeting(parseJson<Basis>(t.start_basis), knownAt),
      endBasis: this.withMeeting(parseJson<Basis>(t.end_basis), knownAt),
    };
  }

  private withMeeting(basis: Basis | undefined, knownAt: string): BasisWithMeeting | null {
    if (!basis) return null;
    const meeting = basis.meetingId === undefined ? null : this.meetings.meeting(basis.meetingId, knownAt);
    return { basis, meeting };
  }
}
