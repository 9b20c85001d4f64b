import { deciderSpec } from '../testing/given-when-then';
import {
  BRANCH_ID,
  branchLink,
  citing,
  meetingHeld,
  partyLink,
  branchEstablished,
  dissolved,
  noDependants,
  PARTY_ID,
  partyFacts,
  postCreated,
  tenureEnded,
  tenureStarted,
  TODAY,
} from '../testing/fixtures';
import { type EstablishOrganisation } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

const spec = deciderSpec(organisationDecider);
// Every decision below that cites the meeting concerns the party or its branch.
const base = { today: TODAY, ...citing([branchLink, partyLink], meetingHeld()) };
const founding = { ...citing([partyLink], meetingHeld({ date: '2022-01-01' })) };
const karaganda = {
  organisationId: BRANCH_ID,
  kind: 'regional_branch' as const,
  kato: '350000000',
  lifetime: { from: '2023-01-10' },
};

const establishBranch = (overrides: Partial<EstablishOrganisation> = {}): EstablishOrganisation => ({
  type: 'EstablishOrganisation',
  organisationId: BRANCH_ID,
  kind: 'regional_branch',
  parentId: PARTY_ID,
  name: { ru: 'Карагандинский областной филиал', kk: 'Қарағанды облыстық филиалы' },
  kato: '350000000',
  effectiveDate: '2023-01-10',
  basis: { meetingId: 'meeting-0001', protocolNumber: '1', votes: { for: 128, against: 0, abstained: 0 } },
  ...overrides,
});

describe('EstablishOrganisation', () => {
  it('establishes the party, which has no parent', () => {
    spec
      .given()
      .when(
        {
          type: 'EstablishOrganisation',
          organisationId: PARTY_ID,
          kind: 'party',
          name: { kk: 'Байтақ', en: 'Baytaq' },
          effectiveDate: '2022-09-24',
        },
        { ...base, parent: null },
      )
      .then({
        type: 'OrganisationEstablished',
        data: {
          organisationId: PARTY_ID,
          kind: 'party',
          name: { kk: 'Байтақ', en: 'Baytaq' },
          effectiveDate: '2022-09-24',
        },
      });
  });

  it('establishes a regional branch under an active party, with its basis', () => {
    const { type: _type, ...data } = establishBranch();
    spec
      .given()
      .when(establishBranch(), { ...base, ...founding, parent: partyFacts })
      .then({ type: 'OrganisationEstablished', data });
  });

  it('establishes a body with its bodyType and no KATO', () => {
    spec
      .given()
      .when(establishBranch({ kind: 'body', bodyType: 'counting_commission', kato: undefined, parentId: BRANCH_ID }), {
        ...base,
        parent: karaganda,
      })
      .then({
        type: 'OrganisationEstablished',
        data: expect.objectContaining({ kind: 'body', bodyType: 'counting_commission' }) as never,
      });
  });

  it('accepts territory of a post-2022 region under its predecessor before the split', () => {
    const oldKaraganda = { ...karaganda, lifetime: { from: '2020-01-01' } };
    const decision = spec
      .given()
      .when(
        establishBranch({ kind: 'city_branch', kato: '621010000', parentId: BRANCH_ID, effectiveDate: '2022-01-01' }),
        { ...base, ...founding, parent: oldKaraganda },
      ).decision;
    expect(decision.ok).toBe(true);
  });

  it.each([
    ['organisation.already_exists', [branchEstablished()], {}, {}],
    ['date.in_future', [], { effectiveDate: '2024-06-02' }, {}],
    ['date.invalid', [], { effectiveDate: '2023-02-30' }, {}],
    ['organisation.invalid_kind', [], { kind: 'club' as never }, {}],
    ['name.invalid', [], { name: { en: 'English only' } }, {}],
    ['basis.invalid', [], { basis: { votes: { for: 1.5, against: 0, abstained: 0 } } }, {}],
    ['organisation.invalid_parent', [], { kind: 'party' as const, kato: undefined }, {}],
    ['organisation.invalid_parent', [], { parentId: undefined }, {}],
    ['organisation.invalid_parent', [], { kind: 'city_branch' as const, kato: '351010000' }, {}],
    ['organisation.parent_not_found', [], {}, { parent: null }],
    ['organisation.parent_not_found', [], { parentId: 'someone-else' }, {}],
    ['organisation.parent_inactive', [], { effectiveDate: '2022-09-23' }, {}],
    [
      'organisation.parent_inactive',
      [],
      {},
      { parent: { ...partyFacts, lifetime: { from: '2022-09-24', to: '2024-01-01' } } },
    ],
    ['kato.invalid', [], { kato: undefined }, {}],
    ['kato.invalid', [], { kato: '990000000' }, {}],
    ['kato.not_a_region', [], { kato: '351010000' }, {}],
    ['kato.not_applicable', [], { kind: 'body' as const, bodyType: 'bureau' as const }, {}],
    ['organisation.invalid_body_type', [], { kind: 'body' as const, kato: undefined }, {}],
    ['organisation.invalid_body_type', [], { bodyType: 'bureau' as const }, {}],
  ])('refuses with %s', (code, given, overrides, context) => {
    spec
      .given(...given)
      .when(establishBranch(overrides), { ...base, parent: partyFacts, ...context })
      .thenError(code as never);
  });

  it('refuses a region that did not exist yet on the effective date', () => {
    const oldParty = { ...partyFacts, lifetime: { from: '2020-01-01' } };
    spec
      .given()
      .when(establishBranch({ kato: '620000000', effectiveDate: '2022-06-07' }), {
        ...base,
        ...founding,
        parent: oldParty,
      })
      .thenError('kato.not_a_region');
    expect(
      spec.given().when(establishBranch({ kato: '620000000', effectiveDate: '2022-06-08' }), {
        ...base,
        ...founding,
        parent: oldParty,
      }).decision.ok,
    ).toBe(true);
  });

  it("refuses a child outside its parent's region", () => {
    spec
      .given()
      .when(establishBranch({ kind: 'city_branch', kato: '751010000', parentId: BRANCH_ID }), {
        ...base,
        parent: karaganda,
      })
      .thenError('kato.outside_parent_region');
  });
});

