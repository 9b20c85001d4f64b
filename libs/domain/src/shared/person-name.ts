import { cleanText } from './clean-text';
import { domainError, type Result } from './domain-error';

/** As written in the identity document: Cyrillic, with the Kazakh letters. */
export interface PersonName {
  surname: string;
  given: string;
  /** Kazakh law allows none; `-ұлы`/`-қызы` forms are ordinary words here. */
  patronymic?: string;
}

/** The optional Latin form, in the same parts. */
export type LatinName = PersonName;

// Parts joined by one hyphen, apostrophe or space: "Сейфул-Малик", "Д'Артаньян", "Тұрсын ұлы".
const CYRILLIC_WORD = '[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+';
const LATIN_WORD = '\\p{Script=Latin}+';
const pattern = (word: string) => new RegExp(`^${word}(?:[-'’ ]${word})*$`, 'u');
const CYRILLIC = pattern(CYRILLIC_WORD);
const LATIN = pattern(LATIN_WORD);
const MAX_PART_LENGTH = 100;

const PARTS = [
  ['surname', true],
  ['given', true],
  ['patronymic', false],
] as const;

/**
 * Each part through the one rule of texts (clean-text.ts: no control characters, surrogate
 * halves or bidirectional overrides; NFC, so that a letter typed as a base and a combining mark
 * is the letter), then the letters of its script.
 */
function checkParts(input: PersonName, script: RegExp, scriptName: string, field: string): Result<PersonName> {
  const out: Partial<Record<keyof PersonName, string>> = {};
  for (const [part, required] of PARTS) {
    const value: unknown = input?.[part];
    const path = `${field}.${part}`;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) return { ok: false, error: domainError('name.invalid', `${path} is required`, { field: path }) };
      continue;
    }
    const text = cleanText(value, path, { max: MAX_PART_LENGTH, blankCode: 'name.invalid' });
    if (!text.ok) return text;
    if (!script.test(text.value!)) {
      return {
        ok: false,
        error: domainError('name.invalid', `${path} must be written in ${scriptName} letters`, { field: path }),
      };
    }
    out[part] = text.value!;
  }
  const { surname, given, patronymic } = out as PersonName;
  return { ok: true, value: patronymic === undefined ? { surname, given } : { surname, given, patronymic } };
}

export function parsePersonName(input: PersonName, field = 'name'): Result<PersonName> {
  return checkParts(input, CYRILLIC, 'Cyrillic', field);
}

export function parseLatinName(input: LatinName, field = 'latinName'): Result<LatinName> {
  return checkParts(input, LATIN, 'Latin', field);
}

/** "Surname Given Patronymic", the parts there are. */
export function fullName(name: PersonName): string {
  return [name.surname, name.given, name.patronymic].filter((part) => part !== undefined && part !== '').join(' ');
}
