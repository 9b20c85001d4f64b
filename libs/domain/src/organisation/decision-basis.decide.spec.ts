import { type AncestryLink, type MeetingSummary } from '../shared/cross-stream';
import { deciderSpec } from '../testing/given-when-then';
import {
  BRANCH_ID,
  branchEstablished,
  branchLink,
  citing,
  MEETING_ID,
  meetingHeld,
  memberSince,
  PARTY_ID,
  partyFacts,
  partyLink,
  postCreated,
  TODAY,
} from '../testing/fixtures';
import { type EstablishOrganisation, type StartTenure } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import { organisationNeeds } from './organisation.needs';

/** Decisions resting on a meeting (DOMAIN.md, "Decisions and their meetings"), through the organisation decider. */
const spec = deciderSpec(organisationDecider);
const CITY_ID = 'city-0002';
const SIBLING_ID = 'branch-0003';
const cityLink: AncestryLink = { organisationId: CITY_ID, kind: 'city_branch' };
const siblingLink: AncestryLink = { organisationId: SIBLING_ID, kind: 'regional_branch' };
const council = (parent: AncestryLink[], bodyType = 'political_council'): AncestryLink[] => [
  { organisationId: `council-of-${parent[0]!.organisationId}`, kind: 'body', bodyType },
  ...parent,
];

const branchChain = [branchLink, partyLink];
const org = [branchEstablished('2023-01-10'), postCreated('chair', 1, '2023-01-10')];
const start = (overrides: Partial<StartTenure> = {}): StartTenure => ({
  type: 'StartTenure',
  postId: 'chair',
  tenureId: 't-1',
  personId: 'p-1',
  method: 'elected',
  effectiveDate: '2023-03-01',
  basis: { meetingId: MEETING_ID, votes: { for: 80, against: 20, abstained: 8 } },
  ...overrides,
});
/** The tenure's context, the meeting it cites being `meeting` (held by the branch unless told). */
const tenureCtx = (meeting: Partial<MeetingSummary> = {}, ancestry = branchChain) => ({
  today: TODAY,
  holder: memberSince('2022-10-01'),
  ...citing(ancestry, meetingHeld({ heldBy: branchChain, ...meeting })),
});
const found = (overrides: Partial<EstablishOrganisation> = {}): EstablishOrganisation => ({
  type: 'EstablishOrganisation',
  organisationId: BRANCH_ID,
  kind: 'regional_branch',
  parentId: PARTY_ID,
  name: { ru: 'Синтетический областной филиал' },
  kato: '350000000',
  effectiveDate: '2023-01-10',
  basis: { meetingId: MEETING_ID },
  ...overrides,
});
const foundingCtx = (heldBy: AncestryLink[]) => ({
  today: TODAY,
  parent: partyFacts,
  ...citing([partyLink], meetingHeld({ heldBy })),
});

