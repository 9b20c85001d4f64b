import { basisData, checkBasis } from '../shared/basis';
import {
  accept,
  type Decision,
  domainError,
  type DomainError,
  firstError,
  refuse,
  reject,
} from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, checkText, compact, required } from '../shared/event-data';
import { type OrganisationSummary } from '../shared/cross-stream';
import { reachesOnOrAfter } from '../shared/interval';
import { ageOn } from '../shared/local-date';
import {
  type AdmitMember,
  type SuspendMembership,
  type TerminateMembership,
  type TransferMember,
  type ReinstateMembership,
} from './person.commands';
import { checkPlacementsInsideLifetimes, DEFAULT_MIN_AGE, type PersonContext } from './person.context';
import { MEMBERSHIP_END_REASONS, type PersonEvent } from './person.events';
import { evolvePerson } from './person.evolve';
import { checkPersonInvariants } from './person.invariants';
import { citizenshipOn, type PersonState } from './person.state';

export function personNotFound(state: PersonState): DomainError | null {
  return state.profile ? null : domainError('person.not_found', 'No person is registered in this stream');
}

/** Replays the timeline with the candidate events in place; returns the state after, or the rule it breaks. */
function tryTimeline(
  state: PersonState,
  events: PersonEvent[],
): { ok: true; after: PersonState } | { ok: false; error: DomainError } {
  const after = events.reduce(evolvePerson, state);
  const error = checkPersonInvariants(after);
  return error ? { ok: false, error } : { ok: true, after };
}

function checkTarget(organisationId: string, facts: OrganisationSummary | null): DomainError | null {
  if (facts === null || facts.organisationId !== organisationId) {
    return domainError('organisation.not_found', `No organisation ${organisationId}`, { organisationId });
  }
  if (facts.kind === 'body')
    return domainError(
      'membership.invalid_organisation',
      'Membership is held in a branch or the party, not in a body',
      { organisationId },
    );
  return null;
}

/** The placement the command creates must lie inside the organisation's lifetime, up to the next transfer or end. */
function checkPlacement(
  after: PersonState,
  organisationId: string,
  from: string,
  facts: OrganisationSummary,
): DomainError | null {
  const own = {
    ...after,
    memberships: after.memberships.map((m) => ({
      ...m,
      placements: m.placements.filter((p) => p.organisationId === organisationId && p.period.from === from),
    })),
  };
  return checkPlacementsInsideLifetimes(own, [facts]);
}

function checkEnd(c: AdmitMember, today: string): DomainError | null {
  if (c.end === undefined) return null;
  return firstError(
    () => checkEffectiveDate(c.end?.effectiveDate ?? '', today, 'end.effectiveDate'),
    () => checkOneOf(c.end?.reason, MEMBERSHIP_END_REASONS, 'end.reason'),
    () => checkBasis(c.end?.basis),
    () =>
      (c.end?.effectiveDate ?? '') > c.effectiveDate
        ? null
        : domainError('date.before_start', 'A membership must end after it starts', { field: 'end.effectiveDate' }),
  );
}

function checkEligibility(c: AdmitMember, state: PersonState, context: PersonContext): DomainError | null {
  const profile = state.profile;
  if (!profile) return null;
  const citizenship = citizenshipOn(profile, c.effectiveDate);
  if (citizenship !== 'KZ')
    return domainError(
      'membership.not_citizen',
      `Only citizens of Kazakhstan may join; citizenship on ${c.effectiveDate}: ${citizenship}`,
    );
  if (profile.birthDate === undefined) {
    return c.ageAttested === true
      ? null
      : domainError(
          'membership.birth_date_unknown',
          'The birth date is needed to check the minimum age (or ageAttested, when it was checked on a document)',
        );
  }
  const minAge = context.minAge ?? DEFAULT_MIN_AGE;
  const age = ageOn(profile.birthDate, c.effectiveDate);
  return age >= minAge
    ? null
    : domainError('membership.underage', `Members must be at least ${minAge} on admission; the person is ${age}`, {
        minAge,
        age,
      });
}

