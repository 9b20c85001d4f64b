import { iinCheckDigit, iinWarnings, makeIin, parseIin } from './iin';
import { parseLatinName, parsePersonName } from './person-name';
import { parseMultilingualName } from './multilingual-name';
import { parseKato, REGION_SPLIT_DATE, regionsOn, topLevelRegion } from './kato';
import { checkBasis } from './basis';

describe('Iin', () => {
  it('accepts a valid IIN and derives birth date and sex', () => {
    expect(parseIin('850101300124')).toEqual({
      ok: true,
      value: { value: '850101300124', birthDate: '1985-01-01', sex: 'male' },
    });
  });

  it('uses the second weight set when the first gives 10', () => {
    expect(iinCheckDigit('90010140040')).toBe(4);
    const parsed = parseIin('900101400404');
    expect(parsed.ok && parsed.value).toMatchObject({ birthDate: '1990-01-01', sex: 'female' });
  });

  it('refuses an IIN whose check digit is 10 under both weight sets', () => {
    expect(iinCheckDigit('90010140043')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(parseIin(`90010140043${d}`).ok).toBe(false);
  });

  it.each([
    ['too short', '85010130012'],
    ['letters', '85010130012a'],
    ['century digit 0', '850101000124'],
    ['century digit 7', '850101700124'],
    ['not a date', '851301300124'],
    ['wrong check digit', '850101300125'],
  ])('refuses %s with iin.invalid and never echoes the whole number', (_, value) => {
    const result = parseIin(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'iin.invalid', kind: 'invalid' });
      expect(JSON.stringify(result.error)).not.toContain(value);
    }
  });

  it('maps the 7th digit to century and sex', () => {
    const cases: Array<[string, string, string]> = [
      ['1', '1885-01-01', 'male'],
      ['4', '1985-01-01', 'female'],
      ['5', '2085-01-01', 'male'],
    ];
    for (const [digit, birthDate, sex] of cases) {
      const first11 = `850101${digit}0012`;
      const parsed = parseIin(`${first11}${iinCheckDigit(first11)}`);
      expect(parsed.ok && parsed.value).toMatchObject({ birthDate, sex });
    }
  });

  it('warns, not fails, when the IIN does not match the birth date', () => {
    const parsed = parseIin('850101300124');
    if (!parsed.ok) throw new Error('fixture');
    expect(iinWarnings(parsed.value, '1985-01-01')).toEqual([]);
    expect(iinWarnings(parsed.value, '1985-01-02')).toEqual([
      expect.objectContaining({ code: 'iin.birth_date_mismatch' }),
    ]);
  });

  it('makeIin produces valid IINs, skipping serials without a check digit', () => {
    expect(makeIin('1990-01-01', 'female', 43)).not.toMatch(/^90010140043/);
    for (let serial = 0; serial < 500; serial++) {
      const iin = makeIin('2001-02-28', serial % 2 ? 'male' : 'female', serial);
      const parsed = parseIin(iin);
      expect(parsed.ok && parsed.value.birthDate).toBe('2001-02-28');
    }
  });
});

describe('PersonName', () => {
  it('accepts Cyrillic with Kazakh letters, hyphens, apostrophes and -ұлы forms', () => {
    expect(parsePersonName({ surname: 'Казитов', given: 'Сейфул-Малик', patronymic: 'Турекханович' }).ok).toBe(true);
    expect(parsePersonName({ surname: 'Әміртай', given: 'Азаматхан' })).toEqual({
      ok: true,
      value: { surname: 'Әміртай', given: 'Азаматхан' },
    });
    expect(parsePersonName({ surname: 'Ғұмарқызы', given: 'Һәшім', patronymic: 'Тұрсынұлы' }).ok).toBe(true);
    expect(parsePersonName({ surname: "О'Нил", given: 'Іңкәр', patronymic: 'Сейтқали ұлы' }).ok).toBe(true);
  });

  it('trims and drops an empty patronymic', () => {
    expect(parsePersonName({ surname: ' Тестов ', given: 'Тест', patronymic: ' ' })).toEqual({
      ok: true,
      value: { surname: 'Тестов', given: 'Тест' },
    });
  });

  it.each([
    [{ surname: 'Kazitov', given: 'Сейфул' }, 'name.surname'],
    [{ surname: 'Казитов', given: '' }, 'name.given'],
    [{ surname: 'Казитов', given: 'Сейфул--Малик' }, 'name.given'],
    [{ surname: 'Казитов', given: 'Сейфул', patronymic: 'Т1' }, 'name.patronymic'],
  ])('refuses %j naming the field', (input, field) => {
    const result = parsePersonName(input);
    expect(result.ok || result.error).toMatchObject({ code: 'name.invalid', details: { field } });
  });

  it('takes a Latin form in Latin letters only', () => {
    expect(parseLatinName({ surname: 'Kazitov', given: 'Seiful-Malik' }).ok).toBe(true);
    expect(parseLatinName({ surname: 'Amirtay', given: 'Azamatkhan', patronymic: 'Ämirtai' }).ok).toBe(true);
    expect(parseLatinName({ surname: 'Казитов', given: 'Seiful' }).ok).toBe(false);
  });
});

describe('MultilingualName', () => {
  it('requires a Kazakh or Russian form', () => {
    expect(parseMultilingualName({ kk: 'Байтақ' })).toEqual({ ok: true, value: { kk: 'Байтақ' } });
    expect(parseMultilingualName({ ru: ' Байтак ', en: '' })).toEqual({ ok: true, value: { ru: 'Байтак' } });
    expect(parseMultilingualName({ en: 'Baytaq' }).ok).toBe(false);
    expect(parseMultilingualName({}).ok).toBe(false);
  });
});

describe('Kato', () => {
  it('has 17 top-level units before the 2022 split and 20 from it', () => {
    expect(regionsOn('2022-06-07')).toHaveLength(17);
    expect(regionsOn(REGION_SPLIT_DATE)).toHaveLength(20);
    expect(regionsOn('2022-06-07').map((r) => r.kato)).not.toContain('620000000');
  });

  it('finds the top-level region of any code, mapping new regions to their predecessors before the split', () => {
    expect(topLevelRegion('352410000')?.name.en).toBe('Karaganda Region');
    expect(topLevelRegion('621010000')?.name.en).toBe('Ulytau Region');
    expect(topLevelRegion('621010000', '2022-01-01')?.kato).toBe('350000000');
    expect(topLevelRegion('100000000', '2021-12-31')?.kato).toBe('630000000');
    expect(topLevelRegion('331010000', '2022-06-07')?.kato).toBe('190000000');
    expect(topLevelRegion('330000000', '2022-06-08')?.kato).toBe('330000000');
    expect(topLevelRegion('990000000')).toBeNull();
    expect(topLevelRegion('35')).toBeNull();
  });

  it('parses with kato.invalid for unknown codes', () => {
    expect(parseKato('350000000')).toEqual({ ok: true, value: '350000000' });
    expect(parseKato('120000000')).toMatchObject({ ok: false, error: { code: 'kato.invalid' } });
  });
});

describe('Basis', () => {
  it('accepts minutes with votes and refuses negative or fractional votes', () => {
    expect(
      checkBasis({ meetingId: 'm-1', protocolNumber: '1', votes: { for: 128, against: 0, abstained: 0 } }),
    ).toBeNull();
    expect(checkBasis({ votes: { for: -1, against: 0, abstained: 0 } })?.code).toBe('basis.invalid');
    expect(checkBasis({ document: '' })?.code).toBe('basis.invalid');
  });
});
