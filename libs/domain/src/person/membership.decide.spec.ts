import { type OrganisationSummary } from '../shared/cross-stream';
import { deciderSpec } from '../testing/given-when-then';
import {
  admitted,
  BRANCH_ID,
  ended,
  PARTY_ID,
  partyFacts,
  personRegistered,
  reinstated,
  suspended,
  TODAY,
  transferred,
} from '../testing/fixtures';
import { type AdmitMember } from './person.commands';
import { personDecider } from './person.decider';
import { type PersonEvent } from './person.events';

const spec = deciderSpec(personDecider);
const branch: OrganisationSummary = {
  organisationId: BRANCH_ID,
  kind: 'regional_branch',
  kato: '350000000',
  lifetime: { from: '2023-01-10' },
};
const admitCtx = (organisation: OrganisationSummary = branch, extra = {}) => ({ today: TODAY, organisation, ...extra });
const person = personRegistered('1980-05-05');

const admit = (overrides: Partial<AdmitMember> = {}): AdmitMember => ({
  type: 'AdmitMember',
  organisationId: BRANCH_ID,
  effectiveDate: '2023-02-01',
  cardNumber: '000001',
  basis: { protocolNumber: '3' },
  ...overrides,
});

describe('AdmitMember', () => {
  it('admits an adult citizen to an active branch', () => {
    spec
      .given(person)
      .when(admit(), admitCtx())
      .then({
        type: 'MemberAdmitted',
        data: {
          organisationId: BRANCH_ID,
          cardNumber: '000001',
          effectiveDate: '2023-02-01',
          basis: { protocolNumber: '3' },
        },
      });
  });

  it('records a membership already over as an admission and an end', () => {
    spec
      .given(person, admitted('2023-06-01'))
      .when(
        admit({ cardNumber: undefined, basis: undefined, end: { effectiveDate: '2023-05-01', reason: 'resigned' } }),
        admitCtx(),
      )
      .then(
        { type: 'MemberAdmitted', data: { organisationId: BRANCH_ID, effectiveDate: '2023-02-01' } },
        { type: 'MembershipEnded', data: { reason: 'resigned', effectiveDate: '2023-05-01' } },
      );
  });

  it('readmits after an earlier membership ended, even on the same day', () => {
    expect(spec.given(person, admitted('2023-01-10'), ended('2023-02-01')).when(admit(), admitCtx()).decision.ok).toBe(
      true,
    );
  });

  it('checks the age on the admission date, with the minimum age from configuration', () => {
    const teen = personRegistered('2005-02-01');
    spec
      .given(teen)
      .when(admit({ effectiveDate: '2023-01-31' }), admitCtx())
      .thenError('membership.underage', { minAge: 18, age: 17 });
    expect(spec.given(teen).when(admit({ effectiveDate: '2023-02-01' }), admitCtx()).decision.ok).toBe(true);
    expect(
      spec.given(teen).when(admit({ effectiveDate: '2023-01-31' }), admitCtx(branch, { minAge: 16 })).decision.ok,
    ).toBe(true);
  });

  it('checks the citizenship held on the admission date', () => {
    const naturalised: PersonEvent[] = [
      personRegistered('1980-05-05', 'RU'),
      { type: 'PersonDetailsChanged', data: { reason: 'changed', effectiveDate: '2023-03-01', citizenship: 'KZ' } },
    ];
    spec
      .given(...naturalised)
      .when(admit(), admitCtx())
      .thenError('membership.not_citizen');
    expect(spec.given(...naturalised).when(admit({ effectiveDate: '2023-03-01' }), admitCtx()).decision.ok).toBe(true);
  });

  it('admits a person without a recorded birth date only on an attested age, and records the attestation', () => {
    const noBirthDate = { ...person, data: { ...person.data, personal: {} } } as PersonEvent;
    spec
      .given(noBirthDate)
      .when(admit({ ageAttested: true }), admitCtx())
      .then({
        type: 'MemberAdmitted',
        data: {
          organisationId: BRANCH_ID,
          cardNumber: '000001',
          effectiveDate: '2023-02-01',
          basis: { protocolNumber: '3' },
          ageAttested: true,
        },
      });
  });

  it.each([
    ['person.not_found', [], admit(), admitCtx()],
    ['organisation.not_found', [person], admit(), { today: TODAY, organisation: null }],
    ['organisation.not_found', [person], admit({ organisationId: 'other' }), admitCtx()],
    ['membership.invalid_organisation', [person], admit(), admitCtx({ ...branch, kind: 'body' as never })],
    ['membership.not_citizen', [personRegistered('1980-05-05', 'RU')], admit(), admitCtx()],
    [
      'membership.birth_date_unknown',
      [{ ...person, data: { ...person.data, personal: {} } } as PersonEvent],
      admit(),
      admitCtx(),
    ],
    ['membership.already_member', [person, admitted('2023-01-10', PARTY_ID)], admit(), admitCtx()],
    ['membership.already_member', [person, admitted('2023-06-01')], admit(), admitCtx()],
    ['organisation.not_active', [person], admit({ effectiveDate: '2023-01-09' }), admitCtx()],
    [
      'organisation.dissolved',
      [person],
      admit(),
      admitCtx({ ...branch, lifetime: { from: '2023-01-10', to: '2024-01-01' } }),
    ],
    ['date.in_future', [person], admit({ effectiveDate: '2024-06-02' }), admitCtx()],
    ['date.before_start', [person], admit({ end: { effectiveDate: '2023-02-01', reason: 'died' } }), admitCtx()],
  ])('refuses with %s', (code, given, command, context) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });
});

