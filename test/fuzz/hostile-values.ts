import fc from 'fast-check';

/** A surrogate half without its other half: what `isWellFormed` (ES2024) finds. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const isWellFormed = (text: string): boolean => text.search(LONE_SURROGATE) < 0;
const toWellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/** JSON text put into a body as it stands: numbers JSON.stringify cannot write, nesting too deep to build. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Nesting thousands of levels deep, as objects (`{"a":{"a":…}}`) or arrays (`[[[…]]]`), and mixed. */
export const deepJson: fc.Arbitrary<RawJson> = fc
  .record({ depth: fc.integer({ min: 1_000, max: 12_000 }), shape: fc.constantFrom('object', 'array', 'mixed') })
  .map(({ depth, shape }) => {
    if (shape === 'object') return new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    if (shape === 'array') return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    return new RawJson(`${'{"a":['.repeat(depth / 2)}null${']}'.repeat(depth / 2)}`);
  });

/** Numbers a careless or hostile client sends: huge, negative, fractional, beyond a double, exotic notations. */
export const hostileNumber: fc.Arbitrary<RawJson> = fc
  .oneof(
    fc.constantFrom(
      '1e308',
      '-1e308',
      '1e309',
      '-1e400',
      '1e-400',
      '-0',
      '0.5',
      '-1',
      '2.5e3',
      '9007199254740993',
      '123456789012345678901234567890',
      '0.1e1',
      '1E2',
    ),
    fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  )
  .map((text) => new RawJson(text));

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83Dz', '\uDE00x'];
const ODD_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\uFEFF',
  '\uFFFE',
  '\uFFFF',
  '\u0301',
  '\u0338',
  '\u2028',
  '\u2029',
  '\r\n',
  '\t',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇰🇿',
  '𝔘',
  '\u{10FFFF}',
  '\u{E0001}',
];
/** Text that is not in NFC: the same name in another byte form. */
const NON_NFC = ['Ä'.normalize('NFD'), 'Қ'.normalize('NFD'), 'ё'.normalize('NFD'), 'ﬁ', 'Å', 'Ω'];

/** Unusual Unicode: lone surrogates, NUL and controls, bidirectional overrides, combining marks, emoji, non-NFC. */
export const oddUnicode: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LONE_SURROGATES, ...ODD_CHARACTERS, ...NON_NFC),
      // Any code point, built from an integer: fast-check's 'binary' unit maps all 1.1 million at start (4 s).
      fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), maxLength: 8 }),
      fc.constantFrom('Синтетов', 'Testov', 'Қарағанды', 'a'),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** Strings from the empty one to several megabytes, beyond the body limit. */
export const longString: fc.Arbitrary<string> = fc
  .record({
    length: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 256, max: 70_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(1_048_577, 3_000_000) },
    ),
    unit: fc.constantFrom('a', 'Қ', '😀', ' ', '\\'),
  })
  .map(({ length, unit }) => unit.repeat(Math.ceil(length / unit.length)));

/** Hostile text that fits in a URL or a header: long, but not megabytes (URIs over the limit have their own cases). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: oddUnicode },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(2_000), 'Қ'.repeat(1_500), '😀'.repeat(700)) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'null', 'undefined', '[object Object]', '../../etc/passwd', '%00') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Any hostile text, for a string field of a body. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: longString },
);

/** A value of another JSON type than the field's; `RawJson` for what JSON.stringify would not write. */
export function wrongType(type: string | undefined): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('1', 'true', '2023-01-10')),
    number: fc.oneof(fc.integer(), hostileNumber),
    boolean: fc.boolean(),
    object: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }))),
    array: fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 })),
  };
  const others = Object.entries(all)
    .filter(([name]) => name !== type && !(type === 'integer' && name === 'number'))
    .map(([, arbitrary]) => arbitrary);
  return fc.oneof(...others);
}

/** Dates as a client might mistype or forge them. */
export const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2023-02-30',
    '2023-13-01',
    '0000-00-00',
    '9999-12-31',
    '10000-01-01',
    '-001000-01-01',
    '+275760-09-13',
    '2023-1-1',
    '20230110',
    '2023-01-10T00:00:00Z',
    '2023-01-10 ',
    '１９９０-０１-０１',
    '1899-12-31',
    '2100-01-01',
    'today',
    '',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  hostileText,
);

/** Timestamps for `knownAt`: malformed, out of range, with odd zones. */
export const badTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2023-01-10T25:00:00Z',
    '2023-01-10T10:00:00+14:01',
    '2023-01-10',
    '1969-12-31T23:59:59Z',
    '275760-09-13T00:00:00.001Z',
    '2023-01-10T10:00:00.123456789Z',
    'NaN',
    '1e308',
  ),
  badDate,
);

/** Log positions and cursors nobody produced: negative, fractional, huge, base64 of junk. */
export const badPosition: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('-1', '0', '1.5', '1e3', '0x10', ' 1', '1 ', '00001', '18446744073709551616', 'NaN', '', 'abc'),
  hostileText,
);

export const badCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '====', 'not-base64!', 'YzpmYWtl', 'Yzo', 'Yw'),
  hostileText.map((text) => Buffer.from(`c:${text}`, 'utf8').toString('base64url')),
  hostileText.map((text) => Buffer.from(text, 'utf8').toString('base64url')),
  hostileText,
);

export const badLimit: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '501', '1.5', '1e2', '1e308', 'Infinity', 'NaN', '', ' 5', '0x10', '99999999999999999999'),
  fc.integer().map(String),
  hostileText,
);

/** Path segments that are not ids: near-UUIDs, traversal, encoded oddities (encoded so the URL stays valid). */
export const badPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '6f1c2b7e-9a4d-4c3b-8e2f-1a2b3c4d5e6',
    '6f1c2b7e9a4d4c3b8e2f1a2b3c4d5e6f',
    '{6f1c2b7e-9a4d-4c3b-8e2f-1a2b3c4d5e6f}',
    '..',
    '%2e%2e',
    '%2F',
    '%00',
    '%C0%80',
    '%ED%A0%80',
    'x'.repeat(5_000),
  ),
  hostileText.map((text) => encodeURIComponent(toWellFormed(text))),
);
