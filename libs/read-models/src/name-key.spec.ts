import { nameKey, nameKeys } from './name-key';

describe('name keys', () => {
  it.each([
    ['Казитов', 'Kazitov'],
    ['Әміртай', 'Amirtai'],
    ['Азаматхан', 'Azamatkhan'],
    ['Жұмабек', 'Zhumabek'],
    ['Ғалымжан', 'Galymzhan'],
    ['Қасым', 'Kassym'],
    ['Нұрсұлтан', 'Nursultan'],
  ])('gives %s and %s one key', (cyrillic, latin) => {
    expect(nameKey(cyrillic)).toBe(nameKey(latin));
  });

  it('ignores case and the Kazakh letter variants', () => {
    const pairs = ['ә а', 'ө о', 'ү у', 'ұ у', 'қ к', 'ң н', 'ғ г', 'і и', 'һ х'].map((p) => p.split(' '));
    for (const [kazakh, plain] of pairs) {
      expect(nameKey(`Б${kazakh}Л`)).toBe(nameKey(`б${plain}л`));
    }
    expect(nameKey('КАЗИТОВ')).toBe(nameKey('казитов'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Казитов')).not.toBe(nameKey('Казиев'));
    expect(nameKey('Amirtai')).not.toBe(nameKey('Amantai'));
  });

  it('splits a full name into word keys and drops punctuation', () => {
    expect(nameKeys('Сейфул-Малик  Д’Артаньян')).toEqual([
      nameKey('Сейфул'),
      nameKey('Малик'),
      'd',
      nameKey('Артаньян'),
    ]);
    expect(nameKeys(' , ')).toEqual([]);
  });
});