describe('RegisterOrganisation', () => {
  const register = (effectiveDate = '2023-02-01') => ({
    type: 'RegisterOrganisation' as const,
    authority: 'Департамент юстиции',
    number: '123-1902-01',
    bin: '230140012345',
    effectiveDate,
  });

  it('records the registration', () => {
    spec
      .given(branchEstablished())
      .when(register(), base)
      .then({
        type: 'OrganisationRegistered',
        data: {
          authority: 'Департамент юстиции',
          number: '123-1902-01',
          bin: '230140012345',
          effectiveDate: '2023-02-01',
        },
      });
  });

  it('records a registration whose number and BIN are not known, without inventing them', () => {
    const { number: _number, bin: _bin, ...withoutIds } = register();
    spec
      .given(branchEstablished())
      .when(withoutIds, base)
      .then({
        type: 'OrganisationRegistered',
        data: { authority: 'Департамент юстиции', effectiveDate: '2023-02-01' },
      });
  });

  it.each([
    ['organisation.not_found', [], register()],
    ['field.invalid', [branchEstablished()], { ...register(), bin: '12345' }],
    ['organisation.not_active', [branchEstablished()], register('2023-01-09')],
    ['organisation.dissolved', [branchEstablished(), dissolved('2023-06-01')], register('2023-06-01')],
    ['date.in_future', [branchEstablished()], register('2025-01-01')],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});

describe('RenameOrganisation', () => {
  const rename = (effectiveDate = '2023-03-01') => ({
    type: 'RenameOrganisation' as const,
    name: { ru: 'Новое имя' },
    effectiveDate,
  });

  it('records the new name from its date', () => {
    spec
      .given(branchEstablished())
      .when(rename(), base)
      .then({ type: 'OrganisationRenamed', data: { name: { ru: 'Новое имя' }, effectiveDate: '2023-03-01' } });
  });

  it.each([
    ['organisation.not_found', [], rename()],
    ['name.invalid', [branchEstablished()], { ...rename(), name: {} }],
    ['organisation.not_active', [branchEstablished()], rename('2022-12-31')],
    ['organisation.dissolved', [branchEstablished(), dissolved('2023-02-01')], rename()],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});

describe('DissolveOrganisation', () => {
  const dissolve = (effectiveDate = '2024-01-01') => ({
    type: 'DissolveOrganisation' as const,
    reason: 'merged' as const,
    successorIds: ['branch-0002'],
    effectiveDate,
  });
  const context = (dependants = noDependants) => ({ ...base, dependants });

  it('dissolves an organisation with nothing active on or after the date', () => {
    spec
      .given(
        branchEstablished(),
        postCreated('chair'),
        tenureStarted('t1', 'chair', 'p1', '2023-01-10'),
        tenureEnded('t1', 'chair', 'p1', '2023-12-01'),
      )
      .when(
        dissolve(),
        context({
          children: [{ organisationId: 'c1', lifetime: { from: '2023-02-01', to: '2023-12-31' } }],
          memberPeriods: [{ from: '2023-01-10', to: '2024-01-01' }],
        }),
      )
      .then({
        type: 'OrganisationDissolved',
        data: { reason: 'merged', successorIds: ['branch-0002'], effectiveDate: '2024-01-01' },
      });
  });

  it.each([
    ['organisation.not_found', [], dissolve(), noDependants],
    ['organisation.dissolved', [branchEstablished(), dissolved('2023-06-01')], dissolve(), noDependants],
    ['date.before_start', [branchEstablished()], dissolve('2023-01-10'), noDependants],
    ['field.invalid', [branchEstablished()], { ...dissolve(), reason: 'bored' as never }, noDependants],
    [
      'organisation.has_active_children',
      [branchEstablished()],
      dissolve(),
      { children: [{ organisationId: 'c1', lifetime: { from: '2023-02-01' } }], memberPeriods: [] },
    ],
    [
      'organisation.has_active_children',
      [branchEstablished()],
      dissolve(),
      { children: [{ organisationId: 'c1', lifetime: { from: '2024-03-01' } }], memberPeriods: [] },
    ],
    [
      'organisation.has_active_members',
      [branchEstablished()],
      dissolve(),
      { children: [], memberPeriods: [{ from: '2023-05-01', to: '2024-01-02' }] },
    ],
  ])('refuses with %s', (code, given, command, dependants) => {
    spec
      .given(...given)
      .when(command, context(dependants))
      .thenError(code as never);
  });

  it('refuses while officers hold posts on or after the date, backdated too', () => {
    const history = [
      branchEstablished(),
      postCreated('chair'),
      tenureStarted('t1', 'chair', 'p1', '2023-01-10'),
      tenureEnded('t1', 'chair', 'p1', '2024-03-01'),
    ];
    spec
      .given(...history)
      .when(dissolve('2024-01-01'), context())
      .thenError('organisation.has_active_officers', { tenureIds: ['t1'] });
  });

  it('refuses a backdated dissolution before posts created later', () => {
    spec
      .given(branchEstablished(), postCreated('chair', 1, '2023-06-01'))
      .when(dissolve('2023-03-01'), context())
      .thenError('organisation.dissolved');
  });
});
