import { type BasedDecision, basisNeeds, decisionAndEnd } from '../shared/basis-rules';
import { type ContextNeeds, NO_NEEDS } from '../shared/cross-stream';
import { domainError, type DomainError } from '../shared/domain-error';
import { type OrganisationCommand } from './organisation.commands';
import { retractionNeeds } from './organisation.context';
import { type OrganisationState } from './organisation.state';

/**
 * What each organisation command needs from other streams. A post's or tenure's id must name
 * nothing in another organisation (`/v1/posts/{id}` finds it by id alone), hence `idOwner`.
 */
export function organisationNeeds(command: OrganisationCommand, state: OrganisationState): ContextNeeds {
  // A founding is decided on the parent's side; every other decision concerns this organisation.
  const concerned = command.type === 'EstablishOrganisation' ? command.parentId : state.profile?.organisationId;
  return { ...ownNeeds(command, state), ...basisNeeds(organisationDecisions(command), concerned) };
}

/** The decisions a command records, each with its basis: what the basis rules check. */
export function organisationDecisions(command: OrganisationCommand): BasedDecision[] {
  switch (command.type) {
    case 'RegisterOrganisation':
    case 'RetractEvent':
      return [];
    default:
      return decisionAndEnd(command);
  }
}

function ownNeeds(command: OrganisationCommand, state: OrganisationState): ContextNeeds {
  switch (command.type) {
    case 'EstablishOrganisation':
      return { parent: { load: 'organisation', organisationId: command.parentId } };
    case 'DissolveOrganisation':
      return state.profile
        ? { dependants: { load: 'dependants', organisationId: state.profile.organisationId } }
        : NO_NEEDS;
    case 'CreatePost':
      return { idOwner: { load: 'ownerOfId', id: command.postId } };
    case 'StartTenure':
      return {
        holder: { load: 'membership', personId: command.personId },
        idOwner: { load: 'ownerOfId', id: command.tenureId },
      };
    case 'RetractEvent': {
      const needs = retractionNeeds(state, command.eventId);
      return {
        ...(needs.dependants && state.profile
          ? { dependants: { load: 'dependants', organisationId: state.profile.organisationId } }
          : {}),
        ...(needs.holderPersonId ? { holder: { load: 'membership', personId: needs.holderPersonId } } : {}),
      };
    }
    default:
      return NO_NEEDS;
  }
}

/** A new post's or tenure's id is already used by another organisation's stream. */
export function checkIdNotUsedElsewhere(
  command: OrganisationCommand,
  state: OrganisationState,
  idOwner: string | null | undefined,
): DomainError | null {
  if (command.type !== 'CreatePost' && command.type !== 'StartTenure') return null;
  if (!idOwner || idOwner === state.profile?.organisationId) return null;
  return command.type === 'CreatePost'
    ? domainError('post.already_exists', `post ${command.postId} exists in another organisation`, { field: 'id' })
    : domainError('tenure.already_exists', `tenure ${command.tenureId} exists in another organisation`, {
        field: 'id',
      });
}
