import { deciderSpec } from '../testing/given-when-then';
import { admitted, personRegistered, TODAY } from '../testing/fixtures';
import { personDecider } from './person.decider';

/** DOMAIN.md, Concepts: a membership ends by resignation, expulsion, death or ineligibility, and says which. */
const spec = deciderSpec(personDecider);

describe('Concepts: the end of a membership', () => {
  it.each(['resigned', 'expelled', 'died', 'ineligible'] as const)(
    'given a member, when the membership ends as %s, then the end records why',
    (reason) => {
      spec
        .given(personRegistered('1980-05-05'), admitted('2023-02-01'))
        .when(
          { type: 'TerminateMembership', effectiveDate: '2024-01-01', reason },
          { today: TODAY, officerPeriods: [] },
        )
        .then({ type: 'MembershipEnded', data: { reason, effectiveDate: '2024-01-01' } });
    },
  );
});
