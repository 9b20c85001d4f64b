import {
  type Decider,
  decideRetraction,
  emptyHistory,
  type EventRetracted,
  type RetractEvent,
  type StreamHistory,
} from '../shared/decider';
import {
  accept,
  type Decision,
  domainError,
  type DomainError,
  firstError,
  refuse,
  reject,
} from '../shared/domain-error';
import { type BaseContext, checkEffectiveDate, checkOneOf, checkText, compact, required } from '../shared/event-data';
import { type CitingDecision, NO_NEEDS, type OrganisationSummary } from '../shared/cross-stream';
import { contains } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { asRecorded, checkCleanText, checkCount } from '../shared/clean-text';

/** The stream `meeting-<uuid>`: a meeting whose minutes are the basis that foundings and tenures cite. */

export const MEETING_KINDS = ['congress', 'conference', 'general_meeting', 'council_session', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingData {
  meetingId: string;
  organisationId: string;
  kind: MeetingKind;
  date: LocalDate;
  place: string;
  /** Members present. */
  attendance: number;
  /** Members whose presence the charter requires for valid decisions; omitted when not known. */
  quorum?: number;
  /** Omitted when the minutes are not at hand: unknown stays unknown, never invented. */
  protocolNumber?: string;
  agenda: string[];
}

export interface MeetingRecorded {
  type: 'MeetingRecorded';
  data: MeetingData & { effectiveDate: LocalDate };
}

export type MeetingEvent = MeetingRecorded | EventRetracted;

export interface RecordMeeting extends MeetingData {
  type: 'RecordMeeting';
}

export type MeetingCommand = RecordMeeting | RetractEvent;

export interface MeetingContext extends BaseContext {
  /** The holding organisation's `organisationSummary`; needed by RecordMeeting only. */
  organisation?: OrganisationSummary | null;
  /** The live events citing this meeting; needed to retract its record. */
  decisions?: readonly CitingDecision[];
}

export interface MeetingState {
  history: StreamHistory<MeetingEvent>;
  meeting: MeetingRecorded['data'] | null;
}

export const initialMeetingState: MeetingState = { history: emptyHistory, meeting: null };

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingRecorded':
      return { ...state, meeting: event.data };
    case 'EventRetracted':
      return state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Nothing inside a meeting stream can contradict itself; what cites the meeting lives elsewhere. */
export function checkMeetingInvariants(): DomainError | null {
  return null;
}

const MAX_AGENDA_ITEMS = 100;

function checkOrganisation(c: RecordMeeting, facts: OrganisationSummary | null): DomainError | null {
  if (facts === null || facts.organisationId !== c.organisationId) {
    return domainError('meeting.organisation_not_found', `No organisation ${c.organisationId}`, {
      organisationId: c.organisationId,
    });
  }
  if (contains(facts.lifetime, c.date)) return null;
  const code = c.date < facts.lifetime.from ? 'organisation.not_active' : 'organisation.dissolved';
  return domainError(code, `Organisation ${c.organisationId} does not exist on ${c.date}`, {
    lifetime: facts.lifetime,
  });
}

function decideRecord(c: RecordMeeting, state: MeetingState, context: MeetingContext): Decision<MeetingEvent> {
  if (state.meeting)
    return reject('meeting.already_recorded', `Meeting ${state.meeting.meetingId} is already recorded`);
  const error = firstError(
    () => checkText(c.meetingId, 'meetingId', { max: 100 }),
    () => checkEffectiveDate(c.date, context.today, 'date'),
    () => checkOneOf(c.kind, MEETING_KINDS, 'kind'),
    () => checkCleanText(c.place, 'place', { max: 300 }),
    () => checkCleanText(c.protocolNumber, 'protocolNumber', { max: 100, required: false }),
    () => checkCount(c.attendance, 'attendance'),
    () => (c.quorum === undefined ? null : checkCount(c.quorum, 'quorum')),
    () =>
      Array.isArray(c.agenda) && c.agenda.length <= MAX_AGENDA_ITEMS
        ? firstError(...c.agenda.map((item, i) => () => checkCleanText(item, `agenda.${i}`, { max: 1000 })))
        : domainError('field.invalid', `agenda is a list of at most ${MAX_AGENDA_ITEMS} items`, { field: 'agenda' }),
    () => checkOrganisation(c, required(context.organisation, 'organisation')),
  );
  if (error) return refuse(error);
  const { meetingId, organisationId, kind, date, place, attendance, quorum, protocolNumber, agenda } = c;
  return accept([
    {
      type: 'MeetingRecorded',
      data: compact({
        meetingId,
        organisationId,
        kind,
        date,
        effectiveDate: date,
        place: asRecorded(place),
        attendance,
        quorum,
        protocolNumber: asRecorded(protocolNumber),
        agenda: agenda.map(asRecorded),
      }),
    },
  ]);
}

/** Standing decisions rest on the meeting: its record cannot be taken back from under them. */
function checkNoDecisions(state: MeetingState, command: RetractEvent, context: MeetingContext): DomainError | null {
  const target = state.history.envelopes.find((e) => e.eventId === command.eventId)?.event;
  if (target?.type !== 'MeetingRecorded' || state.history.retracted.has(command.eventId)) return null;
  const decisions = required(context.decisions, 'decisions');
  if (decisions.length === 0) return null;
  return domainError(
    'meeting.has_decisions',
    `${decisions.length} standing decision(s) rest on meeting ${target.data.meetingId}: retract them first`,
    { meetingId: target.data.meetingId, eventIds: decisions.map((d) => d.eventId) },
  );
}

export function decideMeetingCommand(
  command: MeetingCommand,
  state: MeetingState,
  context: MeetingContext,
): Decision<MeetingEvent> {
  switch (command.type) {
    case 'RecordMeeting':
      return decideRecord(command, state, context);
    case 'RetractEvent': {
      const standing = checkNoDecisions(state, command, context);
      return standing ? refuse(standing) : decideRetraction(meetingDecider, command, state, context);
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, MeetingContext> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeetingCommand,
  needs: (command, state) => {
    if (command.type === 'RecordMeeting')
      return { organisation: { load: 'organisation', organisationId: command.organisationId } };
    const meetingId = state.meeting?.meetingId;
    return meetingId ? { decisions: { load: 'decisionsCiting', meetingId } } : NO_NEEDS;
  },
  checkInvariants: checkMeetingInvariants,
};
