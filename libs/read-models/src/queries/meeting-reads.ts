import type { Database, Statement } from 'better-sqlite3';
import { type Basis, idOfStream } from '@baytaq/domain';
import { known } from './temporal';

/** A meeting's public record: its minutes' facts, as known at a moment. */
export interface MeetingRecord {
  meetingId: string;
  organisationId: string;
  kind: string;
  date: string;
  place: string;
  attendance: number;
  quorum: number | null;
  protocolNumber: string | null;
  agenda: string[];
}

/** A decision recorded on a meeting's basis: an organisation's event that cites it. */
export interface MeetingDecision {
  eventId: string;
  type: string;
  /** The organisation whose stream holds the decision (a founding: the organisation founded). */
  organisationId: string;
  effectiveDate: string | null;
  recordedAt: string;
  basis: Basis;
  /** The event's data as recorded: what was decided (a post's title, a tenure's holder, …). */
  data: Record<string, unknown>;
  /** Set when the entry was retracted by the moment asked about. */
  retracted: { at: string; reason: string } | null;
}

interface MeetingRow {
  meeting_id: string;
  org_id: string;
  kind: string;
  date: string;
  place: string;
  attendance: number;
  quorum: number | null;
  protocol_number: string | null;
  agenda: string;
}

interface DecisionRow {
  event_id: string;
  stream: string;
  type: string;
  effective_date: string | null;
  recorded_at: string;
  data: string;
  retracted_at: string | null;
  retraction_reason: string | null;
}

const COLUMNS = 'm.meeting_id, m.org_id, m.kind, m.date, m.place, m.attendance, m.quorum, m.protocol_number, m.agenda';

/** The expression `rm_history_meeting` indexes: the meeting an event's basis names. */
export const CITED_MEETING = "json_extract(h.data, '$.basis.meetingId')";

const toRecord = (r: MeetingRow): MeetingRecord => ({
  meetingId: r.meeting_id,
  organisationId: r.org_id,
  kind: r.kind,
  date: r.date,
  place: r.place,
  attendance: r.attendance,
  quorum: r.quorum,
  protocolNumber: r.protocol_number,
  agenda: JSON.parse(r.agenda) as string[],
});

/**
 * Meetings and what was decided on their basis, readable both ways: a meeting lists every
 * decision that cites it (retracted ones marked), an organisation lists the meetings it held.
 */
export class MeetingReads {
  private readonly one: Statement;
  private readonly decisionsOf: Statement;
  private readonly heldBy: Statement;
  private readonly upTo: Statement;

  constructor(db: Database) {
    this.one = db.prepare(`SELECT ${COLUMNS} FROM rm_meeting m WHERE m.meeting_id = @id AND ${known('m')}`);
    this.decisionsOf = db.prepare(
      `SELECT h.event_id, h.stream, h.type, h.effective_date, h.recorded_at, h.data, h.retracted_at, h.retraction_reason
       FROM rm_history h WHERE ${CITED_MEETING} = @id AND h.recorded_at <= @knownAt
       ORDER BY h.recorded_at, h.stream, h.revision`,
    );
    this.heldBy = db.prepare(
      `SELECT ${COLUMNS} FROM rm_meeting m
       WHERE m.org_id = @id AND m.date >= @from AND m.date <= @to AND ${known('m')} ORDER BY m.date, m.meeting_id`,
    );
    this.upTo = db.prepare(
      `SELECT ${COLUMNS} FROM rm_meeting m WHERE m.date <= @asOf AND ${known('m')} ORDER BY m.meeting_id`,
    );
  }

  meeting(id: string, knownAt: string): MeetingRecord | null {
    const row = this.one.get({ id, knownAt }) as MeetingRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Every organisation event recorded by `knownAt` whose basis names the meeting, in the order recorded. */
  decisions(id: string, knownAt: string): MeetingDecision[] {
    return (this.decisionsOf.all({ id, knownAt }) as DecisionRow[]).map((r) => {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      const retracted = r.retracted_at !== null && r.retracted_at <= knownAt;
      return {
        eventId: r.event_id,
        type: r.type,
        organisationId: idOfStream(r.stream),
        effectiveDate: r.effective_date,
        recordedAt: r.recorded_at,
        basis: data['basis'] as Basis,
        data,
        retracted: retracted ? { at: r.retracted_at!, reason: r.retraction_reason ?? '' } : null,
      };
    });
  }

  /** The meetings the organisation held from `from` to `to`, both days included, in date order. */
  heldByOrganisation(organisationId: string, range: { from: string; to: string }, knownAt: string): MeetingRecord[] {
    return (this.heldBy.all({ id: organisationId, ...range, knownAt }) as MeetingRow[]).map(toRecord);
  }

  /** Every meeting held by `asOf`, ordered by id: the Popolo export's events. */
  heldUpTo(asOf: string, knownAt: string): MeetingRecord[] {
    return (this.upTo.all({ asOf, knownAt }) as MeetingRow[]).map(toRecord);
  }
}
