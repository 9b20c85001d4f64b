import { BranchDirectory } from './branch-directory';

const branch = (
  id: string,
  kato: string | null,
  established: string,
  dissolved: string | null = null,
  kind = 'primary_branch',
) => ({
  id,
  kind,
  kato,
  established,
  dissolved,
});

describe('BranchDirectory', () => {
  const ids = {
    region: '11111111-1111-4111-8111-111111111111',
    old: '22222222-2222-4222-8222-222222222222',
    next: '33333333-3333-4333-8333-333333333333',
    twin: '44444444-4444-4444-8444-444444444444',
    body: '55555555-5555-4555-8555-555555555555',
  };
  const directory = new BranchDirectory([
    branch(ids.region, '350000000', '2023-01-10', null, 'regional_branch'),
    // One district's primary branches: one dissolved and followed by another, and two at once later.
    branch(ids.old, '351010000', '2023-01-10', '2023-06-01'),
    branch(ids.next, '351010000', '2023-06-01'),
    branch(ids.twin, '351010000', '2024-01-01'),
    branch(ids.body, '350000000', '2023-01-10', null, 'body'),
  ]);
  const resolve = (value: string, date = '2023-03-01') => directory.resolve(value, date);

  it('takes an organisation id in any case, and the only branch with a KATO code whatever the date', () => {
    expect(resolve(ids.region.toUpperCase())).toEqual({ ok: true, id: ids.region });
    expect(resolve('350000000', '2020-01-01')).toEqual({ ok: true, id: ids.region });
  });

  it('picks the branch active on the admission date among those sharing a KATO code', () => {
    expect(resolve('351010000', '2023-03-01')).toEqual({ ok: true, id: ids.old });
    expect(resolve('351010000', '2023-07-01')).toEqual({ ok: true, id: ids.next });
  });

  it.each([
    ['351010000', '2024-02-01', 'import.branch_ambiguous'],
    ['351010000', '2022-01-01', 'import.branch_ambiguous'],
    ['790000000', '2023-03-01', 'organisation.not_found'],
    ['66666666-6666-4666-8666-666666666666', '2023-03-01', 'organisation.not_found'],
    ['Karaganda', '2023-03-01', 'field.invalid'],
  ])('refuses %s on %s with %s, on the branch column', (value, date, code) => {
    expect(resolve(value, date)).toMatchObject({ ok: false, rejection: { field: 'branch', code } });
  });
});
