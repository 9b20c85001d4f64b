import { type ContextNeeds, NO_NEEDS } from '../shared/cross-stream';
import { type PersonCommand } from './person.commands';
import { placementOrganisationIds } from './person.context';
import { type PersonState } from './person.state';

/** What each person command needs from other streams and configuration. */
export function personNeeds(command: PersonCommand, state: PersonState): ContextNeeds {
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
