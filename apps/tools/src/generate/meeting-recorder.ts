import {
  addDays,
  meetingDecider,
  type LocalDate,
  type MeetingEvent,
  type MeetingState,
  meetingStream,
} from '@baytaq/domain';
import { DecidedStream } from './decided-stream';
import type { Cause, EventWriter } from './event-writer';
import type { OrganisationBook } from './organisation-book';
import type { MeetingPlan } from './plan-types';
import type { SyntheticIds } from './synthetic-ids';

type MeetingStream = DecidedStream<MeetingEvent, MeetingState>;

/** Meeting streams through `meetingDecider`, with the holding organisation's facts (MeetingWriteHandler). */
export class MeetingRecorder {
  /** Meetings entered a second time by mistake, until the copy is retracted. */
  private readonly copies = new Map<MeetingPlan, MeetingStream>();

  constructor(
    private readonly writer: EventWriter,
    private readonly ids: SyntheticIds,
    private readonly orgs: OrganisationBook,
    private readonly today: LocalDate,
  ) {}

  record(meeting: MeetingPlan, cause: Cause): void {
    this.recordAs(meeting, meeting.id, meeting.date, cause);
  }

  /** The same meeting entered again under a new id and with a date nine days off, as a typing slip would. */
  recordCopy(meeting: MeetingPlan, cause: Cause): void {
    this.copies.set(meeting, this.recordAs(meeting, this.ids.next('meeting'), addDays(meeting.date, -9), cause));
  }

  retractCopy(meeting: MeetingPlan, noticedOn: LocalDate, cause: Cause): void {
    const stream = this.copies.get(meeting)!;
    const eventId = stream.state.history.envelopes[0]!.eventId;
    const command = {
      type: 'RetractEvent' as const,
      eventId,
      reason: 'Entered twice, the second time with a wrong date',
    };
    // A copy entered by mistake is never cited: nothing rests on it.
    const retraction = meetingDecider.decide(command, stream.state, { today: noticedOn, decisions: [] });
    stream.record(retraction, 'RetractEvent', { ...cause, today: noticedOn });
  }

  private recordAs(meeting: MeetingPlan, meetingId: string, date: LocalDate, cause: Cause): MeetingStream {
    const stream = new DecidedStream(meetingStream(meetingId), meetingDecider, this.writer, this.ids);
    const { org, kind, place, attendance, quorum, agenda, protocolNumber } = meeting;
    const command = {
      type: 'RecordMeeting' as const,
      meetingId,
      organisationId: org.id,
      kind,
      date,
      place,
      attendance,
      quorum,
      agenda,
      ...(protocolNumber ? { protocolNumber } : {}),
    };
    const context = { today: this.today, organisation: this.orgs.facts(org.id) };
    stream.record(meetingDecider.decide(command, stream.state, context), 'RecordMeeting', cause);
    this.orgs.basis.addMeeting(meetingId, () => stream.state);
    return stream;
  }
}
