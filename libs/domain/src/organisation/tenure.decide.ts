import { basisData, checkBasis } from '../shared/basis';
import { type Decision, domainError, type DomainError, firstError, reject } from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, checkText } from '../shared/event-data';
import { type MembershipPeriods } from '../shared/cross-stream';
import { contains, interval, type Interval, isCoveredBy, isWithin } from '../shared/interval';
import { type EndTenure, type StartTenure } from './organisation.commands';
import { type OrganisationContext } from './organisation.context';
import { required } from '../shared/event-data';
import { type OrganisationEvent, TENURE_END_REASONS, TENURE_METHODS } from './organisation.events';
import { postLifetime } from './organisation.invariants';
import { type OrganisationState } from './organisation.state';
import { notFound } from './organisation-lifecycle.decide';
import { orRefuse, settle } from './organisation.settle';

/**
 * An officer must be a member on every day of the tenure. Suspension still counts as membership
 * (the tenure goes on), but a suspended member cannot take up a post.
 */
export function checkHolderMembership(
  personId: string,
  period: Interval,
  holder: MembershipPeriods | null,
): DomainError | null {
  if (holder === null) return domainError('person.not_found', `No person ${personId}`, { personId });
  if (holder.erased)
    return domainError('person.erased', `The personal data of person ${personId} was erased`, { personId });
  if (!holder.member.some((p) => contains(p, period.from))) {
    return domainError('tenure.holder_not_member', `Person ${personId} is not a party member on ${period.from}`, {
      personId,
      date: period.from,
    });
  }
  if (!holder.active.some((p) => contains(p, period.from))) {
    return domainError('tenure.holder_suspended', `Person ${personId}'s membership is suspended on ${period.from}`, {
      personId,
      date: period.from,
    });
  }
  if (!isCoveredBy(period, holder.member)) {
    return domainError('tenure.holder_not_member', `Person ${personId}'s membership ends before the tenure does`, {
      personId,
      tenure: period,
      membership: holder.member,
    });
  }
  return null;
}

function checkEnd(c: StartTenure, today: string): DomainError | null {
  if (c.end === undefined) return null;
  return firstError(
    () => checkEffectiveDate(c.end?.effectiveDate ?? '', today, 'end.effectiveDate'),
    () => checkOneOf(c.end?.reason, TENURE_END_REASONS, 'end.reason'),
    () => checkBasis(c.end?.basis),
    () =>
      (c.end?.effectiveDate ?? '') > c.effectiveDate
        ? null
        : domainError('date.before_start', 'A tenure must end after it starts', { field: 'end.effectiveDate' }),
  );
}

export function decideStartTenure(
  c: StartTenure,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const period = interval(c.effectiveDate, c.end?.effectiveDate);
  const lifetime = postLifetime(state, c.postId);
  const refusal =
    notFound(state) ??
    (state.posts[c.postId]
      ? null
      : reject('post.not_found', `No post ${c.postId} in this organisation`, { postId: c.postId })) ??
    (state.tenures[c.tenureId]
      ? reject('tenure.already_exists', `Tenure ${c.tenureId} already exists`, { tenureId: c.tenureId })
      : null) ??
    orRefuse(
      firstError(
        () => checkText(c.tenureId, 'tenureId', { max: 100 }),
        () => checkText(c.personId, 'personId', { max: 100 }),
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => checkOneOf(c.method, TENURE_METHODS, 'method'),
        () => checkBasis(c.basis),
        () => checkEnd(c, context.today),
        () =>
          lifetime && isWithin(period, lifetime)
            ? null
            : domainError(
                'tenure.outside_post_lifetime',
                `The tenure does not lie within the lifetime of post ${c.postId} and its organisation`,
                {
                  postId: c.postId,
                  tenure: period,
                  post: lifetime,
                },
              ),
        () => checkHolderMembership(c.personId, period, required(context.holder, 'holder')),
      ),
    );
  if (refusal) return refusal;
  const { tenureId, postId, personId, method, effectiveDate } = c;
  const events: OrganisationEvent[] = [
    { type: 'TenureStarted', data: { tenureId, postId, personId, method, effectiveDate, ...basisData(c.basis) } },
  ];
  if (c.end) {
    const { effectiveDate: endDate, reason } = c.end;
    events.push({
      type: 'TenureEnded',
      data: { tenureId, postId, personId, reason, effectiveDate: endDate, ...basisData(c.end.basis) },
    });
  }
  return settle(state, events);
}

export function decideEndTenure(
  c: EndTenure,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const tenure = state.tenures[c.tenureId];
  const refusal =
    notFound(state) ??
    (tenure
      ? null
      : reject('tenure.not_found', `No tenure ${c.tenureId} in this organisation`, { tenureId: c.tenureId })) ??
    (tenure?.period.to !== undefined
      ? reject('tenure.already_ended', `Tenure ${c.tenureId} ended on ${tenure?.period.to}`, { tenureId: c.tenureId })
      : null) ??
    orRefuse(
      firstError(
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => checkOneOf(c.reason, TENURE_END_REASONS, 'reason'),
        () => checkBasis(c.basis),
        () =>
          c.effectiveDate > (tenure?.period.from ?? '')
            ? null
            : domainError('date.before_start', `Tenure ${c.tenureId} started on ${tenure?.period.from}`, {
                field: 'effectiveDate',
              }),
      ),
    );
  if (refusal || !tenure) return refusal ?? reject('tenure.not_found', 'No tenure');
  const { id: tenureId, postId, personId } = tenure;
  return settle(state, [
    {
      type: 'TenureEnded',
      data: { tenureId, postId, personId, reason: c.reason, effectiveDate: c.effectiveDate, ...basisData(c.basis) },
    },
  ]);
}
