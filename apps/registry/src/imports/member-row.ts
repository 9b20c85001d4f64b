import { checkEffectiveDate, parseIin, parsePersonName, type DomainError, type PersonName } from '@baytaq/domain';
import type { BranchDirectory } from './branch-directory';
import type { RowRejection } from './import.events';
import type { DataRow, MemberColumn } from './member-file';

/** A row fit to become RegisterPerson and AdmitMember commands. */
export interface MemberRow {
  name: PersonName;
  iin: string;
  /** Empty in the file: the IIN's own date, as RegisterPerson takes it. */
  birthDate?: string;
  citizenship: string;
  organisationId: string;
  admissionDate: string;
  cardNumber?: string;
}

export type RowCheck = { ok: true; value: MemberRow } | { ok: false; rejection: RowRejection };

const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Excel in the Russian and Kazakh locales writes dates as DD.MM.YYYY: taken as the same day. */
export function normaliseDate(value: string): string {
  const dotted = DOTTED_DATE.exec(value);
  return dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : value;
}

/** The domain's field paths in terms of the file's columns. */
const COLUMN_OF_FIELD: Record<string, MemberColumn> = {
  'name.surname': 'surname',
  'name.given': 'given',
  'name.patronymic': 'patronymic',
  effectiveDate: 'admissionDate',
  organisationId: 'branch',
};

/** Where a domain error without a field path points in the file. */
const COLUMN_OF_CODE: Record<string, MemberColumn> = {
  'iin.invalid': 'iin',
  'iin.taken': 'iin',
  'person.already_registered': 'iin',
  'membership.already_member': 'iin',
  'membership.not_citizen': 'citizenship',
  'membership.underage': 'birthDate',
  'membership.birth_date_unknown': 'birthDate',
  'membership.invalid_organisation': 'branch',
  'organisation.not_found': 'branch',
  'organisation.not_active': 'branch',
  'organisation.dissolved': 'branch',
};

/** A domain refusal as a rejected row: same code and message, the field named as the file's column. */
export function rejectionOf(error: Pick<DomainError, 'code' | 'message' | 'details'>): RowRejection {
  const field = typeof error.details?.['field'] === 'string' ? error.details['field'] : undefined;
  const column = (field && (COLUMN_OF_FIELD[field] ?? field)) || COLUMN_OF_CODE[error.code] || 'row';
  return { field: column, code: error.code, message: error.message };
}

const missing = (field: MemberColumn): RowCheck => ({
  ok: false,
  rejection: { field, code: 'field.invalid', message: `${field} is required` },
});

/**
 * What one row can get wrong on its own, in column order, first error only. The rules that need
 * the registry's state (age and citizenship on the admission date, one membership at a time, the
 * branch's lifetime) are the deciders' and are checked after this, by them.
 */
export function checkMemberRow(row: DataRow, today: string, branches: BranchDirectory): RowCheck {
  const v = row.values;
  if (row.overlong) {
    const message = 'the row has more fields than the header: quote values that contain the separator';
    return { ok: false, rejection: { field: 'row', code: 'import.column_count', message } };
  }
  const name = parsePersonName({ surname: v.surname, given: v.given, patronymic: v.patronymic || undefined });
  if (!name.ok) return { ok: false, rejection: rejectionOf(name.error) };
  if (!v.iin) return missing('iin');
  const iin = parseIin(v.iin);
  if (!iin.ok) {
    const rejection = rejectionOf(iin.error);
    // Excel reads an IIN as a number and drops its leading zero (people born 2000-2009).
    if (/^\d{11}$/.test(v.iin)) rejection.message += ': format the column as text so Excel keeps leading zeros';
    return { ok: false, rejection };
  }
  const birthDate = v.birthDate ? normaliseDate(v.birthDate) : undefined;
  const birthError = birthDate === undefined ? null : checkEffectiveDate(birthDate, today, 'birthDate');
  if (birthError) return { ok: false, rejection: rejectionOf(birthError) };
  if (!v.citizenship) return missing('citizenship');
  const citizenship = v.citizenship.toUpperCase();
  if (!/^[A-Z]{2}$/.test(citizenship)) {
    const message = 'citizenship is an ISO 3166-1 alpha-2 code such as KZ';
    return { ok: false, rejection: { field: 'citizenship', code: 'field.invalid', message } };
  }
  if (!v.branch) return missing('branch');
  if (!v.admissionDate) return missing('admissionDate');
  const admissionDate = normaliseDate(v.admissionDate);
  const dateError = checkEffectiveDate(admissionDate, today, 'admissionDate');
  if (dateError) return { ok: false, rejection: rejectionOf(dateError) };
  const branch = branches.resolve(v.branch, admissionDate);
  if (!branch.ok) return branch;
  if (v.cardNumber.length > 50) {
    const message = 'cardNumber has at most 50 characters';
    return { ok: false, rejection: { field: 'cardNumber', code: 'field.invalid', message } };
  }
  const value: MemberRow = {
    name: name.value,
    iin: iin.value.value,
    citizenship,
    organisationId: branch.id,
    admissionDate,
  };
  if (birthDate !== undefined) value.birthDate = birthDate;
  if (v.cardNumber) value.cardNumber = v.cardNumber;
  return { ok: true, value };
}