describe('a decision citing a meeting', () => {
  it('rests on a quorate meeting of its organisation held that day, votes carried: accepted with its basis', () => {
    const decision = spec.given(...org).when(start(), tenureCtx()).decision;
    expect(decision.ok && decision.events[0]).toMatchObject({ type: 'TenureStarted', data: { basis: start().basis } });
  });

  it('is refused when the meeting is not recorded, naming it', () => {
    spec
      .given(...org)
      .when(start(), { ...tenureCtx(), meetings: {} })
      .thenError('basis.meeting_not_found', { meetingId: MEETING_ID, field: 'basis.meetingId' });
  });

  it('is refused when the meeting was retracted', () => {
    spec
      .given(...org)
      .when(start(), tenureCtx({ retracted: true }))
      .thenError('basis.meeting_retracted', { meetingId: MEETING_ID });
  });

  it('is refused when the meeting was held after the decision, a backdated entry too', () => {
    spec
      .given(...org)
      .when(start({ effectiveDate: '2023-02-01' }), tenureCtx({ date: '2023-02-02' }))
      .thenError('basis.meeting_after_decision', { meetingDate: '2023-02-02', effectiveDate: '2023-02-01' });
    // The same meeting the same day is fine: a meeting decides on its own date.
    expect(
      spec.given(...org).when(start({ effectiveDate: '2023-02-02' }), tenureCtx({ date: '2023-02-02' })).decision.ok,
    ).toBe(true);
  });

  it('checks the basis of an end recorded with the start, at the end date', () => {
    const end = { effectiveDate: '2023-06-01', reason: 'resigned' as const, basis: { meetingId: 'later-meeting' } };
    const ctx = {
      ...tenureCtx(),
      meetings: {
        ...tenureCtx().meetings,
        'later-meeting': meetingHeld({ meetingId: 'later-meeting', heldBy: branchChain, date: '2023-07-01' }),
      },
    };
    spec
      .given(...org)
      .when(start({ end }), ctx)
      .thenError('basis.meeting_after_decision', { meetingId: 'later-meeting', field: 'end.basis.meetingId' });
  });

  it('is refused when the meeting had fewer present than its quorum, and accepted when the quorum is not known', () => {
    spec
      .given(...org)
      .when(start({ basis: { meetingId: MEETING_ID } }), tenureCtx({ attendance: 5, quorum: 50 }))
      .thenError('basis.meeting_inquorate', { attendance: 5, quorum: 50 });
    const unknownQuorum = tenureCtx({ attendance: 5, quorum: undefined });
    delete (unknownQuorum.meetings[MEETING_ID] as Partial<MeetingSummary>).quorum;
    expect(spec.given(...org).when(start({ basis: { meetingId: MEETING_ID } }), unknownQuorum).decision.ok).toBe(true);
  });

  it('is refused when more votes were cast than members were present', () => {
    spec
      .given(...org)
      .when(start({ basis: { meetingId: MEETING_ID, votes: { for: 100, against: 20, abstained: 9 } } }), tenureCtx())
      .thenError('basis.votes_invalid', { cast: 129, attendance: 128, field: 'basis.votes' });
  });

  it('is refused when the motion was not carried (a tie is not carried)', () => {
    spec
      .given(...org)
      .when(start({ basis: { meetingId: MEETING_ID, votes: { for: 40, against: 40, abstained: 0 } } }), tenureCtx())
      .thenError('basis.not_carried', { meetingId: MEETING_ID });
  });

  it.each<[string, AncestryLink[]]>([
    ['the organisation itself', branchChain],
    ['its parent', [partyLink]],
    ["its parent's political council", council([partyLink])],
    ['its own political council', council(branchChain)],
  ])('may rest on a meeting of %s', (_, heldBy) => {
    expect(spec.given(...org).when(start(), tenureCtx({ heldBy })).decision.ok).toBe(true);
  });

  it.each<[string, AncestryLink[]]>([
    ['a sibling branch', [siblingLink, partyLink]],
    ['a sub-branch', [cityLink, ...branchChain]],
    ["a sub-branch's council", council([cityLink, ...branchChain])],
    [
      'its own counting commission, which counts votes and decides nothing',
      council(branchChain, 'counting_commission'),
    ],
  ])('is refused resting on a meeting of %s', (_, heldBy) => {
    spec
      .given(...org)
      .when(start(), tenureCtx({ heldBy }))
      .thenError('basis.meeting_not_competent', {
        meetingId: MEETING_ID,
        heldBy: heldBy[0]!.organisationId,
        concerns: BRANCH_ID,
      });
  });

  it('founds a branch on a meeting of its parent, never of the branch itself', () => {
    expect(spec.given().when(found(), foundingCtx([partyLink])).decision.ok).toBe(true);
    // Its concerned chain is the parent's: a meeting held by the branch (or its body) is nobody's to found it.
    spec
      .given()
      .when(found(), foundingCtx(branchChain))
      .thenError('basis.meeting_not_competent', { concerns: PARTY_ID });
    spec
      .given()
      .when(found(), foundingCtx(council(branchChain)))
      .thenError('basis.meeting_not_competent');
  });

  it('is checked after the rules of the stream itself: an unknown post stays post.not_found', () => {
    spec
      .given(...org)
      .when(start({ postId: 'nope' }), { ...tenureCtx(), meetings: {} })
      .thenError('post.not_found');
  });

  it('needs the cited meetings and the ancestry of the organisation concerned, and nothing when no meeting is cited', () => {
    const state = spec.given(...org).state;
    expect(organisationNeeds(start(), state)).toMatchObject({
      meetings: { load: 'meetings', meetingIds: [MEETING_ID] },
      ancestry: { load: 'ancestry', organisationId: BRANCH_ID },
    });
    expect(organisationNeeds(found(), spec.given().state)).toMatchObject({
      ancestry: { load: 'ancestry', organisationId: PARTY_ID },
    });
    const plain = organisationNeeds(start({ basis: { document: 'Решение суда' } }), state);
    expect(Object.keys(plain)).toEqual(['holder', 'idOwner']);
  });
});
