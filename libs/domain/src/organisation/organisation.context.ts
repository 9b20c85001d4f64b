import { type Basis } from '../shared/basis';
import { type BasisContext } from '../shared/basis-rules';
import { type MembershipPeriods, type OrganisationDependants, type OrganisationSummary } from '../shared/cross-stream';
import { type Interval, reachesOnOrAfter } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { type EndTenure, type OrganisationCommand } from './organisation.commands';
import { type OrganisationState } from './organisation.state';

export interface EstablishOrganisationContext extends BasisContext {
  /** The parent's facts from its stream (`organisationSummary`); null for a party or an unknown parent. */
  parent: OrganisationSummary | null;
}

export interface DissolveOrganisationContext extends BasisContext {
  dependants: OrganisationDependants;
}

export interface StartTenureContext extends BasisContext {
  /** The holder's `membershipPeriods` from their person stream; null when no such person exists. */
  holder: MembershipPeriods | null;
  /** The organisation whose stream already holds the tenure id, if any (`organisationNeeds`). */
  idOwner?: string | null;
}

export interface CreatePostContext extends BasisContext {
  /** The organisation whose stream already holds the post id, if any (`organisationNeeds`). */
  idOwner?: string | null;
}

export interface RetractOrganisationEventContext extends BasisContext {
  /** Required when `retractionNeeds` says so: retracting an establishment. */
  dependants?: OrganisationDependants;
  /** Required when `retractionNeeds` names a person: retracting the end of their tenure. */
  holder?: MembershipPeriods | null;
}

/** The context each organisation command needs; the app must fill exactly this. */
export type OrganisationContextFor<T extends OrganisationCommand['type']> = T extends 'EstablishOrganisation'
  ? EstablishOrganisationContext
  : T extends 'DissolveOrganisation'
    ? DissolveOrganisationContext
    : T extends 'StartTenure'
      ? StartTenureContext
      : T extends 'CreatePost'
        ? CreatePostContext
        : T extends 'RetractEvent'
          ? RetractOrganisationEventContext
          : BasisContext;

/** The union of all of the above, as the decider sees it; prefer `decideOrganisation`, which is typed per command. */
export interface OrganisationContext extends BasisContext {
  parent?: OrganisationSummary | null;
  dependants?: OrganisationDependants;
  holder?: MembershipPeriods | null;
  idOwner?: string | null;
}

export function organisationLifetime(state: OrganisationState): Interval | null {
  return state.lifetime;
}

/** For a child's establishment, an admission, a transfer or a meeting; null when the stream holds no organisation. */
export function organisationSummary(state: OrganisationState): OrganisationSummary | null {
  const { profile, lifetime } = state;
  if (!profile || !lifetime) return null;
  const facts: OrganisationSummary = { organisationId: profile.organisationId, kind: profile.kind, lifetime };
  return profile.kato === undefined ? facts : { ...facts, kato: profile.kato };
}

/** The periods in which `personId` holds any post here: a person's decisions need them across organisations. */
export function tenurePeriodsOf(state: OrganisationState, personId: string): Interval[] {
  return Object.values(state.tenures)
    .filter((t) => t.personId === personId)
    .map((t) => t.period);
}

/**
 * The commands that end, as events, the tenures that depended on a membership ending on
 * `endDate`. TerminateMembership has already refused the cases these cannot fix (a tenure that
 * starts on or after the end, or already ends after it).
 */
export function tenuresEndedByMembership(
  state: OrganisationState,
  personId: string,
  endDate: LocalDate,
  basis?: Basis,
): EndTenure[] {
  return Object.values(state.tenures)
    .filter(
      (t) =>
        t.personId === personId &&
        t.period.to === undefined &&
        reachesOnOrAfter(t.period, endDate) &&
        t.period.from < endDate,
    )
    .map((t) => ({
      type: 'EndTenure' as const,
      tenureId: t.id,
      effectiveDate: endDate,
      reason: 'membership_ended' as const,
      ...(basis ? { basis } : {}),
    }));
}

/** What the app must load before deciding a RetractEvent in this stream. */
export function retractionNeeds(
  state: OrganisationState,
  eventId: string,
): { dependants: boolean; holderPersonId: string | null } {
  const target = state.history.envelopes.find((e) => e.eventId === eventId)?.event;
  return {
    dependants: target?.type === 'OrganisationEstablished',
    holderPersonId: target?.type === 'TenureEnded' ? target.data.personId : null,
  };
}
