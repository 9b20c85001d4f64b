import { deciderSpec } from '../testing/given-when-then';
import {
  branchEstablished,
  branchLink,
  citing,
  meetingHeld,
  partyLink,
  dissolved,
  memberSince,
  postAbolished,
  postCreated,
  tenureEnded,
  tenureStarted,
  TODAY,
} from '../testing/fixtures';
import { type StartTenure } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

const spec = deciderSpec(organisationDecider);
const basis = citing([branchLink, partyLink], meetingHeld({ heldBy: [branchLink, partyLink] }));
const member = { today: TODAY, ...basis, holder: memberSince('2022-10-01'), ...basis };
const org = [branchEstablished('2023-01-10'), postCreated('chair', 1, '2023-01-10')];

const start = (overrides: Partial<StartTenure> = {}): StartTenure => ({
  type: 'StartTenure',
  postId: 'chair',
  tenureId: 't-new',
  personId: 'p-new',
  method: 'elected',
  effectiveDate: '2023-03-01',
  basis: { meetingId: 'meeting-0001' },
  ...overrides,
});

describe('StartTenure', () => {
  it('starts a tenure of a member in a vacant post', () => {
    spec
      .given(...org)
      .when(start(), member)
      .then({
        type: 'TenureStarted',
        data: {
          tenureId: 't-new',
          postId: 'chair',
          personId: 'p-new',
          method: 'elected',
          effectiveDate: '2023-03-01',
          basis: { meetingId: 'meeting-0001' },
        },
      });
  });

  it('lets a successor start on the day the predecessor ends (half-open periods)', () => {
    const given = [
      ...org,
      tenureStarted('t1', 'chair', 'p1', '2023-01-10'),
      tenureEnded('t1', 'chair', 'p1', '2023-03-01'),
    ];
    expect(spec.given(...given).when(start(), member).decision.ok).toBe(true);
  });

  it('records a tenure that is already over, as a start and an end', () => {
    spec
      .given(...org)
      .when(start({ basis: undefined, end: { effectiveDate: '2023-06-01', reason: 'term_expired' } }), member)
      .then(
        {
          type: 'TenureStarted',
          data: {
            tenureId: 't-new',
            postId: 'chair',
            personId: 'p-new',
            method: 'elected',
            effectiveDate: '2023-03-01',
          },
        },
        {
          type: 'TenureEnded',
          data: {
            tenureId: 't-new',
            postId: 'chair',
            personId: 'p-new',
            reason: 'term_expired',
            effectiveDate: '2023-06-01',
          },
        },
      );
  });

  it('fills several seats and never more', () => {
    const council = [
      branchEstablished(),
      postCreated('council', 2),
      tenureStarted('t1', 'council', 'p1', '2023-02-01'),
      tenureStarted('t2', 'council', 'p2', '2023-02-01'),
    ];
    spec
      .given(...council)
      .when(start({ postId: 'council' }), member)
      .thenError('post.seats_exceeded', { postId: 'council', seats: 2, holders: 3 });
    const unlimited = [
      branchEstablished(),
      postCreated('council', null),
      tenureStarted('t1', 'council', 'p1', '2023-02-01'),
      tenureStarted('t2', 'council', 'p2', '2023-02-01'),
    ];
    expect(spec.given(...unlimited).when(start({ postId: 'council' }), member).decision.ok).toBe(true);
  });

  it('counts an acting holder against the seats', () => {
    spec
      .given(...org, tenureStarted('t1', 'chair', 'p1', '2023-02-01', 'acting'))
      .when(start({ method: 'acting' }), member)
      .thenError('post.seats_exceeded');
  });

  it('refuses a backdated tenure that overlaps a later holder of the single seat', () => {
    const given = [...org, tenureStarted('t1', 'chair', 'p1', '2023-06-01')];
    spec
      .given(...given)
      .when(start({ effectiveDate: '2023-02-01' }), member)
      .thenError('post.seats_exceeded', { date: '2023-06-01' });
    expect(
      spec
        .given(...given)
        .when(start({ effectiveDate: '2023-02-01', end: { effectiveDate: '2023-06-01', reason: 'resigned' } }), member)
        .decision.ok,
    ).toBe(true);
  });

  it('refuses a tenure of a person overlapping their own tenure in the same post', () => {
    const council = [
      branchEstablished(),
      postCreated('council', null),
      tenureStarted('t1', 'council', 'p-new', '2023-05-01'),
    ];
    spec
      .given(...council)
      .when(start({ postId: 'council' }), member)
      .thenError('tenure.overlap', { personId: 'p-new' });
  });

  it.each([
    ['before the post existed', [branchEstablished(), postCreated('chair', 1, '2023-04-01')], start()],
    ['before the branch existed', org, start({ effectiveDate: '2023-01-09' })],
    ['past the abolition of the post', [...org, postAbolished('chair', '2023-12-01')], start()],
    ['past the dissolution of the branch', [...org, dissolved('2023-12-01')], start()],
  ])('refuses a tenure %s with tenure.outside_post_lifetime', (_, given, command) => {
    spec
      .given(...given)
      .when(command, member)
      .thenError('tenure.outside_post_lifetime');
  });

  it('accepts a closed tenure inside the lifetime of a post abolished later', () => {
    const given = [...org, postAbolished('chair', '2023-12-01')];
    expect(
      spec.given(...given).when(start({ end: { effectiveDate: '2023-12-01', reason: 'post_abolished' } }), member)
        .decision.ok,
    ).toBe(true);
  });

  it('refuses a holder who is not a member on the first day', () => {
    spec
      .given(...org)
      .when(start(), { today: TODAY, ...basis, holder: memberSince('2023-03-02') })
      .thenError('tenure.holder_not_member', { date: '2023-03-01' });
  });

  it('refuses a tenure that outlasts a membership known to end', () => {
    spec
      .given(...org)
      .when(start(), { today: TODAY, ...basis, holder: memberSince('2022-01-01', '2024-01-01') })
      .thenError('tenure.holder_not_member');
    const closed = start({ end: { effectiveDate: '2024-01-01', reason: 'membership_ended' } });
    expect(
      spec.given(...org).when(closed, { today: TODAY, ...basis, holder: memberSince('2022-01-01', '2024-01-01') })
        .decision.ok,
    ).toBe(true);
  });

  it('refuses a suspended member taking up a post', () => {
    const holder = {
      member: [{ from: '2022-01-01' }],
      active: [{ from: '2022-01-01', to: '2023-02-01' }, { from: '2023-04-01' }],
    };
    spec
      .given(...org)
      .when(start(), { today: TODAY, holder })
      .thenError('tenure.holder_suspended');
  });

  it.each([
    ['organisation.not_found', [], start(), member],
    ['post.not_found', org, start({ postId: 'nope' }), member],
    ['tenure.already_exists', [...org, tenureStarted('t-new', 'chair', 'p1', '2023-01-10')], start(), member],
    ['field.invalid', org, start({ method: 'inherited' as never }), member],
    ['date.in_future', org, start({ effectiveDate: '2024-06-02' }), member],
    ['date.before_start', org, start({ end: { effectiveDate: '2023-03-01', reason: 'other' } }), member],
    ['person.not_found', org, start(), { today: TODAY, holder: null }],
  ])('refuses with %s', (code, given, command, context) => {
    spec
      .given(...given)
      .when(command, context)
      .thenError(code as never);
  });
});

describe('EndTenure', () => {
  const held = [...org, tenureStarted('t1', 'chair', 'p1', '2023-01-10')];
  const end = (effectiveDate = '2023-09-01') => ({
    type: 'EndTenure' as const,
    tenureId: 't1',
    effectiveDate,
    reason: 'resigned' as const,
  });

  it('ends a running tenure', () => {
    spec
      .given(...held)
      .when(end(), { today: TODAY })
      .then({
        type: 'TenureEnded',
        data: { tenureId: 't1', postId: 'chair', personId: 'p1', reason: 'resigned', effectiveDate: '2023-09-01' },
      });
  });

  it.each([
    ['organisation.not_found', [], end()],
    ['tenure.not_found', org, end()],
    ['tenure.already_ended', [...held, tenureEnded('t1', 'chair', 'p1', '2023-05-01')], end()],
    ['date.before_start', held, end('2023-01-10')],
    ['date.in_future', held, end('2024-07-01')],
    ['field.invalid', held, { ...end(), reason: 'bored' as never }],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, { today: TODAY })
      .thenError(code as never);
  });
});
