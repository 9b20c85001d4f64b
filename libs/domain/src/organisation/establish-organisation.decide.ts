import { basisData, checkBasis } from '../shared/basis';
import { type Decision, domainError, type DomainError, firstError, reject } from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, checkText, compact, required } from '../shared/event-data';
import { contains } from '../shared/interval';
import { isRegionCode, parseKato, regionsOn, topLevelRegion } from '../shared/kato';
import { parseMultilingualName } from '../shared/multilingual-name';
import { type EstablishOrganisation } from './organisation.commands';
import { type OrganisationContext } from './organisation.context';
import { BODY_TYPES, ORGANISATION_KINDS, type OrganisationEvent, type OrganisationKind } from './organisation.events';
import { type OrganisationState } from './organisation.state';
import { orRefuse, settle } from './organisation.settle';

const BRANCH_KINDS: ReadonlyArray<OrganisationKind> = [
  'regional_branch',
  'city_branch',
  'district_branch',
  'primary_branch',
];

/** The tree the charter describes; a body (council, commission) belongs to any unit, or to another body. */
export const ALLOWED_PARENTS: Readonly<Record<OrganisationKind, ReadonlyArray<OrganisationKind>>> = {
  party: [],
  regional_branch: ['party'],
  city_branch: ['regional_branch'],
  district_branch: ['regional_branch', 'city_branch'],
  primary_branch: ['regional_branch', 'city_branch', 'district_branch'],
  body: ['party', ...BRANCH_KINDS, 'body'],
};

function checkKato(c: EstablishOrganisation): DomainError | null {
  if (!BRANCH_KINDS.includes(c.kind)) {
    return c.kato === undefined
      ? null
      : domainError('kato.not_applicable', `A ${c.kind} has no KATO code of its own`, { field: 'kato' });
  }
  if (c.kato === undefined)
    return domainError('kato.invalid', 'A branch needs the KATO code of its territory', { field: 'kato' });
  const kato = parseKato(c.kato);
  if (!kato.ok) return kato.error;
  if (
    c.kind === 'regional_branch' &&
    !(isRegionCode(c.kato) && regionsOn(c.effectiveDate).some((r) => r.kato === c.kato))
  ) {
    return domainError('kato.not_a_region', `${c.kato} is not a top-level region on ${c.effectiveDate}`, {
      field: 'kato',
    });
  }
  return null;
}

function checkBodyType(c: EstablishOrganisation): DomainError | null {
  if (c.kind !== 'body') {
    return c.bodyType === undefined
      ? null
      : domainError('organisation.invalid_body_type', 'Only a body has a bodyType', { field: 'bodyType' });
  }
  return (
    checkOneOf(c.bodyType, BODY_TYPES, 'bodyType') &&
    domainError('organisation.invalid_body_type', `bodyType must be one of ${BODY_TYPES.join(', ')}`, {
      field: 'bodyType',
    })
  );
}

function checkParent(c: EstablishOrganisation, context: OrganisationContext): DomainError | null {
  if (c.kind === 'party') {
    return c.parentId === undefined
      ? null
      : domainError('organisation.invalid_parent', 'A party has no parent', { field: 'parentId' });
  }
  if (c.parentId === undefined)
    return domainError('organisation.invalid_parent', `A ${c.kind} needs a parentId`, { field: 'parentId' });
  const parent = required(context.parent, 'parent');
  if (parent === null || parent.organisationId !== c.parentId) {
    return domainError('organisation.parent_not_found', `No organisation ${c.parentId}`, { parentId: c.parentId });
  }
  if (!ALLOWED_PARENTS[c.kind].includes(parent.kind)) {
    return domainError('organisation.invalid_parent', `A ${c.kind} cannot belong to a ${parent.kind}`, {
      field: 'parentId',
      parentKind: parent.kind,
    });
  }
  // Open-ended from its start, the child would outlive a parent already known to be dissolved.
  if (!contains(parent.lifetime, c.effectiveDate) || parent.lifetime.to !== undefined) {
    return domainError('organisation.parent_inactive', `The parent is not active from ${c.effectiveDate} on`, {
      parentId: c.parentId,
      parentLifetime: parent.lifetime,
    });
  }
  if (c.kato !== undefined && parent.kato !== undefined) {
    const mine = topLevelRegion(c.kato, c.effectiveDate)?.kato;
    const theirs = topLevelRegion(parent.kato, c.effectiveDate)?.kato;
    if (mine !== theirs) {
      return domainError('kato.outside_parent_region', `${c.kato} is not in the parent's region ${theirs}`, {
        field: 'kato',
      });
    }
  }
  return null;
}

export function decideEstablish(
  c: EstablishOrganisation,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  if (state.profile)
    return reject('organisation.already_exists', `Organisation ${state.profile.organisationId} is already established`);
  const name = parseMultilingualName(c.name);
  const error = firstError(
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () =>
      checkOneOf(c.kind, ORGANISATION_KINDS, 'kind') &&
      domainError('organisation.invalid_kind', `kind must be one of ${ORGANISATION_KINDS.join(', ')}`, {
        field: 'kind',
      }),
    () => checkText(c.organisationId, 'organisationId', { max: 100 }),
    () => (name.ok ? null : name.error),
    () => checkBasis(c.basis),
    () => checkBodyType(c),
    () => checkKato(c),
    () => checkParent(c, context),
  );
  if (error || !name.ok) return orRefuse(error) ?? reject('name.invalid', 'Invalid name');
  const { organisationId, kind, parentId, bodyType, kato, effectiveDate } = c;
  return settle(state, [
    {
      type: 'OrganisationEstablished',
      data: compact({
        organisationId,
        kind,
        parentId,
        name: name.value,
        bodyType,
        kato,
        effectiveDate,
        ...basisData(c.basis),
      }),
    },
  ]);
}
