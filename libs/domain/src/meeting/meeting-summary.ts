import { type Envelope } from '../shared/decider';
import { type AncestryLink, type MeetingSummary } from '../shared/cross-stream';
import { compact } from '../shared/event-data';
import { type MeetingEvent, type MeetingRecorded, type MeetingState } from './meeting.decider';

/** The stream's record of the meeting: the live one, else (all retracted) the last one. */
function recordOf(state: MeetingState): Envelope<MeetingRecorded> | undefined {
  const records = state.history.envelopes.filter(
    (e): e is Envelope<MeetingRecorded> & Envelope<MeetingEvent> => e.event.type === 'MeetingRecorded',
  );
  return records.find((e) => !state.history.retracted.has(e.eventId)) ?? records[records.length - 1];
}

/**
 * What a decision citing this meeting needs to know of it (even once its record is retracted,
 * which the rules refuse by name); null when the stream holds no meeting. `heldBy` is the holding
 * organisation's ancestry, which lives in other streams.
 */
export function meetingSummary(state: MeetingState, heldBy: AncestryLink[]): MeetingSummary | null {
  const recorded = recordOf(state);
  if (!recorded) return null;
  const m = recorded.event.data;
  return compact({
    meetingId: m.meetingId,
    heldBy,
    kind: m.kind,
    date: m.date,
    place: m.place,
    attendance: m.attendance,
    quorum: m.quorum,
    protocolNumber: m.protocolNumber,
    retracted: state.history.retracted.has(recorded.eventId),
  });
}

/** The organisation whose meeting the stream records, retracted or not: its ancestry goes into the summary. */
export function meetingHolderId(state: MeetingState): string | null {
  return recordOf(state)?.event.data.organisationId ?? null;
}
