import { isLocalDate } from '@baytaq/domain';
import { type AsOf } from '@baytaq/read-models';
import { type FieldError, ProblemError } from '../http/problem';

export type Query = Record<string, string | string[] | undefined>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_LIMIT = 500;

/** Collects the problems of a query string, to answer them all at once. */
export class QueryReader {
  private readonly errors: FieldError[] = [];

  constructor(private readonly query: Query) {}

  text(field: string): string | undefined {
    const value = this.query[field];
    if (Array.isArray(value)) {
      this.errors.push({ field, code: 'isSingle', message: `${field} may be given once` });
      return undefined;
    }
    return value === undefined || value === '' ? undefined : value;
  }

  date(field: string): string | undefined {
    const value = this.text(field);
    if (value !== undefined && !isLocalDate(value)) {
      this.errors.push({ field, code: 'isDate', message: `${field} must be a date YYYY-MM-DD` });
      return undefined;
    }
    return value;
  }

  /** A timestamp with its offset, normalised to UTC with milliseconds, the form `recordedAt` has. */
  timestamp(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const time = RFC3339.test(value) ? new Date(value) : new Date(NaN);
    if (Number.isNaN(time.getTime())) {
      this.errors.push({ field, code: 'isTimestamp', message: `${field} must be an RFC 3339 timestamp with offset` });
      return undefined;
    }
    return time.toISOString();
  }

  integer(field: string, fallback: number, min: number, max: number): number {
    const value = this.text(field);
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      this.errors.push({ field, code: 'isInRange', message: `${field} must be a whole number from ${min} to ${max}` });
      return fallback;
    }
    return n;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      this.errors.push({ field, code: 'isIn', message: `${field} must be one of ${allowed.join(', ')}` });
      return undefined;
    }
    return value as T | undefined;
  }

  fail(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  /** Throws the 400 problem listing every invalid parameter, if any. */
  done(): void {
    if (this.errors.length === 0) return;
    throw ProblemError.of(400, 'request.validation_failed', `${this.errors.length} query parameter(s) are invalid`, {
      errors: this.errors,
    });
  }
}

/** `asOf` (default: today in the registry's zone) and `knownAt` when given (the gate fills in now). */
export function readAsOf(reader: QueryReader, today: string): Pick<AsOf, 'asOf'> & Partial<Pick<AsOf, 'knownAt'>> {
  const asOf = reader.date('asOf') ?? today;
  const knownAt = reader.timestamp('knownAt');
  return knownAt === undefined ? { asOf } : { asOf, knownAt };
}

/** A list's page: `limit` (at most 500) and the opaque `cursor` of the previous page. */
export function readPage(reader: QueryReader, fallback = 100): { limit: number; cursor: string | undefined } {
  const limit = reader.integer('limit', fallback, 1, MAX_LIMIT);
  const raw = reader.text('cursor');
  let cursor: string | undefined;
  if (raw !== undefined) {
    const decoded = Buffer.from(raw, 'base64url').toString('utf8');
    if (decoded.startsWith('c:')) cursor = decoded.slice(2);
    else reader.fail('cursor', 'isCursor', 'cursor must be one a previous page returned');
  }
  return { limit, cursor };
}

/** The opaque cursor of a sort key: base64url, so that a client passes it on and never builds one. */
export const encodeCursor = (value: string): string => Buffer.from(`c:${value}`, 'utf8').toString('base64url');

/** What the parts of the registry's sort keys look like. */
export const KEY_PART = {
  id: /^[0-9a-fA-F-]{36}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  revision: /^\d{1,15}$/,
  // Parts never hold the separator: they are what splitting at it gave.
  word: /^[\s\S]{1,200}$/,
};

/** A sort key of several parts, as a cursor holds it: joined by a character no part has. */
export const cursorOf = (...parts: string[]): string => encodeCursor(parts.join('\u0000'));

/**
 * The parts of a cursor made by `cursorOf`, one matching each of `parts`; anything else is a
 * 400 naming `cursor` (undefined then, as when there is no cursor).
 */
export function cursorParts(
  reader: QueryReader,
  cursor: string | undefined,
  parts: ReadonlyArray<RegExp>,
): string[] | undefined {
  if (cursor === undefined) return undefined;
  const values = cursor.split('\u0000');
  if (values.length === parts.length && values.every((v, i) => parts[i]!.test(v))) return values;
  reader.fail('cursor', 'isCursor', 'cursor must be one a previous page returned');
  return undefined;
}

/** Lists that came whole before they were paged: a page holds them whole unless they are long. */
export const WHOLE_LIST_PAGE = 500;

/**
 * A page of a list sorted by a key of `parts`: the limit, and the parts of the key the previous
 * page ended at (see cursorParts).
 */
export function readKeyedPage(
  reader: QueryReader,
  parts: ReadonlyArray<RegExp>,
  fallback?: number,
): { limit: number; after: string[] | undefined } {
  const { limit, cursor } = readPage(reader, fallback);
  return { limit, after: cursorParts(reader, cursor, parts) };
}

/**
 * A page of a list held in memory in the order of `keyOf` (a total order): the first `limit`
 * items whose key comes after the cursor's, and the cursor of the last one when more follow.
 */
export function pageAfter<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
  keyOf: (item: T) => string,
): { items: T[]; next: string | null } {
  const start = cursor === undefined ? 0 : items.findIndex((item) => keyOf(item) > cursor);
  const slice = start < 0 ? [] : items.slice(start, start + limit);
  const more = start >= 0 && start + limit < items.length;
  return { items: slice, next: more ? encodeCursor(keyOf(slice[slice.length - 1]!)) : null };
}