describe('TransferMember', () => {
  const member = [person, admitted('2023-01-15', PARTY_ID)];
  const transfer = (effectiveDate = '2023-03-01', organisationId = BRANCH_ID) => ({
    type: 'TransferMember' as const,
    organisationId,
    effectiveDate,
  });

  it('moves the membership to another branch', () => {
    spec
      .given(...member)
      .when(transfer(), admitCtx())
      .then({ type: 'MemberTransferred', data: { organisationId: BRANCH_ID, effectiveDate: '2023-03-01' } });
  });

  it.each([
    ['person.not_found', [], transfer(), admitCtx()],
    ['membership.not_member', [person], transfer(), admitCtx()],
    ['membership.not_member', member, transfer('2023-01-14'), admitCtx()],
    ['membership.not_member', [...member, ended('2023-02-01')], transfer(), admitCtx()],
    ['membership.same_organisation', member, transfer('2023-03-01', PARTY_ID), admitCtx(partyFacts)],
    ['organisation.not_found', member, transfer(), { today: TODAY, organisation: null }],
    ['membership.invalid_organisation', member, transfer(), admitCtx({ ...branch, kind: 'body' as never })],
    [
      'organisation.dissolved',
      member,
      transfer(),
      admitCtx({ ...branch, lifetime: { from: '2023-01-10', to: '2023-12-01' } }),
    ],
    ['date.in_future', member, transfer('2025-01-01'), admitCtx()],
  ])('refuses with %s', (code, given, command, context) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });

  it('accepts a backdated transfer into a branch that closes when the membership moves on', () => {
    const given = [...member, transferred('2023-12-01', 'branch-0002')];
    expect(
      spec.given(...given).when(transfer(), admitCtx({ ...branch, lifetime: { from: '2023-01-10', to: '2023-12-01' } }))
        .decision.ok,
    ).toBe(true);
  });
});

describe('SuspendMembership and ReinstateMembership', () => {
  const member = [person, admitted('2023-02-01')];
  const suspend = (effectiveDate: string) => ({ type: 'SuspendMembership' as const, effectiveDate });
  const reinstate = (effectiveDate: string) => ({ type: 'ReinstateMembership' as const, effectiveDate });
  const base = { today: TODAY };

  it('suspends and reinstates', () => {
    spec
      .given(...member)
      .when(suspend('2023-05-01'), base)
      .then({ type: 'MembershipSuspended', data: { effectiveDate: '2023-05-01' } });
    spec
      .given(...member, suspended('2023-05-01'))
      .when(reinstate('2023-07-01'), base)
      .then({ type: 'MembershipReinstated', data: { effectiveDate: '2023-07-01' } });
  });

  it.each([
    ['person.not_found', [], suspend('2023-05-01')],
    ['membership.not_member', [person], suspend('2023-05-01')],
    ['membership.already_suspended', [...member, suspended('2023-05-01')], suspend('2023-06-01')],
    [
      'membership.already_suspended',
      [...member, suspended('2023-05-01'), reinstated('2023-07-01')],
      suspend('2023-03-01'),
    ],
    ['membership.not_suspended', member, reinstate('2023-05-01')],
    ['membership.not_suspended', [...member, suspended('2023-05-01')], reinstate('2023-05-01')],
    ['date.in_future', member, suspend('2025-01-01')],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});

describe('TerminateMembership', () => {
  const member = [person, admitted('2023-02-01')];
  const terminate = (effectiveDate = '2024-01-01') => ({
    type: 'TerminateMembership' as const,
    effectiveDate,
    reason: 'expelled' as const,
  });
  const ctx = (officerPeriods: Array<{ from: string; to?: string }> = []) => ({ today: TODAY, officerPeriods });

  it('ends the membership; open tenures begun before are left for the app to end', () => {
    spec
      .given(...member)
      .when(terminate(), ctx([{ from: '2023-03-01' }, { from: '2023-02-01', to: '2023-04-01' }]))
      .then({ type: 'MembershipEnded', data: { reason: 'expelled', effectiveDate: '2024-01-01' } });
  });

  it.each([
    ['person.not_found', [], terminate(), ctx()],
    ['membership.not_member', [person], terminate(), ctx()],
    ['membership.not_member', [...member, transferred('2024-02-01', PARTY_ID)], terminate(), ctx()],
    ['membership.has_later_tenures', member, terminate(), ctx([{ from: '2024-02-01' }])],
    ['membership.has_later_tenures', member, terminate(), ctx([{ from: '2023-03-01', to: '2024-03-01' }])],
    ['field.invalid', member, { ...terminate(), reason: 'bored' as never }, ctx()],
    ['date.in_future', member, terminate('2025-01-01'), ctx()],
  ])('refuses with %s', (code, given, command, context) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });
});
