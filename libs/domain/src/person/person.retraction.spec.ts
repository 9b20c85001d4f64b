import { foldStream } from '../shared/decider';
import { deciderSpec } from '../testing/given-when-then';
import {
  admitted,
  BRANCH_ID,
  ended,
  PARTY_ID,
  personRegistered,
  reinstated,
  suspended,
  TODAY,
  transferred,
} from '../testing/fixtures';
import { membershipOn, membershipPeriods, membershipPeriodsIn } from './person.context';
import { personDecider } from './person.decider';
import { type PersonEvent } from './person.events';

const spec = deciderSpec(personDecider);
const env = (eventId: string, event: PersonEvent) => ({ eventId, event });
const retract = (eventId: string) => ({ type: 'RetractEvent' as const, eventId, reason: 'entered in error' });
const noOffices = { today: TODAY, officerPeriods: [], organisations: [] };
const registered = env('reg', personRegistered());

describe('RetractEvent in a person stream', () => {
  it('retracts a suspension entered in error', () => {
    spec
      .given(registered, env('adm', admitted('2023-02-01')), env('sus', suspended('2023-05-01')))
      .when(retract('sus'), noOffices)
      .then({
        type: 'EventRetracted',
        data: {
          eventId: 'sus',
          retractedType: 'MembershipSuspended',
          reason: 'entered in error',
          effectiveDate: TODAY,
        },
      });
  });

  it('refuses retracting an admission while the person holds a post that needs it', () => {
    const given = [registered, env('adm', admitted('2023-02-01'))];
    spec
      .given(...given)
      .when(retract('adm'), { ...noOffices, officerPeriods: [{ from: '2023-03-01' }] })
      .thenError('retraction.breaks_timeline', { violation: 'tenure.holder_not_member' });
    expect(spec.given(...given).when(retract('adm'), noOffices).decision.ok).toBe(true);
  });

  it('refuses retracting an admission that later membership events rest on', () => {
    spec
      .given(registered, env('adm', admitted('2023-02-01')), env('tr', transferred('2023-04-01', PARTY_ID)))
      .when(retract('adm'), noOffices)
      .thenError('retraction.breaks_timeline', { violation: 'membership.not_member' });
  });

  it('refuses retracting an end when a later admission follows it', () => {
    const given = [
      registered,
      env('adm', admitted('2023-02-01')),
      env('end', ended('2023-04-01')),
      env('adm2', admitted('2023-06-01')),
    ];
    spec
      .given(...given)
      .when(retract('end'), noOffices)
      .thenError('retraction.breaks_timeline', { violation: 'membership.already_member' });
    expect(spec.given(...given.slice(0, 3)).when(retract('end'), noOffices).decision.ok).toBe(true);
  });

  it('refuses retracting an end when the membership would then outlive its branch', () => {
    const branch = {
      organisationId: BRANCH_ID,
      kind: 'regional_branch' as const,
      lifetime: { from: '2023-01-10', to: '2024-01-01' },
    };
    const given = [registered, env('adm', admitted('2023-02-01')), env('end', ended('2023-12-01'))];
    spec
      .given(...given)
      .when(retract('end'), { ...noOffices, organisations: [branch] })
      .thenError('retraction.breaks_timeline', { violation: 'organisation.dissolved' });
  });

  it('refuses retracting the registration of a person with a membership', () => {
    spec
      .given(registered, env('adm', admitted('2023-02-01')))
      .when(retract('reg'), noOffices)
      .thenError('retraction.breaks_timeline', { violation: 'timeline.dangling_reference' });
  });

  it('refuses unknown and already retracted events', () => {
    spec.given(registered).when(retract('nope'), noOffices).thenError('event.not_found');
    const done = env('r', {
      type: 'EventRetracted',
      data: { eventId: 'reg', retractedType: 'PersonRegistered', reason: 'x', effectiveDate: TODAY },
    });
    spec.given(registered, done).when(retract('reg'), noOffices).thenError('event.already_retracted');
    spec.given(registered, done).when(retract('r'), noOffices).thenError('event.not_retractable');
  });
});

describe('membership timeline helpers', () => {
  const state = foldStream(personDecider, [
    registered,
    // Recorded out of order on purpose: the timeline is replayed in valid time.
    env('tr', transferred('2023-06-01', PARTY_ID)),
    env('adm', admitted('2023-02-01')),
    env('sus', suspended('2023-03-01')),
    env('rei', reinstated('2023-04-01')),
    env('end', ended('2024-01-01')),
  ]);

  it('gives member and active (not suspended) periods', () => {
    expect(state.timelineError).toBeNull();
    expect(membershipPeriods(state)).toEqual({
      member: [{ from: '2023-02-01', to: '2024-01-01' }],
      active: [
        { from: '2023-02-01', to: '2023-03-01' },
        { from: '2023-04-01', to: '2024-01-01' },
      ],
    });
  });

  it('gives the periods held in one organisation and the status on a day', () => {
    expect(membershipPeriodsIn(state, BRANCH_ID)).toEqual([{ from: '2023-02-01', to: '2023-06-01' }]);
    expect(membershipPeriodsIn(state, PARTY_ID)).toEqual([{ from: '2023-06-01', to: '2024-01-01' }]);
    expect(membershipOn(state, '2023-03-15')).toEqual({ organisationId: BRANCH_ID, suspended: true });
    expect(membershipOn(state, '2024-01-01')).toBeNull();
  });
});
