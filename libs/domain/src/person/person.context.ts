import { domainError, type DomainError } from '../shared/domain-error';
import { type BasisContext } from '../shared/basis-rules';
import { type MembershipPeriods, type OrganisationSummary } from '../shared/cross-stream';
import { contains, type Interval, isWithin, subtractAll, union } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { type PersonCommand } from './person.commands';
import { type PersonState } from './person.state';

export const DEFAULT_MIN_AGE = 18;

export interface AdmitMemberContext extends BasisContext {
  /** The target's `organisationSummary`; null when no such organisation exists. */
  organisation: OrganisationSummary | null;
  /** Party-charter practice, not law: configuration, 18 when omitted. */
  minAge?: number;
}

export interface TransferMemberContext extends BasisContext {
  organisation: OrganisationSummary | null;
}

export interface OfficerContext extends BasisContext {
  /** Every tenure period of this person in any organisation (`tenurePeriodsOf` over the organisations where they hold posts). */
  officerPeriods: Interval[];
}

export interface RetractPersonEventContext extends OfficerContext {
  /** `organisationSummary` of every organisation named by `placementOrganisationIds`: a retraction may lengthen a placement. */
  organisations: OrganisationSummary[];
}

export type PersonContextFor<T extends PersonCommand['type']> = T extends 'AdmitMember'
  ? AdmitMemberContext
  : T extends 'TransferMember'
    ? TransferMemberContext
    : T extends 'TerminateMembership' | 'ErasePersonalData'
      ? OfficerContext
      : T extends 'RetractEvent'
        ? RetractPersonEventContext
        : BasisContext;

/** The union of all of the above, as the decider sees it; prefer `decidePerson`, which is typed per command. */
export interface PersonContext extends BasisContext {
  organisation?: OrganisationSummary | null;
  minAge?: number;
  officerPeriods?: Interval[];
  organisations?: OrganisationSummary[];
}

/** For StartTenure (`holder`) and the retraction of a TenureEnded. */
export function membershipPeriods(state: PersonState): MembershipPeriods {
  const member = union(state.memberships.map((m) => m.period));
  const suspensions = state.memberships.flatMap((m) => m.suspensions);
  const active = member.flatMap((p) => subtractAll(p, suspensions));
  return state.erasure ? { member, active, erased: true } : { member, active };
}

/** The periods in which the person's membership was held in one organisation: for its dissolution's `dependants`. */
export function membershipPeriodsIn(state: PersonState, organisationId: string): Interval[] {
  return state.memberships.flatMap((m) =>
    m.placements.filter((p) => p.organisationId === organisationId).map((p) => p.period),
  );
}

export function membershipOn(
  state: PersonState,
  date: LocalDate,
): { organisationId: string; suspended: boolean } | null {
  const membership = state.memberships.find((m) => contains(m.period, date));
  const placement = membership?.placements.find((p) => contains(p.period, date));
  if (!membership || !placement) return null;
  return { organisationId: placement.organisationId, suspended: membership.suspensions.some((s) => contains(s, date)) };
}

/** The organisations in which this person's membership has ever been held. */
export function placementOrganisationIds(state: PersonState): string[] {
  return [...new Set(state.memberships.flatMap((m) => m.placements.map((p) => p.organisationId)))];
}

/** Every placement lies within its organisation's lifetime (a membership cannot outlive its branch). */
export function checkPlacementsInsideLifetimes(
  state: PersonState,
  organisations: ReadonlyArray<OrganisationSummary>,
): DomainError | null {
  for (const placement of state.memberships.flatMap((m) => m.placements)) {
    const facts = organisations.find((o) => o.organisationId === placement.organisationId);
    if (!facts || isWithin(placement.period, facts.lifetime)) continue;
    const code = placement.period.from < facts.lifetime.from ? 'organisation.not_active' : 'organisation.dissolved';
    return domainError(
      code,
      `Organisation ${facts.organisationId} does not exist throughout the membership held there`,
      {
        organisationId: facts.organisationId,
        membership: placement.period,
        lifetime: facts.lifetime,
      },
    );
  }
  return null;
}

/** Officers must stay members on every day they hold a post (suspension still counts). */
export function checkOfficersStayMembers(
  state: PersonState,
  officerPeriods: ReadonlyArray<Interval>,
): DomainError | null {
  const { member } = membershipPeriods(state);
  const uncovered = officerPeriods.flatMap((p) => subtractAll(p, member));
  if (uncovered.length === 0) return null;
  return domainError(
    'tenure.holder_not_member',
    `The person would hold a post while not a member from ${uncovered[0]?.from}`,
    { uncovered },
  );
}
