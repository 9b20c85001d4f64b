import { isUUID } from 'class-validator';
import { setTimeout as sleep } from 'node:timers/promises';
import { type FilingIssuedData, isLocalDate } from '@baytaq/domain';
import { FILING_KINDS, FILING_LANGS, type FilingKind, type FilingLang } from '@baytaq/filings';
import { type FieldError, ProblemError } from '../http/problem';

export const FILING_FORMATS = ['json', 'csv', 'pdf'] as const;
export type FilingFormat = (typeof FILING_FORMATS)[number];

/** What a filing is made from: with `issuedAt`, all it takes to make it again byte for byte. */
export interface FilingParameters {
  asOf: string;
  /** RFC 3339 UTC with milliseconds; always explicit, so that a regeneration reads what the issue read. */
  knownAt: string;
  /** leadership-changes: the period, both days included (`to` is also `asOf`). */
  from?: string;
  to?: string;
  /** member-list: the branch, with its sub-branches. */
  organisationId?: string;
}

/** A `FilingIssued` event's data, with the app's kinds, parameters and formats. */
export type FilingRecord = FilingIssuedData<FilingKind, FilingParameters, FilingFormat> & {
  lang: FilingLang;
  /** The log's signed checkpoint as known at knownAt, which the document prints (absent on filings issued before). */
  logCheckpoint?: { treeSize: number; rootHash: string; note: string };
};

export interface FilingRequest {
  kind: FilingKind;
  parameters: FilingParameters;
  format: FilingFormat;
  lang: FilingLang;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isFilingKind = (value: string): value is FilingKind => (FILING_KINDS as readonly string[]).includes(value);

/**
 * "Now" as a moment nothing more will be recorded at: the store's clock may give the current
 * millisecond to a commit still to come, so the moment is one millisecond back, taken after a
 * pause of two, which keeps every write acknowledged before the request inside it.
 */
export async function settledNow(): Promise<string> {
  await sleep(2);
  return new Date(Date.now() - 1).toISOString();
}

/**
 * The parameters of a preview (query string) or an issue (body), checked all at once: 400 lists
 * every bad field; a `knownAt` that is not yet past is 422, since what it would show can still change.
 */
export async function resolveFilingRequest(
  kind: FilingKind,
  source: Readonly<Record<string, unknown>>,
  today: string,
): Promise<FilingRequest> {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => void errors.push({ field, code, message });
  const text = (field: string): string | undefined => {
    const value = source[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string') return value;
    fail(field, 'isString', `${field} must be given once, as text`);
    return undefined;
  };
  const date = (field: string, value = text(field)) => {
    if (value !== undefined && !isLocalDate(value)) fail(field, 'isDate', `${field} must be a date YYYY-MM-DD`);
    return value !== undefined && isLocalDate(value) ? value : undefined;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[], fallback: T): T => {
    const value = text(field);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    fail(field, 'isIn', `${field} must be one of ${allowed.join(', ')}`);
    return fallback;
  };
  const forbid = (field: string, why: string) => {
    if (source[field] !== undefined && source[field] !== '') fail(field, 'notAllowed', `${field} ${why}`);
  };

  const format = oneOf('format', FILING_FORMATS, 'json');
  const lang = oneOf('lang', FILING_LANGS, 'ru');
  const knownAtText = text('knownAt');
  const knownAt = knownAtText === undefined ? undefined : parseTimestamp(knownAtText);
  if (knownAtText !== undefined && knownAt === undefined) {
    fail('knownAt', 'isTimestamp', 'knownAt must be an RFC 3339 timestamp with offset');
  }
  let asOf = date('asOf');
  const parameters: Omit<FilingParameters, 'asOf' | 'knownAt'> = {};
  if (kind === 'leadership-changes') {
    const fromText = text('from');
    const from = date('from', fromText);
    const to = date('to') ?? asOf ?? today;
    if (fromText === undefined) fail('from', 'isDefined', 'from is required for leadership-changes');
    if (asOf !== undefined && asOf !== to)
      fail('asOf', 'isPeriodEnd', 'for leadership-changes asOf is the period end: give to');
    if (from !== undefined && from > to) fail('from', 'isPeriod', 'from must not be after to');
    if (from !== undefined) Object.assign(parameters, { from, to });
    asOf = to;
  } else {
    for (const field of ['from', 'to']) forbid(field, 'is only for leadership-changes');
  }
  if (kind === 'member-list') {
    const organisationId = text('organisationId');
    if (organisationId === undefined) fail('organisationId', 'isDefined', 'organisationId is required for member-list');
    else if (!isUUID(organisationId)) fail('organisationId', 'isUuid', 'organisationId must be a UUID');
    else parameters.organisationId = organisationId.toLowerCase();
  } else {
    forbid('organisationId', 'is only for member-list');
  }
  if (errors.length > 0) {
    throw ProblemError.of(400, 'request.validation_failed', `${errors.length} filing parameter(s) are invalid`, {
      errors,
    });
  }
  if (knownAt !== undefined && Date.parse(knownAt) >= Date.now()) {
    throw ProblemError.of(
      422,
      'filing.known_at_not_past',
      'knownAt must be in the past: what it would show can still change',
      {
        errors: [{ field: 'knownAt', code: 'isPast', message: 'knownAt must be earlier than now' }],
      },
    );
  }
  return {
    kind,
    format,
    lang,
    parameters: { asOf: asOf ?? today, knownAt: knownAt ?? (await settledNow()), ...parameters },
  };
}

function parseTimestamp(value: string): string | undefined {
  const time = RFC3339.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
