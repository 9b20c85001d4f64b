import { deciderSpec } from '../testing/given-when-then';
import {
  BRANCH_ID,
  branchEstablished,
  branchLink,
  citing,
  meetingHeld,
  memberSince,
  noDependants,
  partyFacts,
  partyLink,
  postCreated,
  tenureStarted,
  TODAY,
} from '../testing/fixtures';
import { type EstablishOrganisation } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

/**
 * DOMAIN.md, Concepts: every kind of organisation, collegial body, way of taking a post and way of
 * leaving it that the domain names is one the registry records, and a reorganisation keeps its lineage.
 */
const spec = deciderSpec(organisationDecider);
const base = { today: TODAY, ...citing([branchLink, partyLink], meetingHeld()) };
const karaganda = {
  organisationId: BRANCH_ID,
  kind: 'regional_branch' as const,
  kato: '350000000',
  lifetime: { from: '2023-01-10' },
};
const cityBranch = { ...karaganda, organisationId: 'city-0001', kind: 'city_branch' as const, kato: '351010000' };
const districtBranch = { ...cityBranch, organisationId: 'district-0001', kind: 'district_branch' as const };

const establish = (overrides: Partial<EstablishOrganisation>): EstablishOrganisation => ({
  type: 'EstablishOrganisation',
  organisationId: 'org-new',
  kind: 'city_branch',
  parentId: BRANCH_ID,
  name: { ru: 'Синтетический филиал' },
  kato: '351010000',
  effectiveDate: '2023-03-01',
  ...overrides,
});

describe('Concepts: organisations', () => {
  it.each([
    ['regional_branch', partyFacts, '350000000'],
    ['city_branch', karaganda, '351010000'],
    ['district_branch', cityBranch, '351010000'],
    ['primary_branch', districtBranch, '351010000'],
  ] as const)('given its parent, when a %s is established, then it is recorded in the tree', (kind, parent, kato) => {
    spec
      .given()
      .when(establish({ kind, parentId: parent.organisationId, kato }), { ...base, parent })
      .then({
        type: 'OrganisationEstablished',
        data: expect.objectContaining({ kind, parentId: parent.organisationId, kato }) as never,
      });
  });

  it.each(['congress', 'political_council', 'counting_commission', 'audit_commission', 'bureau'] as const)(
    'given a branch, when a %s is established as its body, then it is recorded with that bodyType',
    (bodyType) => {
      spec
        .given()
        .when(establish({ kind: 'body', bodyType, kato: undefined }), { ...base, parent: karaganda })
        .then({
          type: 'OrganisationEstablished',
          data: expect.objectContaining({ kind: 'body', bodyType, parentId: BRANCH_ID }) as never,
        });
    },
  );

  it('given a branch, when it is split into two, then the dissolution names both successors', () => {
    spec
      .given(branchEstablished())
      .when(
        {
          type: 'DissolveOrganisation',
          reason: 'split',
          successorIds: ['branch-0002', 'branch-0003'],
          effectiveDate: '2024-01-01',
        },
        { ...base, dependants: noDependants },
      )
      .then({
        type: 'OrganisationDissolved',
        data: { reason: 'split', successorIds: ['branch-0002', 'branch-0003'], effectiveDate: '2024-01-01' },
      });
  });
});

describe('Concepts: tenures', () => {
  const org = [branchEstablished('2023-01-10'), postCreated('chair', 1, '2023-01-10')];
  const member = { ...base, holder: memberSince('2022-10-01') };

  it.each(['elected', 'appointed', 'co_opted', 'acting'] as const)(
    'given a vacant post, when a member takes it %s, then the tenure records how',
    (method) => {
      spec
        .given(...org)
        .when(
          {
            type: 'StartTenure',
            postId: 'chair',
            tenureId: 't-new',
            personId: 'p-new',
            method,
            effectiveDate: '2023-03-01',
            basis: { meetingId: 'meeting-0001' },
          },
          member,
        )
        .then({ type: 'TenureStarted', data: expect.objectContaining({ tenureId: 't-new', method }) as never });
    },
  );

  it.each(['resigned', 'dismissed', 'term_expired', 'died', 'post_abolished', 'membership_ended'] as const)(
    'given a running tenure, when it ends as %s, then the end records why',
    (reason) => {
      spec
        .given(...org, tenureStarted('t1', 'chair', 'p1', '2023-01-10'))
        .when({ type: 'EndTenure', tenureId: 't1', effectiveDate: '2023-09-01', reason }, { today: TODAY })
        .then({
          type: 'TenureEnded',
          data: { tenureId: 't1', postId: 'chair', personId: 'p1', reason, effectiveDate: '2023-09-01' },
        });
    },
  );
});
