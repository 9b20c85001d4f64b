import { decideRetraction, type RetractEvent } from '../shared/decider';
import { type Decision, domainError, type DomainError } from '../shared/domain-error';
import { isCoveredBy } from '../shared/interval';
import { type OrganisationCommand } from './organisation.commands';
import { type OrganisationContext } from './organisation.context';
import { required } from '../shared/event-data';
import { type OrganisationEvent } from './organisation.events';
import { evolveOrganisation } from './organisation.evolve';
import { checkOrganisationInvariants } from './organisation.invariants';
import { initialOrganisationState, type OrganisationState } from './organisation.state';
import { decideEstablish } from './establish-organisation.decide';
import { decideDissolve, decideRegister, decideRename } from './organisation-lifecycle.decide';
import { decideAbolishPost, decideCreatePost } from './post.decide';
import { decideEndTenure, decideStartTenure } from './tenure.decide';
import { checkIdNotUsedElsewhere, organisationDecisions } from './organisation.needs';
import { checkDecisionBases } from '../shared/basis-rules';

/** What retraction must check beyond this stream: who depends on the organisation, and whether a reopened tenure's holder is still a member. */
function crossStreamCheck(context: OrganisationContext) {
  return (without: OrganisationState, target: OrganisationEvent): DomainError | null => {
    if (target.type === 'OrganisationEstablished') {
      const { children, memberPeriods } = required(context.dependants, 'dependants');
      if (children.length > 0)
        return domainError('organisation.has_active_children', 'The organisation has sub-branches or bodies');
      if (memberPeriods.length > 0)
        return domainError('organisation.has_active_members', 'Memberships are held in the organisation');
    }
    if (target.type === 'TenureEnded') {
      const holder = required(context.holder, 'holder');
      const tenure = without.tenures[target.data.tenureId];
      if (holder && tenure && !isCoveredBy(tenure.period, holder.member)) {
        return domainError(
          'tenure.holder_not_member',
          `Reopened, tenure ${tenure.id} would outlast ${tenure.personId}'s membership`,
          {
            tenureId: tenure.id,
            personId: tenure.personId,
          },
        );
      }
    }
    return null;
  };
}

function decideRetract(
  c: RetractEvent,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const decider = {
    initialState: initialOrganisationState,
    evolve: evolveOrganisation,
    checkInvariants: checkOrganisationInvariants,
  };
  return decideRetraction(decider, c, state, context, crossStreamCheck(context));
}

/** The organisation's own rules first, then those of the meetings its decisions cite. */
export function decideOrganisationCommand(
  command: OrganisationCommand,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const decision = decideOwnRules(command, state, context);
  if (!decision.ok) return decision;
  const basisError = checkDecisionBases(organisationDecisions(command), context);
  return basisError ? { ok: false, error: basisError } : decision;
}

function decideOwnRules(
  command: OrganisationCommand,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const usedElsewhere = checkIdNotUsedElsewhere(command, state, context.idOwner);
  if (usedElsewhere) return { ok: false, error: usedElsewhere };
  switch (command.type) {
    case 'EstablishOrganisation':
      return decideEstablish(command, state, context);
    case 'RegisterOrganisation':
      return decideRegister(command, state, context);
    case 'RenameOrganisation':
      return decideRename(command, state, context);
    case 'DissolveOrganisation':
      return decideDissolve(command, state, context);
    case 'CreatePost':
      return decideCreatePost(command, state, context);
    case 'AbolishPost':
      return decideAbolishPost(command, state, context);
    case 'StartTenure':
      return decideStartTenure(command, state, context);
    case 'EndTenure':
      return decideEndTenure(command, state, context);
    case 'RetractEvent':
      return decideRetract(command, state, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
