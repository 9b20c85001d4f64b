import { accept, type Decision, type DomainError, type DomainWarning, refuse } from '../shared/domain-error';
import { type OrganisationEvent } from './organisation.events';
import { evolveOrganisation } from './organisation.evolve';
import { checkOrganisationInvariants } from './organisation.invariants';
import { type OrganisationState } from './organisation.state';

/**
 * Applies the candidate events and accepts them only if the resulting timeline still holds on
 * every day: one place checks seats, overlaps and lifetimes, whatever the order of entry.
 */
export function settle(
  state: OrganisationState,
  events: OrganisationEvent[],
  warnings: DomainWarning[] = [],
): Decision<OrganisationEvent> {
  const after = events.reduce(evolveOrganisation, state);
  const violation = checkOrganisationInvariants(after);
  return violation ? refuse(violation) : accept(events, warnings);
}

export function orRefuse(error: DomainError | null): { ok: false; error: DomainError } | null {
  return error ? refuse(error) : null;
}
