import { type BasedDecision, basisNeeds, decisionAndEnd } from '../shared/basis-rules';
import { type ContextNeeds, NO_NEEDS } from '../shared/cross-stream';
import { type PersonCommand } from './person.commands';
import { membershipOn, placementOrganisationIds } from './person.context';
import { type PersonState } from './person.state';

/** What each person command needs from other streams and configuration. */
export function personNeeds(command: PersonCommand, state: PersonState): ContextNeeds {
  return {
    ...ownNeeds(command, state),
    ...basisNeeds(personDecisions(command), concernedOrganisation(command, state)),
  };
}

/** The membership decisions a command records, each with its basis: what the basis rules check. */
export function personDecisions(command: PersonCommand): BasedDecision[] {
  switch (command.type) {
    case 'RegisterPerson':
    case 'ChangePersonDetails':
    case 'RetractEvent':
    case 'ErasePersonalData':
      return [];
    default:
      return decisionAndEnd(command);
  }
}

/**
 * The organisation a membership decision concerns: the one admitting or receiving the member, or
 * the one the member is placed in on the day (a suspension, a reinstatement, an end).
 */
export function concernedOrganisation(command: PersonCommand, state: PersonState): string | undefined {
  if (command.type === 'AdmitMember' || command.type === 'TransferMember') return command.organisationId;
  if ('effectiveDate' in command && command.effectiveDate !== undefined) {
    return membershipOn(state, command.effectiveDate)?.organisationId;
  }
  return undefined;
}

function ownNeeds(command: PersonCommand, state: PersonState): ContextNeeds {
  const personId = state.profile?.personId;
  switch (command.type) {
    case 'AdmitMember':
      return {
        organisation: { load: 'organisation', organisationId: command.organisationId },
        minAge: { load: 'minAge' },
      };
    case 'TransferMember':
      return { organisation: { load: 'organisation', organisationId: command.organisationId } };
    case 'TerminateMembership':
    case 'ErasePersonalData':
      // An erasure keeps an officer's name: whether they ever held a post.
      return personId ? { officerPeriods: { load: 'officerPeriods', personId } } : NO_NEEDS;
    case 'RetractEvent':
      // Without the retracted entry a placement may last longer: it must stay inside its organisation's life.
      return personId
        ? {
            officerPeriods: { load: 'officerPeriods', personId },
            organisations: { load: 'organisations', organisationIds: placementOrganisationIds(state) },
          }
        : NO_NEEDS;
    default:
      return NO_NEEDS;
  }
}
