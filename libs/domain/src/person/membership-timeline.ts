import { domainError, type DomainError } from '../shared/domain-error';
import { interval, type Interval, isEmpty } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { type MembershipEndReason, type MembershipEvent } from './person.events';

/** A membership event with its place in the stream, which breaks ties between same-day entries. */
export interface MembershipEntry {
  seq: number;
  event: MembershipEvent;
}

export interface Placement {
  organisationId: string;
  period: Interval;
}

export interface Membership {
  period: Interval;
  placements: Placement[];
  suspensions: Interval[];
  cardNumber?: string;
  endReason?: MembershipEndReason;
}

/**
 * On one day, what closes comes before what opens, so an empty period (admitted and ended, or
 * suspended and reinstated, on the same day) is refused rather than silently recorded.
 */
const SAME_DAY_RANK: Record<MembershipEvent['type'], number> = {
  MembershipEnded: 0,
  MembershipReinstated: 1,
  MemberAdmitted: 2,
  MemberTransferred: 3,
  MembershipSuspended: 4,
};

export function inValidTimeOrder(entries: ReadonlyArray<MembershipEntry>): MembershipEntry[] {
  return [...entries].sort((a, b) => {
    const da = a.event.data.effectiveDate;
    const db = b.event.data.effectiveDate;
    if (da !== db) return da < db ? -1 : 1;
    return SAME_DAY_RANK[a.event.type] - SAME_DAY_RANK[b.event.type] || a.seq - b.seq;
  });
}

interface Open {
  from: LocalDate;
  placements: Array<{ organisationId: string; from: LocalDate }>;
  suspensions: Array<{ from: LocalDate; to?: LocalDate }>;
  cardNumber?: string;
}

function close(open: Open, to: LocalDate | undefined, endReason?: MembershipEndReason): Membership {
  const placements = open.placements
    .map((p, i) => ({ organisationId: p.organisationId, period: interval(p.from, open.placements[i + 1]?.from ?? to) }))
    .filter((p) => !isEmpty(p.period));
  const suspensions = open.suspensions.map((s) => interval(s.from, s.to ?? to));
  const membership: Membership = { period: interval(open.from, to), placements, suspensions };
  if (open.cardNumber !== undefined) membership.cardNumber = open.cardNumber;
  if (endReason !== undefined) membership.endReason = endReason;
  return membership;
}

/**
 * Replays the membership events in valid-time order, whatever order they were recorded in, so a
 * backdated entry is judged where it falls in the person's history.
 */
export function replayMemberships(entries: ReadonlyArray<MembershipEntry>): {
  memberships: Membership[];
  error: DomainError | null;
} {
  const memberships: Membership[] = [];
  let open: Open | null = null;
  const fail = (code: Parameters<typeof domainError>[0], message: string, date: LocalDate) => ({
    memberships,
    error: domainError(code, `On ${date}: ${message}`, { date }),
  });
  for (const { event } of inValidTimeOrder(entries)) {
    const date = event.data.effectiveDate;
    if (event.type === 'MemberAdmitted') {
      if (open)
        return fail(
          'membership.already_member',
          'the person is already a party member (one membership at a time)',
          date,
        );
      open = { from: date, placements: [{ organisationId: event.data.organisationId, from: date }], suspensions: [] };
      if (event.data.cardNumber !== undefined) open.cardNumber = event.data.cardNumber;
      continue;
    }
    if (!open) return fail('membership.not_member', 'the person is not a party member', date);
    const lastSuspension = open.suspensions[open.suspensions.length - 1];
    const suspended = lastSuspension !== undefined && lastSuspension.to === undefined;
    switch (event.type) {
      case 'MemberTransferred':
        if (open.placements[open.placements.length - 1]?.organisationId === event.data.organisationId) {
          return fail('membership.same_organisation', 'the membership is already held in that organisation', date);
        }
        open.placements.push({ organisationId: event.data.organisationId, from: date });
        break;
      case 'MembershipSuspended':
        if (suspended) return fail('membership.already_suspended', 'the membership is already suspended', date);
        open.suspensions.push({ from: date });
        break;
      case 'MembershipReinstated':
        if (!suspended || !lastSuspension)
          return fail('membership.not_suspended', 'the membership is not suspended', date);
        lastSuspension.to = date;
        break;
      case 'MembershipEnded':
        memberships.push(close(open, date, event.data.reason));
        open = null;
        break;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
  if (open) memberships.push(close(open, undefined));
  return { memberships, error: null };
}
