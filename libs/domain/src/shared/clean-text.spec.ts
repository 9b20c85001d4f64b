import { checkCount, cleanText, MAX_COUNT } from './clean-text';

const limits = { max: 10 };

describe('cleanText: the one rule of recorded text', () => {
  it.each([
    ['NUL', 'Син\u0000тетов', 'text.control_character', 3],
    ['a bell', '\u0007Тестов', 'text.control_character', 0],
    ['a line break', 'Тес\nтов', 'text.control_character', 3],
    ['DEL', 'Тестов\u007f', 'text.control_character', 6],
    ['a C1 control', 'Тест\u0085', 'text.control_character', 4],
    ['a lone high surrogate', 'Тест\uD800', 'text.lone_surrogate', 4],
    ['a lone low surrogate', '\uDC00Тест', 'text.lone_surrogate', 0],
    ['a right-to-left override', 'Тест\u202Eвот', 'text.bidi_override', 4],
    ['a left-to-right embedding', '\u202AТест', 'text.bidi_override', 0],
    ['a first-strong isolate', 'Тест\u2068', 'text.bidi_override', 4],
    ['a pop directional isolate', 'Те\u2069ст', 'text.bidi_override', 2],
  ])('refuses %s with its code, the field and where it is', (_, text, code, at) => {
    expect(cleanText(text, 'name.ru', limits)).toEqual({
      ok: false,
      error: expect.objectContaining({ code, kind: 'invalid', details: { field: 'name.ru', at } }),
    });
  });

  it('trims and normalises to NFC, and takes a whole surrogate pair (an emoji) as one character', () => {
    expect(cleanText('  Ёлка  '.normalize('NFD'), 'place', limits)).toEqual({ ok: true, value: 'Ёлка' });
    expect(cleanText('🌿'.repeat(10), 'place', limits)).toEqual({ ok: true, value: '🌿'.repeat(10) });
  });

  it('counts characters after NFC: a text that grows under NFC beyond the maximum is too long', () => {
    // U+0958 is one code point that NFC writes as two (a composition exclusion).
    const grows = '\u0958'.repeat(6);
    expect(grows.length).toBeLessThanOrEqual(10);
    expect(cleanText(grows, 'place', limits)).toMatchObject({
      ok: false,
      error: { code: 'text.too_long', details: { field: 'place', max: 10 } },
    });
    expect(cleanText('x'.repeat(11), 'place', limits)).toMatchObject({ ok: false, error: { code: 'text.too_long' } });
  });

  it('refuses a blank or non-text value with the field’s own code, and lets an optional one be absent', () => {
    expect(cleanText('   ', 'reason', { max: 5, blankCode: 'retraction.reason_required' })).toMatchObject({
      ok: false,
      error: { code: 'retraction.reason_required', details: { field: 'reason' } },
    });
    expect(cleanText(42, 'place', limits)).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
    expect(cleanText(undefined, 'place', limits)).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
    expect(cleanText(undefined, 'place', { ...limits, required: false })).toEqual({ ok: true, value: undefined });
  });
});

describe('checkCount', () => {
  it('takes whole numbers from min to max', () => {
    expect(checkCount(0, 'attendance')).toBeNull();
    expect(checkCount(MAX_COUNT, 'attendance')).toBeNull();
  });

  it.each([
    [MAX_COUNT + 1, 'number.out_of_range'],
    [1e308, 'number.out_of_range'],
    [1.5, 'field.invalid'],
    [-1, 'field.invalid'],
    [Number.NaN, 'field.invalid'],
    ['12', 'field.invalid'],
  ])('refuses %j with %s naming the field', (value, code) => {
    expect(checkCount(value, 'attendance')).toMatchObject({ code, details: { field: 'attendance' } });
  });
});
