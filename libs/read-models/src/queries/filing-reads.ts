import type { Database, Statement } from 'better-sqlite3';
import { type Basis, idOfStream, type MultilingualName, type PersonName } from '@baytaq/domain';
import { known, parseJson } from './temporal';

/** A tenure as known at a moment, with its post and holder: what a leadership filing pairs. */
export interface FilingTenure {
  tenureId: string;
  postId: string;
  organisationId: string;
  postTitle: MultilingualName | null;
  postRole: string | null;
  personId: string;
  name: PersonName | null;
  method: string;
  endReason: string | null;
  from: string;
  to: string | null;
  startBasis: Basis | null;
  endBasis: Basis | null;
}

/** A meeting's minutes as known at a moment: the basis a leadership filing shows. */
export interface FilingMeeting {
  meetingId: string;
  organisationId: string;
  kind: string;
  date: string;
  place: string;
  attendance: number;
  quorum: number | null;
  protocolNumber: string | null;
}

/** One entry of an organisation's log, with its retraction when there was one (as known now). */
export interface RecordedChange {
  eventId: string;
  organisationId: string;
  type: string;
  effectiveDate: string | null;
  recordedAt: string;
  actor: string | null;
  data: Record<string, unknown>;
  retracted: { at: string; reason: string } | null;
}

/** The questions a regulatory filing asks that no read endpoint does. */
export class FilingReads {
  private readonly tenures: Statement;
  private readonly meeting: Statement;
  private readonly changes: Statement;

  constructor(db: Database) {
    // Every tenure of each post that changed hands in the period: the pairing needs the post's
    // earlier holders too (the predecessor of a tenure begun in the period may have ended long before).
    this.tenures = db.prepare(
      `SELECT t.tenure_id, t.post_id, t.org_id, t.person_id, t.method, t.end_reason, t.start_basis, t.end_basis,
              t.valid_from, t.valid_to, p.title, p.role, per.name
       FROM rm_tenure t
       LEFT JOIN rm_post p ON p.post_id = t.post_id AND ${known('p')}
       LEFT JOIN rm_person per ON per.person_id = t.person_id AND ${known('per')}
       WHERE ${known('t')} AND t.post_id IN (
         SELECT c.post_id FROM rm_tenure c WHERE ${known('c')}
           AND ((c.valid_from >= @from AND c.valid_from <= @to) OR (c.valid_to >= @from AND c.valid_to <= @to)))
       ORDER BY t.post_id, t.valid_from, t.tenure_id`,
    );
    this.meeting = db.prepare(
      `SELECT m.meeting_id, m.org_id, m.kind, m.date, m.place, m.attendance, m.quorum, m.protocol_number
       FROM rm_meeting m WHERE m.meeting_id = @id AND ${known('m')}`,
    );
    this.changes = db.prepare(
      `SELECT event_id, stream, type, effective_date, recorded_at, actor, data, retracted_at, retraction_reason
       FROM rm_history WHERE type IN (SELECT value FROM json_each(@types))
       ORDER BY length(position), position`, // log order for either store's positions, however the rows were written
    );
  }

  /** Tenures (as known at `knownAt`) of every post with a tenure starting or ending from `from` to `to` inclusive. */
  tenuresAround(period: { from: string; to: string }, knownAt: string): FilingTenure[] {
    const rows = this.tenures.all({ ...period, knownAt }) as Array<Record<string, string | null>>;
    return rows.map((r) => ({
      tenureId: r['tenure_id']!,
      postId: r['post_id']!,
      organisationId: r['org_id']!,
      postTitle: parseJson<MultilingualName>(r['title'] ?? null) ?? null,
      postRole: r['role'] ?? null,
      personId: r['person_id']!,
      name: parseJson<PersonName>(r['name'] ?? null) ?? null,
      method: r['method']!,
      endReason: r['end_reason'] ?? null,
      from: r['valid_from']!,
      to: r['valid_to'] ?? null,
      startBasis: parseJson<Basis>(r['start_basis'] ?? null) ?? null,
      endBasis: parseJson<Basis>(r['end_basis'] ?? null) ?? null,
    }));
  }

  meetingOf(id: string, knownAt: string): FilingMeeting | null {
    const r = this.meeting.get({ id, knownAt }) as Record<string, string | number | null> | undefined;
    if (!r) return null;
    return {
      meetingId: String(r['meeting_id']),
      organisationId: String(r['org_id']),
      kind: String(r['kind']),
      date: String(r['date']),
      place: String(r['place']),
      attendance: Number(r['attendance']),
      quorum: r['quorum'] === null ? null : Number(r['quorum']),
      protocolNumber: r['protocol_number'] === null ? null : String(r['protocol_number']),
    };
  }

  /** Every entry of the organisations' logs of these types, in log order, as known now. */
  changesOfTypes(types: readonly string[]): RecordedChange[] {
    const rows = this.changes.all({ types: JSON.stringify(types) }) as Array<Record<string, string | null>>;
    // rm_history holds organisation streams only (the projector writes no other).
    return rows.map((r) => ({
      eventId: r['event_id']!,
      organisationId: idOfStream(r['stream']!),
      type: r['type']!,
      effectiveDate: r['effective_date'] ?? null,
      recordedAt: r['recorded_at']!,
      actor: r['actor'] ?? null,
      data: JSON.parse(r['data']!) as Record<string, unknown>,
      retracted: r['retracted_at'] ? { at: r['retracted_at'], reason: r['retraction_reason'] ?? '' } : null,
    }));
  }
}
