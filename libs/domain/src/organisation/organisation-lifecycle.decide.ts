import { basisData, checkBasis } from '../shared/basis';
import { asRecorded, checkCleanText } from '../shared/clean-text';
import { type Decision, domainError, type DomainError, firstError, reject } from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, compact, required } from '../shared/event-data';
import { reachesOnOrAfter } from '../shared/interval';
import { parseMultilingualName } from '../shared/multilingual-name';
import { type DissolveOrganisation, type RegisterOrganisation, type RenameOrganisation } from './organisation.commands';
import { type OrganisationContext } from './organisation.context';
import { DISSOLUTION_REASONS, type OrganisationEvent } from './organisation.events';
import { type OrganisationState } from './organisation.state';
import { orRefuse, settle } from './organisation.settle';

export function notFound(state: OrganisationState): { ok: false; error: DomainError } | null {
  return state.profile ? null : reject('organisation.not_found', 'No organisation has been established in this stream');
}

export function decideRegister(
  c: RegisterOrganisation,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const error = firstError(
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => checkCleanText(c.authority, 'authority', { max: 300 }),
    () => checkCleanText(c.number, 'number', { max: 100, required: false }),
    () =>
      c.bin === undefined || /^\d{12}$/.test(c.bin)
        ? null
        : domainError('field.invalid', 'bin is a 12-digit business identification number', { field: 'bin' }),
  );
  const refusal = notFound(state) ?? orRefuse(error);
  if (refusal) return refusal;
  const { authority, number, bin, effectiveDate } = c;
  return settle(state, [
    {
      type: 'OrganisationRegistered',
      // Number and BIN are public for most parties but not all: unknown stays unknown, never invented.
      data: compact({ authority: asRecorded(authority), number: asRecorded(number), bin, effectiveDate }),
    },
  ]);
}

export function decideRename(
  c: RenameOrganisation,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const name = parseMultilingualName(c.name);
  const refusal =
    notFound(state) ??
    orRefuse(
      firstError(
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => (name.ok ? null : name.error),
        () => checkBasis(c.basis),
      ),
    );
  if (refusal || !name.ok) return refusal ?? reject('name.invalid', 'Invalid name');
  return settle(state, [
    { type: 'OrganisationRenamed', data: { name: name.value, effectiveDate: c.effectiveDate, ...basisData(c.basis) } },
  ]);
}

function checkDependants(
  c: DissolveOrganisation,
  state: OrganisationState,
  context: OrganisationContext,
): DomainError | null {
  const date = c.effectiveDate;
  const { children, memberPeriods } = required(context.dependants, 'dependants');
  const activeChildren = children
    .filter((child) => reachesOnOrAfter(child.lifetime, date))
    .map((child) => child.organisationId);
  if (activeChildren.length > 0) {
    return domainError('organisation.has_active_children', `Sub-branches or bodies are active on or after ${date}`, {
      childIds: activeChildren,
    });
  }
  const members = memberPeriods.filter((p) => reachesOnOrAfter(p, date)).length;
  if (members > 0)
    return domainError('organisation.has_active_members', `${members} membership(s) held here on or after ${date}`, {
      count: members,
    });
  const officers = Object.values(state.tenures).filter((t) => reachesOnOrAfter(t.period, date));
  if (officers.length > 0) {
    return domainError('organisation.has_active_officers', `Posts are held on or after ${date}`, {
      tenureIds: officers.map((t) => t.id),
    });
  }
  return null;
}

export function decideDissolve(
  c: DissolveOrganisation,
  state: OrganisationState,
  context: OrganisationContext,
): Decision<OrganisationEvent> {
  const refusal =
    notFound(state) ??
    (state.dissolution
      ? reject('organisation.dissolved', `Already dissolved on ${state.dissolution.effectiveDate}`)
      : null) ??
    orRefuse(
      firstError(
        () => checkEffectiveDate(c.effectiveDate, context.today),
        () => checkOneOf(c.reason, DISSOLUTION_REASONS, 'reason'),
        () =>
          c.successorIds === undefined ||
          (Array.isArray(c.successorIds) && c.successorIds.every((id) => typeof id === 'string' && id !== ''))
            ? null
            : domainError('field.invalid', 'successorIds must be organisation ids', { field: 'successorIds' }),
        () => checkBasis(c.basis),
        () => checkDependants(c, state, context),
      ),
    );
  if (refusal) return refusal;
  const { reason, successorIds, effectiveDate } = c;
  return settle(state, [
    { type: 'OrganisationDissolved', data: compact({ reason, successorIds, effectiveDate, ...basisData(c.basis) }) },
  ]);
}
