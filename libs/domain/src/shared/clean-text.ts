import { domainError, type DomainError, type ErrorCode, type Result } from './domain-error';

/**
 * The one rule for text the registry records: names, titles, places, agenda items, reasons,
 * document references, whatever becomes public (and the rest, held to the same). A text is
 * refused when it holds
 * - a control character (NUL, a line break, a tab, DEL, C1): `text.control_character`;
 * - half of a surrogate pair, which is no character at all and breaks UTF-8: `text.lone_surrogate`;
 * - a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069), which reorders what
 *   follows on screen, so that a name reads as another: `text.bidi_override`;
 * - more than its maximum of characters (code points, counted in NFC): `text.too_long`.
 * What passes is trimmed and normalised to NFC, so that one name has one spelling in the log.
 * Person names go through it too, before their own letters rule.
 */
const RULES: ReadonlyArray<[RegExp, ErrorCode, string]> = [
  [/\p{Cs}/u, 'text.lone_surrogate', 'holds half of a surrogate pair'],
  [/\p{Cc}/u, 'text.control_character', 'holds a control character'],
  [/[\u202A-\u202E\u2066-\u2069]/u, 'text.bidi_override', 'holds a bidirectional override or isolate'],
];

/** The largest count the registry takes: votes, attendance, quorum. */
export const MAX_COUNT = 10_000_000;

export interface TextLimits {
  /** Most characters (code points, after NFC). */
  max: number;
  /** An absent value (undefined) is refused; a blank one always is. */
  required?: boolean;
  /** The code of a missing, blank or not-a-string value; the field's own where it has one. */
  blankCode?: ErrorCode;
}

/** Code points, not UTF-16 units: an emoji is one character, as a reader counts. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The text as recorded (trimmed, NFC), undefined when it may be and is absent, or why it is refused. */
export function cleanText(
  value: unknown,
  field: string,
  { max, required = true, blankCode = 'field.invalid' }: TextLimits,
): Result<string | undefined> {
  if (value === undefined && !required) return { ok: true, value: undefined };
  if (typeof value !== 'string') return refused(blankCode, `${field} must be a text`, field);
  for (const [pattern, code, what] of RULES) {
    const at = value.search(pattern);
    if (at >= 0) return refused(code, `${field} ${what} (at ${at})`, field, { at });
  }
  const text = asRecorded(value);
  if (text === '') return refused(blankCode, `${field} must be a non-empty text`, field);
  if (characters(text) > max)
    return refused('text.too_long', `${field} is longer than ${max} characters`, field, { max });
  return { ok: true, value: text };
}

/** A text cleanText has accepted, as it records it (trimmed, NFC); undefined stays undefined. */
export function asRecorded<T extends string | undefined>(text: T): T {
  return (text === undefined ? undefined : text.normalize('NFC').trim()) as T;
}

/** Only the refusal of cleanText, for checks that run before the value is taken. */
export function checkCleanText(value: unknown, field: string, limits: TextLimits): DomainError | null {
  const result = cleanText(value, field, limits);
  return result.ok ? null : result.error;
}

/**
 * A whole number from `min` to `max`. What is not a whole number, or is below `min`, is
 * `invalidCode` (the field's own, as before there was a maximum); above `max`,
 * `number.out_of_range`: a count past any real party (1e308 seats) is a mistake or an attack.
 */
export function checkCount(
  value: unknown,
  field: string,
  { min = 0, max = MAX_COUNT, invalidCode = 'field.invalid' as ErrorCode } = {},
): DomainError | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return domainError(invalidCode, `${field} must be a whole number of at least ${min}`, { field });
  }
  if (value > max) {
    return domainError('number.out_of_range', `${field} must be at most ${max}`, { field, max });
  }
  return null;
}

function refused(code: ErrorCode, message: string, field: string, more: Record<string, unknown> = {}) {
  return { ok: false as const, error: domainError(code, message, { field, ...more }) };
}
