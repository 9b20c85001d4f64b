import { domainError, type DomainError, type ErrorCode } from '../shared/domain-error';
import { intersect, type Interval, isEmpty, isWithin, maxConcurrent, overlaps } from '../shared/interval';
import { type LocalDate } from '../shared/local-date';
import { type OrganisationState, type TenureRecord } from './organisation.state';

/** Why `date` is outside `lifetime`, or null when it is inside. */
export function lifetimeErrorCode(lifetime: Interval | null, date: LocalDate): ErrorCode | null {
  if (lifetime === null || date < lifetime.from) return 'organisation.not_active';
  if (lifetime.to !== undefined && date >= lifetime.to) return 'organisation.dissolved';
  return null;
}

function dated(what: string, lifetime: Interval | null, date: LocalDate): DomainError | null {
  const code = lifetimeErrorCode(lifetime, date);
  if (code === null) return null;
  const when =
    code === 'organisation.dissolved'
      ? `on or after its dissolution (${lifetime?.to})`
      : 'before the organisation was established';
  return domainError(code, `${what} is dated ${date}, ${when}`, { date, lifetime });
}

/** The post's effective lifetime: its own, clipped to its organisation's. */
export function postLifetime(state: OrganisationState, postId: string): Interval | null {
  const post = state.posts[postId];
  return post && state.lifetime ? intersect(post.period, state.lifetime) : null;
}

function checkTenures(state: OrganisationState, tenures: TenureRecord[]): DomainError | null {
  for (const t of tenures) {
    if (isEmpty(t.period))
      return domainError('date.before_start', `Tenure ${t.id} must end after it starts (${t.period.from})`, {
        tenureId: t.id,
      });
    const lifetime = postLifetime(state, t.postId);
    if (!lifetime || !isWithin(t.period, lifetime)) {
      return domainError(
        'tenure.outside_post_lifetime',
        `Tenure ${t.id} lies outside the lifetime of post ${t.postId} and its organisation`,
        {
          tenureId: t.id,
          postId: t.postId,
          tenure: t.period,
          post: lifetime,
        },
      );
    }
  }
  for (const [i, a] of tenures.entries()) {
    const clash = tenures
      .slice(i + 1)
      .find((b) => b.postId === a.postId && b.personId === a.personId && overlaps(a.period, b.period));
    if (clash) {
      return domainError('tenure.overlap', `Person ${a.personId} would hold post ${a.postId} twice at once`, {
        personId: a.personId,
        postId: a.postId,
        tenureIds: [a.id, clash.id],
      });
    }
  }
  for (const post of Object.values(state.posts)) {
    if (post.seats === null) continue;
    const peak = maxConcurrent(tenures.filter((t) => t.postId === post.id).map((t) => t.period));
    if (peak.count > post.seats) {
      return domainError(
        'post.seats_exceeded',
        `Post ${post.id} has ${post.seats} seat(s) but ${peak.count} holders on ${peak.on}`,
        {
          postId: post.id,
          seats: post.seats,
          holders: peak.count,
          date: peak.on,
        },
      );
    }
  }
  return null;
}

/** Every rule of the organisation stream, on every day: the same check vets decisions and retractions. */
export function checkOrganisationInvariants(state: OrganisationState): DomainError | null {
  const first = state.dangling[0];
  if (first)
    return domainError('timeline.dangling_reference', `${first.type} names ${first.ref}, which no longer exists`, {
      ref: first.ref,
    });
  const { lifetime } = state;
  if (lifetime && isEmpty(lifetime)) {
    return domainError(
      'date.before_start',
      `The organisation must be dissolved after it was established (${lifetime.from})`,
    );
  }
  for (const { from } of state.names) {
    const error = dated('A renaming', lifetime, from);
    if (error) return error;
  }
  for (const { effectiveDate } of state.registrations) {
    const error = dated('A registration', lifetime, effectiveDate);
    if (error) return error;
  }
  for (const post of Object.values(state.posts)) {
    const error = dated(`Post ${post.id}`, lifetime, post.period.from);
    if (error) return error;
    if (isEmpty(post.period))
      return domainError('date.before_start', `Post ${post.id} must be abolished after it was created`, {
        postId: post.id,
      });
  }
  return checkTenures(state, Object.values(state.tenures));
}
