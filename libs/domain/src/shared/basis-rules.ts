import { type Basis } from './basis';
import { type AncestryLink, type ContextNeeds, type MeetingSummary, NO_NEEDS } from './cross-stream';
import { domainError, type DomainError, firstError } from './domain-error';
import { type BaseContext, required } from './event-data';
import { type LocalDate } from './local-date';

/**
 * The rules of DOMAIN.md "Decisions and their meetings": a decision whose basis names a meeting
 * rests on minutes that exist, were not retracted, were taken on or before the decision's day,
 * by a meeting competent for the organisation concerned, quorate, with votes that add up and carry.
 */

/** One decision of a command as the rules see it: its basis, its day, and where the basis is in the request. */
export interface BasedDecision {
  basis: Basis | undefined;
  effectiveDate: LocalDate;
  /** The basis' path in the request: `basis`, or `end.basis` for an end recorded with its start. */
  field: string;
}

/** A command's decision, and the end it records with its start (a tenure's, a membership's) when it does. */
export function decisionAndEnd(command: {
  basis?: Basis;
  effectiveDate: LocalDate;
  end?: { basis?: Basis; effectiveDate: LocalDate };
}): BasedDecision[] {
  const decision: BasedDecision = { basis: command.basis, effectiveDate: command.effectiveDate, field: 'basis' };
  const { end } = command;
  return end ? [decision, { basis: end.basis, effectiveDate: end.effectiveDate, field: 'end.basis' }] : [decision];
}

/** What the rules need, loaded for the commands that cite a meeting (`basisNeeds`). */
export interface BasisContext extends BaseContext {
  /** The meetings cited, by id; an unknown id is left out. */
  meetings?: Readonly<Record<string, MeetingSummary>>;
  /**
   * The organisation the decision concerns and its ancestors, nearest first. For a founding, the
   * parent's: the new organisation is not among them, so it cannot found itself.
   */
  ancestry?: readonly AncestryLink[];
}

/** Bodies whose meetings decide nothing for an organisation: they count votes or audit. */
const NON_DECIDING_BODIES: readonly string[] = ['counting_commission', 'audit_commission'];

const citing = (meetingId: string, field: string, more: Record<string, unknown> = {}) => ({
  meetingId,
  field: `${field}.meetingId`,
  ...more,
});

export function meetingRecorded(meetingId: string, field: string, meeting: MeetingSummary | undefined) {
  return meeting
    ? null
    : domainError('basis.meeting_not_found', `No meeting ${meetingId} is recorded`, citing(meetingId, field));
}

export function meetingNotRetracted(meeting: MeetingSummary, field: string): DomainError | null {
  if (!meeting.retracted) return null;
  return domainError(
    'basis.meeting_retracted',
    `The record of meeting ${meeting.meetingId} was retracted: nothing can rest on it`,
    citing(meeting.meetingId, field),
  );
}

export function meetingHeldByThen(meeting: MeetingSummary, effectiveDate: LocalDate, field: string) {
  if (meeting.date <= effectiveDate) return null;
  return domainError(
    'basis.meeting_after_decision',
    `Meeting ${meeting.meetingId} was held on ${meeting.date}, after the decision's date ${effectiveDate}`,
    citing(meeting.meetingId, field, { meetingDate: meeting.date, effectiveDate }),
  );
}

/**
 * The organisations whose matters the meeting's holder may decide for: itself, and when it is a
 * deciding body (council, congress, conference), the units it belongs to (through bodies above it
 * up to the first unit that is not a body).
 */
function decidesFor(heldBy: readonly AncestryLink[]): string[] {
  const [holder, ...above] = heldBy;
  if (!holder) return [];
  if (holder.kind !== 'body' || NON_DECIDING_BODIES.includes(holder.bodyType ?? '')) return [holder.organisationId];
  const ids = [holder.organisationId];
  for (const link of above) {
    ids.push(link.organisationId);
    if (link.kind !== 'body') break;
  }
  return ids;
}

