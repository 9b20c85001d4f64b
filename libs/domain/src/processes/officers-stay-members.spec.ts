import { foldStream } from '../shared/decider';
import { organisationDecider } from '../organisation/organisation.decider';
import { type OrganisationEvent } from '../organisation/organisation.events';
import { branchEstablished, memberSince, postCreated, tenureEnded, tenureStarted } from '../testing/fixtures';
import { membershipHoldsFrom, officerRepairs } from './officers-stay-members';

const PERSON = 'person-0001';
const given = (...events: OrganisationEvent[]) =>
  foldStream(
    organisationDecider,
    events.map((event, i) => ({ eventId: `e${i + 1}`, event })),
  );
const branch = (...tenures: OrganisationEvent[]) => given(branchEstablished(), postCreated('chair', null), ...tenures);

describe('officerRepairs: what mends tenures outside the membership', () => {
  it('given an open tenure inside a membership that has ended, ends it the day the membership ends', () => {
    const state = branch(tenureStarted('t1', 'chair', PERSON, '2023-02-01'));
    expect(officerRepairs(state, PERSON, memberSince('2023-01-01', '2024-03-01'))).toEqual([
      {
        tenureId: 't1',
        command: { type: 'EndTenure', tenureId: 't1', effectiveDate: '2024-03-01', reason: 'membership_ended' },
      },
    ]);
  });

  it('given a tenure that starts after the membership ended (a lost race), retracts its start', () => {
    const state = branch(tenureStarted('t1', 'chair', PERSON, '2024-04-01'));
    const [repair] = officerRepairs(state, PERSON, memberSince('2023-01-01', '2024-03-01'));
    expect(repair).toMatchObject({ tenureId: 't1', command: { type: 'RetractEvent', eventId: 'e3' } });
    expect((repair!.command as { reason: string }).reason).toContain('2024-04-01');
  });

  it('given tenures inside the membership, or of someone else, does nothing', () => {
    const state = branch(
      tenureStarted('t1', 'chair', PERSON, '2023-02-01'),
      tenureStarted('t2', 'chair', 'person-0002', '2023-02-01'),
    );
    expect(officerRepairs(state, PERSON, memberSince('2023-01-01'))).toEqual([]);
    expect(officerRepairs(state, PERSON, memberSince('2023-01-01', '2024-03-01'))).toHaveLength(1);
  });

  it('given a tenure already closed past the membership end, leaves it (nothing the process can mend)', () => {
    const state = branch(
      tenureStarted('t1', 'chair', PERSON, '2023-02-01'),
      tenureEnded('t1', 'chair', PERSON, '2024-05-01'),
    );
    expect(officerRepairs(state, PERSON, memberSince('2023-01-01', '2024-03-01'))).toEqual([]);
  });

  it('tells when a start needs no look at all: the membership holds from that day on, open-ended', () => {
    expect(membershipHoldsFrom(memberSince('2023-01-01'), '2023-02-01')).toBe(true);
    expect(membershipHoldsFrom(memberSince('2023-01-01', '2024-03-01'), '2023-02-01')).toBe(false);
    expect(membershipHoldsFrom(memberSince('2023-01-01'), '2022-12-31')).toBe(false);
  });
});
