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

function checkParts(input: PersonName, script: RegExp, scriptName: string, field: string): Result<PersonName> {
  const surname = (input.surname ?? '').trim();
  const given = (input.given ?? '').trim();
  const patronymic = input.patronymic?.trim() || undefined;
  const parts: Array<[string, string | undefined, boolean]> = [
    ['surname', surname, true],
    ['given', given, true],
    ['patronymic', patronymic, false],
  ];
  for (const [part, value, required] of parts) {
    if (value === undefined || value === '') {
      if (required)
        return {
          ok: false,
          error: domainError('name.invalid', `${field}.${part} is required`, { field: `${field}.${part}` }),
        };
      continue;
    }
    if (value.length > MAX_PART_LENGTH || !script.test(value)) {
      return {
        ok: false,
        error: domainError('name.invalid', `${field}.${part} must be written in ${scriptName} letters`, {
          field: `${field}.${part}`,
        }),
      };
    }
  }
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
