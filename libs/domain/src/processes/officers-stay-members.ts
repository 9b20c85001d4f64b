import { type RetractEvent } from '../shared/decider';
import { type MembershipPeriods } from '../shared/cross-stream';
import { contains, isCoveredBy } from '../shared/interval';
import { type EndTenure } from '../organisation/organisation.commands';
import { type OrganisationState, type TenureRecord } from '../organisation/organisation.state';

/** The process that keeps "an officer is a party member on every day of the tenure" across streams. */
export const OFFICERS_STAY_MEMBERS = 'officers-stay-members';

/** The events after which a person's tenures may lie outside their membership. */
export const OFFICERS_STAY_MEMBERS_TRIGGERS = ['MembershipEnded', 'TenureStarted', 'EventRetracted'] as const;

export type OfficerRepair = { tenureId: string; command: EndTenure | RetractEvent };

/**
 * What mends the person's tenures in one organisation that their membership no longer covers.
 * Ending a membership ends the open tenures that began inside it, from the same day. A tenure
 * whose start was recorded while a concurrent write ended the membership, so that it begins on a
 * day the person is not a member, was accepted in error: its start is retracted. A tenure already
 * closed past the membership's end is left as it is (TerminateMembership refuses to make one).
 */
export function officerRepairs(
  state: OrganisationState,
  personId: string,
  membership: MembershipPeriods,
): OfficerRepair[] {
  return Object.values(state.tenures)
    .filter((t) => t.personId === personId && !isCoveredBy(t.period, membership.member))
    .flatMap((t): OfficerRepair[] => {
      const held = membership.member.find((p) => contains(p, t.period.from));
      if (held?.to !== undefined && t.period.to === undefined) {
        const command: EndTenure = {
          type: 'EndTenure',
          tenureId: t.id,
          effectiveDate: held.to,
          reason: 'membership_ended',
        };
        return [{ tenureId: t.id, command }];
      }
      if (held) return [];
      const startedBy = startEventOf(state, t);
      if (!startedBy) return [];
      const reason = `${personId} was not a party member on ${t.period.from}: the membership ended in a concurrent write`;
      return [{ tenureId: t.id, command: { type: 'RetractEvent', eventId: startedBy, reason } }];
    });
}

function startEventOf(state: OrganisationState, tenure: TenureRecord): string | undefined {
  return state.history.envelopes.find(
    ({ event, eventId }) =>
      event.type === 'TenureStarted' && event.data.tenureId === tenure.id && !state.history.retracted.has(eventId),
  )?.eventId;
}

/**
 * A tenure starting on this day cannot lie outside the membership, however long it lasts: the
 * process need not look at the person's organisations (the common case of a start).
 */
export function membershipHoldsFrom(membership: MembershipPeriods, date: string): boolean {
  return isCoveredBy({ from: date }, membership.member);
}