export function decideAdmit(c: AdmitMember, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  const facts = required(context.organisation, 'organisation');
  const refusal = firstError(
    () => personNotFound(state),
    () => checkText(c.organisationId, 'organisationId', { max: 100 }),
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => checkText(c.cardNumber, 'cardNumber', { required: false, max: 50 }),
    () => checkBasis(c.basis),
    () => checkEnd(c, context.today),
    () => checkTarget(c.organisationId, facts),
    () => checkEligibility(c, state, context),
  );
  if (refusal) return refuse(refusal);
  const { organisationId, cardNumber, effectiveDate } = c;
  const events: PersonEvent[] = [
    {
      type: 'MemberAdmitted',
      data: compact({
        organisationId,
        cardNumber,
        effectiveDate,
        ...basisData(c.basis),
        ageAttested: state.profile?.birthDate === undefined && c.ageAttested === true ? (true as const) : undefined,
      }),
    },
  ];
  if (c.end)
    events.push({
      type: 'MembershipEnded',
      data: { reason: c.end.reason, effectiveDate: c.end.effectiveDate, ...basisData(c.end.basis) },
    });
  const timeline = tryTimeline(state, events);
  if (!timeline.ok) return refuse(timeline.error);
  const placementError = facts && checkPlacement(timeline.after, organisationId, effectiveDate, facts);
  return placementError ? refuse(placementError) : accept(events);
}

export function decideTransfer(c: TransferMember, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  const facts = required(context.organisation, 'organisation');
  const refusal = firstError(
    () => personNotFound(state),
    () => checkText(c.organisationId, 'organisationId', { max: 100 }),
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => checkBasis(c.basis),
    () => checkTarget(c.organisationId, facts),
  );
  if (refusal) return refuse(refusal);
  const events: PersonEvent[] = [
    {
      type: 'MemberTransferred',
      data: { organisationId: c.organisationId, effectiveDate: c.effectiveDate, ...basisData(c.basis) },
    },
  ];
  const timeline = tryTimeline(state, events);
  if (!timeline.ok) return refuse(timeline.error);
  const placementError = facts && checkPlacement(timeline.after, c.organisationId, c.effectiveDate, facts);
  return placementError ? refuse(placementError) : accept(events);
}

export function decideSuspendOrReinstate(
  c: SuspendMembership | ReinstateMembership,
  state: PersonState,
  context: PersonContext,
): Decision<PersonEvent> {
  const refusal = firstError(
    () => personNotFound(state),
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => checkBasis(c.basis),
  );
  if (refusal) return refuse(refusal);
  const type = c.type === 'SuspendMembership' ? 'MembershipSuspended' : 'MembershipReinstated';
  const events: PersonEvent[] = [{ type, data: { effectiveDate: c.effectiveDate, ...basisData(c.basis) } }];
  const timeline = tryTimeline(state, events);
  return timeline.ok ? accept(events) : refuse(timeline.error);
}

/**
 * Open tenures that started before the end are ended afterwards by the app, as events
 * (`tenuresEndedByMembership`). A tenure starting on or after the end, or already ending after
 * it, cannot be mended that way, so the termination is refused until it is corrected.
 */
export function decideTerminate(
  c: TerminateMembership,
  state: PersonState,
  context: PersonContext,
): Decision<PersonEvent> {
  const refusal = firstError(
    () => personNotFound(state),
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => checkOneOf(c.reason, MEMBERSHIP_END_REASONS, 'reason'),
    () => checkBasis(c.basis),
  );
  if (refusal) return refuse(refusal);
  const events: PersonEvent[] = [
    { type: 'MembershipEnded', data: { reason: c.reason, effectiveDate: c.effectiveDate, ...basisData(c.basis) } },
  ];
  const timeline = tryTimeline(state, events);
  if (!timeline.ok) return refuse(timeline.error);
  const date = c.effectiveDate;
  const unmendable = required(context.officerPeriods, 'officerPeriods').filter(
    (p) => reachesOnOrAfter(p, date) && !(p.to === undefined && p.from < date),
  );
  if (unmendable.length > 0) {
    return reject(
      'membership.has_later_tenures',
      `The person holds a post after ${date} in a way that ending the membership cannot end`,
      {
        tenures: unmendable,
      },
    );
  }
  return accept(events);
}
