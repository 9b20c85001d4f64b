import type { LatinName, PersonName, Sex } from '@baytaq/domain';
import type { SeededRandom } from './seeded-random';

/**
 * Obviously synthetic names: every surname starts with "Синт" (Latin "Synt"), which no real
 * family name does, and the rest is composed from Kazakh-sounding syllables, some with the
 * Kazakh letters, so that search and transliteration get exercised.
 */
export const SURNAME_MARKER = { cyrillic: 'Синт', latin: 'Synt' } as const;

const SURNAME_STEMS = ['ай', 'бек', 'дәу', 'ер', 'жан', 'қоз', 'мұр', 'нұр', 'өт', 'сар', 'тау', 'үйр', 'ғали', 'іле'];
const SURNAME_STEMS_2 = ['', '', 'бай', 'құл', 'тем', 'ораз', 'әлі', 'шын', 'кен', 'рыс'];
const SURNAME_ENDINGS: Record<Sex, string[]> = {
  male: ['ов', 'ов', 'ев', 'ин', 'ұлы'],
  female: ['ова', 'ова', 'ева', 'ина', 'қызы'],
};
const GIVEN_STARTS = 'Ар Бай Дау Ер Жан Қай Мұ Нұр Ол Сә Те Ұл Ға Әл Ас Ке'.split(' ');
const GIVEN_ENDINGS: Record<Sex, string[]> = {
  male: ['ман', 'бек', 'хан', 'ат', 'ғали', 'жан', 'болат', 'тай', 'сұлтан', 'мұрат'],
  female: ['гүл', 'ай', 'ана', 'сәуле', 'жан', 'ля', 'дана', 'нұр', 'күл', 'ия'],
};

/** Cyrillic letter → Latin, as passports write Kazakh names (ъ and ь vanish). */
const LATIN: Record<string, string> = Object.fromEntries(
  (
    'а:a ә:a б:b в:v г:g ғ:g д:d е:e ё:yo ж:zh з:z и:i й:i к:k қ:q л:l м:m н:n ң:n о:o ө:o п:p р:r с:s ' +
    'т:t у:u ұ:u ү:u ф:f х:kh һ:h ц:ts ч:ch ш:sh щ:shch ъ: ы:y і:i ь: э:e ю:yu я:ya'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The Latin form of a Cyrillic name part, as a passport would give it. */
export function transliterate(cyrillic: string): string {
  let out = '';
  for (const char of cyrillic.toLowerCase()) out += LATIN[char] ?? char;
  return capitalise(out);
}

function latinSurname(surname: string): string {
  const rest = surname.slice(SURNAME_MARKER.cyrillic.length);
  return `${SURNAME_MARKER.latin}${transliterate(rest).toLowerCase()}`;
}

export function syntheticSurname(rng: SeededRandom, sex: Sex): string {
  return `${SURNAME_MARKER.cyrillic}${rng.pick(SURNAME_STEMS)}${rng.pick(SURNAME_STEMS_2)}${rng.pick(SURNAME_ENDINGS[sex])}`;
}

function givenName(rng: SeededRandom, sex: Sex): string {
  return `${rng.pick(GIVEN_STARTS)}${rng.pick(GIVEN_ENDINGS[sex])}`;
}

/** Russian style from the father's name, Kazakh style (-ұлы/-қызы), or none (the law allows it). */
function patronymic(rng: SeededRandom, sex: Sex): string | undefined {
  const style = rng.next();
  if (style < 0.15) return undefined;
  const father = givenName(rng, 'male');
  if (style < 0.4) return `${father}${sex === 'male' ? 'ұлы' : 'қызы'}`;
  const stem = father.endsWith('й') ? `${father.slice(0, -1)}ев` : `${father}ов`;
  return `${stem}${sex === 'male' ? 'ич' : 'на'}`;
}

/** A synthetic person's name in Cyrillic, as in the identity document, and its Latin form. */
export function syntheticName(rng: SeededRandom, sex: Sex): { name: PersonName; latinName: LatinName } {
  return withLatin({
    surname: syntheticSurname(rng, sex),
    given: givenName(rng, sex),
    patronymic: patronymic(rng, sex),
  });
}

/** The name with its Latin form; an absent patronymic stays absent in both. */
export function withLatin(name: PersonName): { name: PersonName; latinName: LatinName } {
  const latin: LatinName = { surname: latinSurname(name.surname), given: transliterate(name.given) };
  if (name.patronymic === undefined) return { name: { surname: name.surname, given: name.given }, latinName: latin };
  return { name, latinName: { ...latin, patronymic: transliterate(name.patronymic) } };
}
