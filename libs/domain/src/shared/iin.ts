import { domainError, type DomainWarning, type Result } from './domain-error';
import { isLocalDate, type LocalDate } from './local-date';

export type Sex = 'male' | 'female';

/** An individual identification number (ЖСН/ИИН) with what its digits say. */
export interface Iin {
  value: string;
  /** The birth date encoded in digits 1-7; since 2013 it may differ from the real one. */
  birthDate: LocalDate;
  sex: Sex;
}

const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const CENTURY_OF_DIGIT: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/** The check digit of the first 11 digits, or null when both weight sets give 10 (no valid IIN). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0) % 11;
  const first = sum(WEIGHTS_FIRST);
  if (first !== 10) return first;
  const second = sum(WEIGHTS_SECOND);
  return second === 10 ? null : second;
}

function invalid(message: string, value: string) {
  return { ok: false as const, error: domainError('iin.invalid', message, { iin: maskIin(value) }) };
}

/** Error messages and logs never carry a whole IIN. */
export function maskIin(value: string): string {
  return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '****';
}

export function parseIin(value: string): Result<Iin> {
  if (!/^\d{12}$/.test(value)) return invalid('An IIN has exactly 12 digits', value);
  const century = CENTURY_OF_DIGIT[value[6] as string];
  if (century === undefined) return invalid('The 7th digit of an IIN (century and sex) must be 1 to 6', value);
  const birthDate = `${century + Number(value.slice(0, 2))}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  if (!isLocalDate(birthDate)) return invalid('The first six digits of an IIN must be a date YYMMDD', value);
  const check = iinCheckDigit(value.slice(0, 11));
  if (check === null || check !== Number(value[11])) return invalid('The check digit of the IIN is wrong', value);
  return { ok: true, value: { value, birthDate, sex: Number(value[6]) % 2 === 1 ? 'male' : 'female' } };
}

/** Since 2013 an IIN need not match the birth date, so a mismatch only warns. */
export function iinWarnings(iin: Iin, birthDate?: LocalDate): DomainWarning[] {
  if (birthDate === undefined || birthDate === iin.birthDate) return [];
  return [
    {
      code: 'iin.birth_date_mismatch',
      message: `The IIN encodes ${iin.birthDate}, the birth date given is ${birthDate}`,
    },
  ];
}

/**
 * A valid IIN for synthetic data. Some serials admit no check digit (10 under both weight sets):
 * the next serial is taken then, so the result's serial may differ from the one asked for.
 */
export function makeIin(birthDate: LocalDate, sex: Sex, serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  if (!isLocalDate(birthDate) || year < 1800 || year > 2099)
    throw new RangeError(`makeIin: unsupported birth date ${birthDate}`);
  const centuryDigit = 2 * Math.floor((year - 1800) / 100) + (sex === 'male' ? 1 : 2);
  const prefix = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}`;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const first11 = `${prefix}${String((Math.abs(Math.trunc(serial)) + attempt) % 10_000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new RangeError('makeIin: no serial gives a check digit'); // unreachable: most serials do
}
