import { Inject, Injectable } from '@nestjs/common';
import { type CitingDecision } from '@baytaq/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@baytaq/event-store';
import { LogCatchUp } from './log-catch-up';

/** The events that may carry a `basis`: decisions of organisations and of memberships. */
export const DECISION_EVENT_TYPES = [
  'OrganisationEstablished',
  'OrganisationRenamed',
  'OrganisationDissolved',
  'PostCreated',
  'PostAbolished',
  'TenureStarted',
  'TenureEnded',
  'MemberAdmitted',
  'MemberTransferred',
  'MembershipSuspended',
  'MembershipReinstated',
  'MembershipEnded',
] as const;

/**
 * Which live events cite each meeting as their basis: a meeting's record cannot be retracted
 * while decisions rest on it. Follows the global log (decisions and retractions only) and
 * catches up before every use, so a decision just written counts at once.
 */
@Injectable()
export class MeetingDecisionsIndex {
  private readonly byMeeting = new Map<string, Map<string, CitingDecision>>();
  /** A citing event's meeting, so that its retraction finds it. */
  private readonly meetingOf = new Map<string, string>();
  private readonly log: LogCatchUp;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogCatchUp(store, { eventTypes: [...DECISION_EVENT_TYPES, 'EventRetracted'] }, (event) =>
      this.apply(event),
    );
  }

  async citing(meetingId: string): Promise<CitingDecision[]> {
    await this.log.run();
    return [...(this.byMeeting.get(meetingId)?.values() ?? [])];
  }

  private apply(event: RecordedEvent): void {
    if (event.type === 'EventRetracted') {
      const target = (event.data as { eventId?: unknown }).eventId;
      const meetingId = typeof target === 'string' ? this.meetingOf.get(target) : undefined;
      if (meetingId !== undefined) this.byMeeting.get(meetingId)?.delete(target as string);
      return;
    }
    const meetingId = (event.data as { basis?: { meetingId?: unknown } }).basis?.meetingId;
    if (typeof meetingId !== 'string') return;
    let decisions = this.byMeeting.get(meetingId);
    if (!decisions) this.byMeeting.set(meetingId, (decisions = new Map()));
    decisions.set(event.id, { stream: event.stream, eventId: event.id, type: event.type });
    this.meetingOf.set(event.id, meetingId);
  }
}
