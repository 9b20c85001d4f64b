import fc from 'fast-check';
import { fieldIdKind, IdRef } from './id-pools';
import { badCursor, badDate, badLimit, badPosition, badTimestamp, hostileText, isWellFormed } from './hostile-values';
import type { Parameter } from './openapi-routes';
import { idOf, plausibleDate, plausibleTimestamp, validShaped } from './schema-values';

export type QueryValue = string | IdRef | string[];

const EVENT_TYPES = [
  'OrganisationEstablished',
  'OrganisationRenamed',
  'TenureStarted',
  'TenureEnded',
  'PersonRegistered',
  'MembershipStarted',
  'MeetingRecorded',
  'NoSuchEvent',
];

const position = fc
  .double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
  .map((pick) => new IdRef({ real: 'position', pick }));

/** A value a client following the documentation would send for the parameter. */
export function validQueryValue(parameter: Parameter): fc.Arbitrary<QueryValue> {
  const { name } = parameter;
  // A tree size (the log's proofs): small, so that most lie within the log under test.
  if (['from', 'to', 'size'].includes(name) && ['integer', 'number'].includes(String(parameter.schema?.type)))
    return fc.integer({ min: 0, max: 40 }).map(String);
  if (['asOf', 'from', 'to'].includes(name)) return plausibleDate;
  if (name === 'knownAt') return plausibleTimestamp;
  if (name === 'limit') return fc.integer({ min: 1, max: 500 }).map(String);
  if (name === 'minPosition' || name === 'after') return position;
  if (name === 'types') return fc.subarray(EVENT_TYPES, { minLength: 1 }).map((types) => types.join(','));
  if (name === 'q') return fc.constantFrom('Синтетов', 'а', 'Testov', 'kazitov', 'Қ', 'ЁЛКА');
  if (name === 'cursor') return fc.constantFrom(Buffer.from('c:0', 'utf8').toString('base64url'));
  if (fieldIdKind(name)) return idOf(fieldIdKind(name)!);
  if (parameter.schema?.type === 'boolean') return fc.constantFrom('true', 'false');
  if (parameter.schema?.enum) return fc.constantFrom(...parameter.schema.enum.map(String));
  return (validShaped(parameter.schema ?? { type: 'string' }, name) as fc.Arbitrary<unknown>).map(String);
}

/** Plain digits: a position that may lie beyond the log's head, which `minPosition` waits 5 s for. */
const DIGITS = /^\s*\+?\d+\s*$/;

/** A value the parameter must refuse, by what the parameter means. */
export function badQueryValue(name: string): fc.Arbitrary<QueryValue> {
  if (['asOf', 'from', 'to'].includes(name)) return badDate;
  if (name === 'knownAt') return badTimestamp;
  if (name === 'limit') return badLimit;
  if (name === 'cursor') return badCursor;
  if (name === 'after') return badPosition;
  // The wait for a position beyond the head is its own test (openapi.fuzz.ts): 5 s per request here would not fit.
  if (name === 'minPosition') return badPosition.filter((value) => !DIGITS.test(value));
  return fc.oneof(hostileText, fc.constantFrom('true', 'false', '1', '[]', '{}'));
}

/** Percent-encoding of any string, lone surrogates included (as their three generalised UTF-8 bytes). */
export function encodeQueryText(text: string): string {
  if (isWellFormed(text)) return encodeURIComponent(text);
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Query strings no encoder produces: bad percent-escapes, repeated and empty names. */
export const rawQueryJunk = fc.constantFrom(
  'limit=%zz',
  'asOf=%',
  'q=%E0%A4%A',
  'q=%C0%80',
  'q=%ED%A0%80',
  '&&&',
  '=1',
  'limit',
  'limit=1&limit=2',
  'asOf[]=2023-01-10',
  'asOf[a]=1',
  '__proto__=1',
  'constructor[prototype]=1',
  'limit=1;asOf=2023-01-10',
  'q=' + 'a'.repeat(10_000),
);
