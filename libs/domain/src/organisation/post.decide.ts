import { basisData, checkBasis } from '../shared/basis';
import { checkCount } from '../shared/clean-text';
import { type Decision, type DomainError, firstError, reject } from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, checkText } from '../shared/event-data';
import { parseMultilingualName } from '../shared/multilingual-name';
import { type AbolishPost, type CreatePost } from './organisation.commands';
import { type OrganisationContext } from './organisation.context';
import { type OrganisationEvent, POST_ROLES, type TenureEnded } from './organisation.events';
import { type OrganisationState } from './organisation.state';
import { notFound } from './organisation-lifecycle.decide';
import { orRefuse, settle } from './organisation.settle';

/** More seats than any collegial body of a party has: a larger number is a mistake. */
export const MAX_SEATS = 10_000;

function checkSeats(seats: number | null | undefined): DomainError | null {
  if (seats === undefined || seats === null) return null;
  return checkCount(seats, 'seats', { min: 1, max: MAX_SEATS, invalidCode: 'post.invalid_seats' });
}

export function decideCreatePost(
  c: CreatePost,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const title = parseMultilingualName(c.title, 'title');
  const refusal =
    notFound(state) ??
    (state.posts[c.postId]
      ? reject('post.already_exists', `Post ${c.postId} already exists`, { postId: c.postId })
      : null) ??
    orRefuse(
      firstError(
        () => checkText(c.postId, 'postId', { max: 100 }),
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => (title.ok ? null : title.error),
        () => checkOneOf(c.role, POST_ROLES, 'role'),
        () => checkSeats(c.seats),
        () => checkBasis(c.basis),
      ),
    );
  if (refusal || !title.ok) return refusal ?? reject('name.invalid', 'Invalid title');
  const seats = c.seats === undefined ? 1 : c.seats;
  return settle(state, [
    {
      type: 'PostCreated',
      data: {
        postId: c.postId,
        title: title.value,
        role: c.role,
        seats,
        effectiveDate: c.effectiveDate,
        ...basisData(c.basis),
      },
    },
  ]);
}

/**
 * Abolition ends the tenures still running, as events in the same decision. Tenures that start
 * on or after the date, or already end after it, cannot be fixed by that and are refused.
 */
export function decideAbolishPost(
  c: AbolishPost,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const post = state.posts[c.postId];
  const refusal =
    notFound(state) ??
    (post ? null : reject('post.not_found', `No post ${c.postId} in this organisation`, { postId: c.postId })) ??
    (post?.period.to !== undefined
      ? reject('post.abolished', `Post ${c.postId} was abolished on ${post?.period.to}`, { postId: c.postId })
      : null) ??
    orRefuse(
      firstError(
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => checkBasis(c.basis),
      ),
    );
  if (refusal) return refusal;
  const tenures = Object.values(state.tenures).filter((t) => t.postId === c.postId);
  const later = tenures.filter(
    (t) => t.period.from >= c.effectiveDate || (t.period.to !== undefined && t.period.to > c.effectiveDate),
  );
  if (later.length > 0) {
    return reject(
      'post.has_later_tenures',
      `Post ${c.postId} is held after ${c.effectiveDate} by tenures that abolition cannot end`,
      {
        tenureIds: later.map((t) => t.id),
      },
    );
  }
  const ended: TenureEnded[] = tenures
    .filter((t) => t.period.to === undefined)
    .map((t) => ({
      type: 'TenureEnded',
      data: {
        tenureId: t.id,
        postId: t.postId,
        personId: t.personId,
        reason: 'post_abolished',
        effectiveDate: c.effectiveDate,
        ...basisData(c.basis),
      },
    }));
  return settle(state, [
    { type: 'PostAbolished', data: { postId: c.postId, effectiveDate: c.effectiveDate, ...basisData(c.basis) } },
    ...ended,
  ]);
}
