import { makeIin } from '@baytaq/domain';
import { BranchDirectory } from './branch-directory';
import { MEMBER_COLUMNS, type DataRow, type MemberColumn } from './member-file';
import { checkMemberRow, normaliseDate, rejectionOf } from './member-row';

const branches = new BranchDirectory([
  {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'regional_branch',
    kato: '350000000',
    established: '2023-01-10',
    dissolved: null,
  },
]);

function dataRow(values: Partial<Record<MemberColumn, string>>, overlong = false): DataRow {
  const all = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, ''])) as Record<MemberColumn, string>;
  const good = { surname: 'Синтстрока', given: 'Синтетик', iin: makeIin('1990-01-01', 'male', 7), citizenship: 'KZ' };
  return {
    row: 1,
    line: 2,
    values: { ...all, ...good, branch: '350000000', admissionDate: '2023-03-01', ...values },
    overlong,
  };
}

const check = (values: Partial<Record<MemberColumn, string>>, overlong = false) =>
  checkMemberRow(dataRow(values, overlong), '2024-01-01', branches);

describe('a member row on its own', () => {
  it('takes Excel dates (DD.MM.YYYY) as the same day and leaves anything else to the date check', () => {
    expect(normaliseDate('1.3.2023')).toBe('2023-03-01');
    expect(normaliseDate('2023-03-01')).toBe('2023-03-01');
    expect(normaliseDate('03/01/2023')).toBe('03/01/2023');
  });

  it('gives a good row its commands’ values, citizenship upper-cased and the branch resolved', () => {
    const checked = check({ citizenship: 'kz', admissionDate: '01.03.2023', cardNumber: 'SYN-7' });
    expect(checked).toEqual({
      ok: true,
      value: {
        name: { surname: 'Синтстрока', given: 'Синтетик' },
        iin: makeIin('1990-01-01', 'male', 7),
        citizenship: 'KZ',
        organisationId: '11111111-1111-4111-8111-111111111111',
        admissionDate: '2023-03-01',
        cardNumber: 'SYN-7',
      },
    });
  });

  it.each([
    [{ iin: '' }, 'iin', 'field.invalid'],
    [{ iin: '90010130000' }, 'iin', 'iin.invalid'],
    [{ patronymic: 'Smith' }, 'patronymic', 'name.invalid'],
    [{ birthDate: '1990-02-30' }, 'birthDate', 'date.invalid'],
    [{ citizenship: 'Kazakhstan' }, 'citizenship', 'field.invalid'],
    [{ branch: '' }, 'branch', 'field.invalid'],
    [{ admissionDate: '2024-01-02' }, 'admissionDate', 'date.in_future'],
    [{ cardNumber: 'x'.repeat(51) }, 'cardNumber', 'field.invalid'],
  ])('refuses %j on %s with %s', (values, field, code) => {
    expect(check(values)).toMatchObject({ ok: false, rejection: { field, code } });
  });

  it('tells why an 11-digit IIN is short: Excel dropped its leading zero', () => {
    const checked = check({ iin: '50101500123' });
    expect(checked.ok ? '' : checked.rejection.message).toContain('leading zeros');
  });

  it('refuses a row with more fields than the header, as a whole', () => {
    expect(check({}, true)).toMatchObject({ ok: false, rejection: { field: 'row', code: 'import.column_count' } });
  });

  it("names the file's column for the domain's field paths and for codes without a field", () => {
    expect(rejectionOf({ code: 'date.invalid', message: 'm', details: { field: 'effectiveDate' } }).field).toBe(
      'admissionDate',
    );
    expect(rejectionOf({ code: 'membership.underage', message: 'm' }).field).toBe('birthDate');
    expect(rejectionOf({ code: 'organisation.dissolved', message: 'm' }).field).toBe('branch');
    expect(rejectionOf({ code: 'timeline.dangling_reference', message: 'm' }).field).toBe('row');
  });
});
