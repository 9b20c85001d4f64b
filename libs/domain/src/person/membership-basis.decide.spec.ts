import { type OrganisationSummary } from '../shared/cross-stream';
import { deciderSpec } from '../testing/given-when-then';
import {
  admitted,
  BRANCH_ID,
  branchLink,
  citing,
  MEETING_ID,
  meetingHeld,
  partyLink,
  personRegistered,
  TODAY,
} from '../testing/fixtures';
import { personDecider } from './person.decider';
import { personNeeds } from './person.needs';

/** Membership decisions citing a meeting: the same rules, for the organisation admitting or holding the member. */
const spec = deciderSpec(personDecider);
const branch: OrganisationSummary = {
  organisationId: BRANCH_ID,
  kind: 'regional_branch',
  kato: '350000000',
  lifetime: { from: '2023-01-10' },
};
const basis = { meetingId: MEETING_ID };
const admission = { type: 'AdmitMember' as const, organisationId: BRANCH_ID, effectiveDate: '2023-02-01', basis };

describe('membership decisions citing a meeting', () => {
  it("admits on a meeting of the branch's parent, held before", () => {
    const ctx = { today: TODAY, organisation: branch, ...citing([branchLink, partyLink], meetingHeld()) };
    spec
      .given(personRegistered())
      .when(admission, ctx)
      .then({ type: 'MemberAdmitted', data: { organisationId: BRANCH_ID, effectiveDate: '2023-02-01', basis } });
  });

  it('refuses an admission on a meeting held after it', () => {
    const ctx = {
      today: TODAY,
      organisation: branch,
      ...citing([branchLink, partyLink], meetingHeld({ date: '2023-03-01' })),
    };
    spec.given(personRegistered()).when(admission, ctx).thenError('basis.meeting_after_decision');
  });

  it("refuses a suspension decided by another branch's meeting: the member's own branch on that day concerns it", () => {
    const given = spec.given(personRegistered(), admitted('2023-02-01'));
    const command = { type: 'SuspendMembership' as const, effectiveDate: '2023-05-01', basis };
    expect(personNeeds(command, given.state)).toMatchObject({ ancestry: { organisationId: BRANCH_ID } });
    const other = [{ organisationId: 'branch-0009', kind: 'regional_branch' as const }, partyLink];
    given
      .when(command, { today: TODAY, ...citing([branchLink, partyLink], meetingHeld({ heldBy: other })) })
      .thenError('basis.meeting_not_competent', { concerns: BRANCH_ID });
    expect(
      given.when(command, {
        today: TODAY,
        ...citing([branchLink, partyLink], meetingHeld({ heldBy: [branchLink, partyLink] })),
      }).decision.ok,
    ).toBe(true);
  });

  it('needs nothing of meetings for an admission whose basis is a document', () => {
    const needs = personNeeds({ ...admission, basis: { document: 'Заявление' } }, spec.given(personRegistered()).state);
    expect(Object.keys(needs).sort()).toEqual(['minAge', 'organisation']);
  });
});
