import { domainError, type DomainError } from './domain-error';
import { isLocalDate, type LocalDate } from './local-date';

/** Drops undefined members: event data must survive a JSON round trip unchanged. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Every write carries the registry's "today" (its time zone's date), since the domain has no clock. */
export interface BaseContext {
  today: LocalDate;
}

/** A well-formed date that is not after today: the world cannot have decided something tomorrow. */
export function checkEffectiveDate(date: LocalDate, today: LocalDate, field = 'effectiveDate'): DomainError | null {
  if (!isLocalDate(date)) return domainError('date.invalid', `${field} must be a calendar date YYYY-MM-DD`, { field });
  if (date > today)
    return domainError('date.in_future', `${field} ${date} is after today (${today})`, { field, today });
  return null;
}

/**
 * An id or a personal detail: a non-empty text of at most `max` UTF-16 units. Text that becomes
 * public goes by the stricter rule of clean-text.ts instead (a home address may hold a line break,
 * an organisation's name may not).
 */
export function checkText(value: unknown, field: string, { required = true, max = 500 } = {}): DomainError | null {
  if (value === undefined && !required) return null;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    return domainError('field.invalid', `${field} must be a non-empty text of at most ${max} characters`, { field });
  }
  return null;
}

export function checkOneOf<T extends string>(
  value: unknown,
  allowed: ReadonlyArray<T>,
  field: string,
): DomainError | null {
  return allowed.includes(value as T)
    ? null
    : domainError('field.invalid', `${field} must be one of ${allowed.join(', ')}`, { field, allowed });
}

/** A missing context is a bug in the app, not a client error: fail loudly rather than decide on half the facts. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The decision needs context.${name}, which the app did not provide`);
  return value;
}
