import { type Decider } from '../shared/decider';
import { type Decision } from '../shared/domain-error';
import { type OrganisationCommand } from './organisation.commands';
import { type OrganisationContext, type OrganisationContextFor } from './organisation.context';
import { decideOrganisationCommand } from './organisation.decide';
import { type OrganisationEvent } from './organisation.events';
import { evolveOrganisation } from './organisation.evolve';
import { checkOrganisationInvariants } from './organisation.invariants';
import { organisationNeeds } from './organisation.needs';
import { initialOrganisationState, type OrganisationState } from './organisation.state';

/** The stream `organisation-<uuid>`: the unit, its posts and their tenures. */
export const organisationDecider: Decider<
  OrganisationCommand,
  OrganisationEvent,
  OrganisationState,
  OrganisationContext
> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: decideOrganisationCommand,
  needs: organisationNeeds,
  checkInvariants: checkOrganisationInvariants,
};

/** The same decision, typed so that the compiler demands exactly the context each command needs. */
export function decideOrganisation<C extends OrganisationCommand>(
  command: C,
  state: OrganisationState,
  context: OrganisationContextFor<C['type']>,
): Decision<OrganisationEvent> {
  return decideOrganisationCommand(command, state, context as OrganisationContext);
}
