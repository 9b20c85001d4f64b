import { organisationDecider } from '../organisation/organisation.decider';
import { type OrganisationEvent } from '../organisation/organisation.events';
import { branchEstablished, postCreated, tenureEnded, tenureStarted, TODAY } from '../testing/fixtures';
import { type Envelope, extendStream, foldStream } from './decider';

const env = (eventId: string, event: OrganisationEvent): Envelope<OrganisationEvent> => ({ eventId, event });
const stream = [
  env('est', branchEstablished()),
  env('post', postCreated('chair')),
  env('t1', tenureStarted('t1', 'chair', 'p1', '2023-02-01')),
  env('t1-end', tenureEnded('t1', 'chair', 'p1', '2023-06-01')),
  env('t2', tenureStarted('t2', 'chair', 'p2', '2023-06-01')),
  env('r', {
    type: 'EventRetracted',
    data: { eventId: 't2', retractedType: 'TenureStarted', reason: 'x', effectiveDate: TODAY },
  }),
  env('t3', tenureStarted('t3', 'chair', 'p3', '2023-06-01')),
];

describe('extendStream', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])(
    'gives the fold of the whole stream when the first %i events are known',
    (known) => {
      const whole = foldStream(organisationDecider, stream);
      const extended = extendStream(
        organisationDecider,
        foldStream(organisationDecider, stream.slice(0, known)),
        stream.slice(known),
      );
      expect(extended).toEqual(whole);
    },
  );

  it('returns the same state when nothing follows', () => {
    const state = foldStream(organisationDecider, stream);
    expect(extendStream(organisationDecider, state, [])).toBe(state);
  });
});
