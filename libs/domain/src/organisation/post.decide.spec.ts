import { deciderSpec } from '../testing/given-when-then';
import {
  branchEstablished,
  dissolved,
  postAbolished,
  postCreated,
  tenureEnded,
  tenureStarted,
  TODAY,
} from '../testing/fixtures';
import { type CreatePost } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

const spec = deciderSpec(organisationDecider);
const base = { today: TODAY };

const createPost = (overrides: Partial<CreatePost> = {}): CreatePost => ({
  type: 'CreatePost',
  postId: 'chair',
  title: { ru: 'Председатель филиала' },
  role: 'chair',
  effectiveDate: '2023-01-10',
  ...overrides,
});

describe('CreatePost', () => {
  it('creates a post with one seat by default', () => {
    spec
      .given(branchEstablished())
      .when(createPost(), base)
      .then({
        type: 'PostCreated',
        data: {
          postId: 'chair',
          title: { ru: 'Председатель филиала' },
          role: 'chair',
          seats: 1,
          effectiveDate: '2023-01-10',
        },
      });
  });

  it('keeps null as unlimited seats', () => {
    spec
      .given(branchEstablished())
      .when(createPost({ postId: 'council', role: 'member', seats: null }), base)
      .then({
        type: 'PostCreated',
        data: {
          postId: 'council',
          title: { ru: 'Председатель филиала' },
          role: 'member',
          seats: null,
          effectiveDate: '2023-01-10',
        },
      });
  });

  it.each([
    ['organisation.not_found', [], createPost()],
    ['post.already_exists', [branchEstablished(), postCreated('chair')], createPost()],
    ['post.invalid_seats', [branchEstablished()], createPost({ seats: 0 })],
    ['post.invalid_seats', [branchEstablished()], createPost({ seats: 1.5 })],
    ['field.invalid', [branchEstablished()], createPost({ role: 'king' as never })],
    ['name.invalid', [branchEstablished()], createPost({ title: { en: 'Chair' } })],
    ['date.in_future', [branchEstablished()], createPost({ effectiveDate: '2030-01-01' })],
    ['organisation.not_active', [branchEstablished()], createPost({ effectiveDate: '2023-01-09' })],
    [
      'organisation.dissolved',
      [branchEstablished(), dissolved('2023-06-01')],
      createPost({ effectiveDate: '2023-07-01' }),
    ],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});

describe('AbolishPost', () => {
  const abolish = (effectiveDate = '2024-01-01') => ({
    type: 'AbolishPost' as const,
    postId: 'chair',
    effectiveDate,
    basis: { document: 'Решение №5' },
  });

  it('abolishes the post and ends the tenure still running, as events', () => {
    spec
      .given(branchEstablished(), postCreated('chair'), tenureStarted('t1', 'chair', 'p1', '2023-01-10'))
      .when(abolish(), base)
      .then(
        {
          type: 'PostAbolished',
          data: { postId: 'chair', effectiveDate: '2024-01-01', basis: { document: 'Решение №5' } },
        },
        {
          type: 'TenureEnded',
          data: {
            tenureId: 't1',
            postId: 'chair',
            personId: 'p1',
            reason: 'post_abolished',
            effectiveDate: '2024-01-01',
            basis: { document: 'Решение №5' },
          },
        },
      );
  });

  it.each([
    ['organisation.not_found', [], abolish()],
    ['post.not_found', [branchEstablished()], abolish()],
    ['post.abolished', [branchEstablished(), postCreated('chair'), postAbolished('chair', '2023-06-01')], abolish()],
    ['date.before_start', [branchEstablished(), postCreated('chair')], abolish('2023-01-10')],
    ['date.in_future', [branchEstablished(), postCreated('chair')], abolish('2025-01-01')],
    [
      'post.has_later_tenures',
      [branchEstablished(), postCreated('chair'), tenureStarted('t1', 'chair', 'p1', '2024-02-01')],
      abolish(),
    ],
    [
      'post.has_later_tenures',
      [
        branchEstablished(),
        postCreated('chair'),
        tenureStarted('t1', 'chair', 'p1', '2023-02-01'),
        tenureEnded('t1', 'chair', 'p1', '2024-02-01'),
      ],
      abolish(),
    ],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});
