import { parseLatinName, parsePersonName } from '@baytaq/domain';
import { SeededRandom } from './seeded-random';
import { syntheticName, transliterate, withLatin } from './synthetic-names';

describe('synthetic names', () => {
  const names = Array.from({ length: 2000 }, (_, i) =>
    syntheticName(SeededRandom.for(1, i), i % 2 ? 'male' : 'female'),
  );

  it('are valid Cyrillic names with a valid Latin form', () => {
    for (const { name, latinName } of names) {
      expect(parsePersonName(name)).toEqual({ ok: true, value: name });
      expect(parseLatinName(latinName)).toEqual({ ok: true, value: latinName });
    }
  });

  it('carry the synthetic marker in both scripts, and use the Kazakh letters now and then', () => {
    expect(names.every((n) => n.name.surname.startsWith('Синт') && n.latinName.surname.startsWith('Synt'))).toBe(true);
    expect(names.some((n) => /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(`${n.name.surname}${n.name.given}`))).toBe(true);
    expect(names.some((n) => n.name.patronymic === undefined)).toBe(true);
    expect(names.some((n) => n.name.patronymic?.endsWith('ұлы') || n.name.patronymic?.endsWith('қызы'))).toBe(true);
  });

  it('are the same for the same seed', () => {
    expect(syntheticName(SeededRandom.for(1, 5), 'male')).toEqual(names[5]);
  });

  it('transliterate as passports do', () => {
    expect(transliterate('Жанқожа')).toBe('Zhanqozha');
    expect(transliterate('Әлішер')).toBe('Alisher');
    expect(withLatin({ surname: 'Синтайов', given: 'Нұрлан' })).toEqual({
      name: { surname: 'Синтайов', given: 'Нұрлан' },
      latinName: { surname: 'Syntaiov', given: 'Nurlan' },
    });
  });
});
