import { foldStream } from '../shared/decider';
import { deciderSpec } from '../testing/given-when-then';
import {
  branchEstablished,
  memberSince,
  noDependants,
  postCreated,
  tenureEnded,
  tenureStarted,
  TODAY,
} from '../testing/fixtures';
import {
  organisationSummary,
  retractionNeeds,
  tenurePeriodsOf,
  tenuresEndedByMembership,
} from './organisation.context';
import { organisationDecider } from './organisation.decider';
import { type OrganisationEvent } from './organisation.events';

const spec = deciderSpec(organisationDecider);
const context = { today: TODAY, dependants: noDependants, holder: memberSince('2022-01-01') };
const env = (eventId: string, event: OrganisationEvent) => ({ eventId, event });
const retract = (eventId: string) => ({ type: 'RetractEvent' as const, eventId, reason: 'entered in error' });
const retracted = (eventId: string): OrganisationEvent => ({
  type: 'EventRetracted',
  data: { eventId, retractedType: 'TenureStarted', reason: 'x', effectiveDate: TODAY },
});

const org = [env('est', branchEstablished()), env('post', postCreated('chair'))];

describe('RetractEvent in an organisation stream', () => {
  it('retracts a tenure entered in error; the fold then ignores it', () => {
    const given = [...org, env('start', tenureStarted('t1', 'chair', 'p1', '2023-02-01'))];
    spec
      .given(...given)
      .when(retract('start'), context)
      .then({
        type: 'EventRetracted',
        data: { eventId: 'start', retractedType: 'TenureStarted', reason: 'entered in error', effectiveDate: TODAY },
      });
    const state = foldStream(organisationDecider, [...given, env('r', retracted('start'))]);
    expect(state.tenures).toEqual({});
    expect(state.history.retracted).toEqual(new Set(['start']));
  });

  it.each([
    ['event.not_found', org, retract('nope')],
    ['event.already_retracted', [...org, env('r', retracted('post'))], retract('post')],
    ['event.not_retractable', [...org, env('r', retracted('post'))], retract('r')],
    ['retraction.reason_required', org, { ...retract('post'), reason: ' ' }],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });

  it('refuses retracting the end of a tenure when someone else has since taken the single seat', () => {
    const given = [
      ...org,
      env('s1', tenureStarted('t1', 'chair', 'p1', '2023-02-01')),
      env('e1', tenureEnded('t1', 'chair', 'p1', '2023-06-01')),
      env('s2', tenureStarted('t2', 'chair', 'p2', '2023-06-01')),
    ];
    spec
      .given(...given)
      .when(retract('e1'), context)
      .thenError('retraction.breaks_timeline', { violation: 'post.seats_exceeded' });
  });

  it('refuses retracting a post that has tenures, or a start whose end remains', () => {
    const given = [
      ...org,
      env('s1', tenureStarted('t1', 'chair', 'p1', '2023-02-01')),
      env('e1', tenureEnded('t1', 'chair', 'p1', '2023-06-01')),
    ];
    spec
      .given(...given)
      .when(retract('post'), context)
      .thenError('retraction.breaks_timeline', { violation: 'tenure.outside_post_lifetime' });
    spec
      .given(...given)
      .when(retract('s1'), context)
      .thenError('retraction.breaks_timeline', { violation: 'timeline.dangling_reference' });
  });

  it("refuses reopening a tenure beyond the end of its holder's membership", () => {
    const given = [
      ...org,
      env('s1', tenureStarted('t1', 'chair', 'p1', '2023-02-01')),
      env('e1', tenureEnded('t1', 'chair', 'p1', '2023-06-01', 'membership_ended')),
    ];
    const holder = memberSince('2022-01-01', '2023-06-01');
    spec
      .given(...given)
      .when(retract('e1'), { ...context, holder })
      .thenError('retraction.breaks_timeline', { violation: 'tenure.holder_not_member' });
    expect(spec.given(...given).when(retract('e1'), context).decision.ok).toBe(true);
  });

  it('refuses retracting an establishment that others depend on', () => {
    const withChild = { children: [{ organisationId: 'c1', lifetime: { from: '2023-02-01' } }], memberPeriods: [] };
    spec
      .given(org[0]!)
      .when(retract('est'), { ...context, dependants: withChild })
      .thenError('retraction.breaks_timeline', { violation: 'organisation.has_active_children' });
    spec
      .given(...org)
      .when(retract('est'), context)
      .thenError('retraction.breaks_timeline', { violation: 'organisation.not_active' });
    expect(spec.given(org[0]!).when(retract('est'), context).decision.ok).toBe(true);
  });

  it('says what the app must load for a retraction', () => {
    const state = foldStream(organisationDecider, [...org, env('e1', tenureEnded('t1', 'chair', 'p1', '2023-06-01'))]);
    expect(retractionNeeds(state, 'est')).toEqual({ dependants: true, holderPersonId: null });
    expect(retractionNeeds(state, 'e1')).toEqual({ dependants: false, holderPersonId: 'p1' });
  });
});

describe('helpers that build other streams’ contexts', () => {
  const state = foldStream(organisationDecider, [
    ...org,
    env('s1', tenureStarted('t1', 'chair', 'p1', '2023-02-01')),
    env('e1', tenureEnded('t1', 'chair', 'p1', '2023-06-01')),
    env('post2', postCreated('council', null)),
    env('s2', tenureStarted('t2', 'council', 'p1', '2023-03-01')),
    env('s3', tenureStarted('t3', 'council', 'p2', '2023-03-01')),
  ]);

  it('gives the facts a child, member or meeting decision needs', () => {
    expect(organisationSummary(state)).toEqual({
      organisationId: 'branch-0001',
      kind: 'regional_branch',
      kato: '350000000',
      lifetime: { from: '2023-01-10' },
    });
  });

  it("lists a person's tenure periods", () => {
    expect(tenurePeriodsOf(state, 'p1')).toEqual([{ from: '2023-02-01', to: '2023-06-01' }, { from: '2023-03-01' }]);
  });

  it('turns the end of a membership into EndTenure commands for the open tenures', () => {
    expect(tenuresEndedByMembership(state, 'p1', '2024-01-01')).toEqual([
      { type: 'EndTenure', tenureId: 't2', effectiveDate: '2024-01-01', reason: 'membership_ended' },
    ]);
    const commands = tenuresEndedByMembership(state, 'p1', '2024-01-01', { document: 'Протокол' });
    const decision = organisationDecider.decide(commands[0]!, state, { today: TODAY });
    expect(decision.ok && decision.events[0]).toMatchObject({
      type: 'TenureEnded',
      data: { reason: 'membership_ended', basis: { document: 'Протокол' } },
    });
  });
});
