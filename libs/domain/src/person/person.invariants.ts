import { domainError, type DomainError } from '../shared/domain-error';
import { type PersonState } from './person.state';

export function checkPersonInvariants(state: PersonState): DomainError | null {
  const first = state.dangling[0];
  if (first || (!state.profile && state.membershipLog.length > 0)) {
    return domainError(
      'timeline.dangling_reference',
      `${first?.type ?? 'Membership'} events for a person who is not registered`,
    );
  }
  return state.timelineError;
}