export function meetingCompetent(meeting: MeetingSummary, ancestry: readonly AncestryLink[], field: string) {
  const concerned = new Set(ancestry.map((a) => a.organisationId));
  if (decidesFor(meeting.heldBy).some((id) => concerned.has(id))) return null;
  return domainError(
    'basis.meeting_not_competent',
    `Meeting ${meeting.meetingId} of ${meeting.heldBy[0]?.organisationId} cannot decide for ${ancestry[0]?.organisationId ?? 'this organisation'}: only its own, an ancestor's or their councils' meetings can`,
    citing(meeting.meetingId, field, {
      heldBy: meeting.heldBy[0]?.organisationId,
      concerns: ancestry[0]?.organisationId ?? null,
    }),
  );
}

export function meetingQuorate(meeting: MeetingSummary, field: string): DomainError | null {
  if (meeting.quorum === undefined || meeting.attendance >= meeting.quorum) return null;
  return domainError(
    'basis.meeting_inquorate',
    `Meeting ${meeting.meetingId} had ${meeting.attendance} present against a quorum of ${meeting.quorum}`,
    citing(meeting.meetingId, field, { attendance: meeting.attendance, quorum: meeting.quorum }),
  );
}

export function votesWithinAttendance(votes: Basis['votes'], meeting: MeetingSummary, field: string) {
  if (votes === undefined) return null;
  const cast = votes.for + votes.against + votes.abstained;
  if (cast <= meeting.attendance) return null;
  return domainError(
    'basis.votes_invalid',
    `${cast} votes were cast at meeting ${meeting.meetingId}, where ${meeting.attendance} were present`,
    citing(meeting.meetingId, field, { cast, attendance: meeting.attendance, field: `${field}.votes` }),
  );
}

export function votesCarried(votes: Basis['votes'], meetingId: string, field: string): DomainError | null {
  if (votes === undefined || votes.for > votes.against) return null;
  return domainError(
    'basis.not_carried',
    `The motion was not carried at meeting ${meetingId}: ${votes.for} for, ${votes.against} against`,
    citing(meetingId, field, { votes, field: `${field}.votes` }),
  );
}

/** The first rule a decision's basis breaks, or null; a basis that names no meeting is not checked here. */
export function checkDecisionBasis(decision: BasedDecision, context: BasisContext): DomainError | null {
  const { basis, effectiveDate, field } = decision;
  const meetingId = basis?.meetingId;
  if (meetingId === undefined) return null;
  const meeting = required(context.meetings, 'meetings')[meetingId];
  const ancestry = required(context.ancestry, 'ancestry');
  return firstError(
    () => meetingRecorded(meetingId, field, meeting),
    () => meetingNotRetracted(meeting!, field),
    () => meetingHeldByThen(meeting!, effectiveDate, field),
    () => meetingCompetent(meeting!, ancestry, field),
    () => meetingQuorate(meeting!, field),
    () => votesWithinAttendance(basis?.votes, meeting!, field),
    () => votesCarried(basis?.votes, meetingId, field),
  );
}

export function checkDecisionBases(decisions: readonly BasedDecision[], context: BasisContext): DomainError | null {
  for (const decision of decisions) {
    const error = checkDecisionBasis(decision, context);
    if (error) return error;
  }
  return null;
}

/** The meetings the decisions cite, each once. */
export function citedMeetingIds(decisions: readonly BasedDecision[]): string[] {
  const ids = decisions.map((d) => d.basis?.meetingId).filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

/** What the rules need loaded: nothing unless a basis names a meeting. */
export function basisNeeds(decisions: readonly BasedDecision[], organisationId: string | undefined): ContextNeeds {
  const meetingIds = citedMeetingIds(decisions);
  if (meetingIds.length === 0) return NO_NEEDS;
  return { meetings: { load: 'meetings', meetingIds }, ancestry: { load: 'ancestry', organisationId } };
}
