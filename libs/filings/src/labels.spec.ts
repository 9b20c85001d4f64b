import { ORGANISATION_KINDS, TENURE_METHODS } from '@baytaq/domain';
import { FILING_KINDS, FILING_LANGS } from './filing-document';
import {
  COLUMN_LABELS,
  ENUMERATION_LABELS,
  KIND_TITLES,
  PHRASES,
  enumerationLabel,
  kindTitle,
  phrase,
  type Localized,
} from './labels';

const tables: Record<string, Readonly<Record<string, Localized>>> = {
  kinds: KIND_TITLES,
  columns: COLUMN_LABELS,
  phrases: PHRASES,
  ...ENUMERATION_LABELS,
};
const everyLabel = Object.entries(tables).flatMap(([table, labels]) =>
  Object.entries(labels).map(([key, localized]) => ({ where: `${table}.${key}`, localized })),
);
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
// Latin is allowed only in blanks and the hash's name; anything else is an untranslated label.
const latinOutsideTokens = (text: string) => /[A-Za-z]/.test(text.replace(/SHA-256|\{\w+\}/g, ''));

describe('labels', () => {
  it('has a non-empty label in Russian, Kazakh and English for every key', () => {
    const missing = everyLabel.flatMap(({ where, localized }) =>
      FILING_LANGS.filter((lang) => typeof localized[lang] !== 'string' || localized[lang].trim() === '').map(
        (lang) => `${where}.${lang}`,
      ),
    );
    expect(everyLabel.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('writes Russian and Kazakh labels in Cyrillic, not in untranslated English', () => {
    const latin = everyLabel.flatMap(({ where, localized }) =>
      (['ru', 'kk'] as const).filter((lang) => latinOutsideTokens(localized[lang])).map((lang) => `${where}.${lang}`),
    );
    expect(latin).toEqual([]);
  });

  it('uses the Kazakh letters in Kazakh (a Russian text copied into kk would not)', () => {
    const kazakh = everyLabel.filter(({ localized }) => KAZAKH_LETTERS.test(localized.kk));
    const russianWithThem = everyLabel.filter(({ localized }) => KAZAKH_LETTERS.test(localized.ru));
    expect(kazakh.length).toBeGreaterThan(everyLabel.length / 2);
    expect(russianWithThem).toEqual([]);
    expect(COLUMN_LABELS.fullName.kk).toBe('Тегі, аты, әкесінің аты');
  });

  it('titles every kind of filing and labels every code of the domain enumerations', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const titles = FILING_KINDS.map((kind) => kindTitle(kind, lang));
      expect(titles.every((title) => title.trim() !== '')).toBe(true);
      expect(new Set(titles).size).toBe(FILING_KINDS.length); // no two kinds share a title
    }
    for (const code of ORGANISATION_KINDS) expect(enumerationLabel('organisationKind', code, 'kk')).toBeTruthy();
    for (const code of TENURE_METHODS) expect(enumerationLabel('tenureMethod', code, 'ru')).toBeTruthy();
    expect(enumerationLabel('tenureMethod', 'co_opted', 'en')).toBe('Co-opted');
    expect(enumerationLabel('tenureMethod', 'toString', 'en')).toBeUndefined();
  });

  it('fills the blanks of a phrase in each language word order', () => {
    expect(phrase('page', 'ru', { page: 2, pages: 3 })).toBe('Страница 2 из 3');
    expect(phrase('page', 'kk', { page: 2, pages: 3 })).toBe('3 беттің 2-беті');
    expect(phrase('asOf', 'kk', { date: '2024-06-01' })).toBe('2024-06-01 жағдай бойынша');
    expect(phrase('asOf', 'en', {})).toBe('As of {date}');
  });
});
