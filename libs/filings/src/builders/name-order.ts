/**
 * Alphabetical order of names without Intl: ICU's collation data differs between Node builds, and
 * an issued member list must regenerate byte for byte. The Kazakh Cyrillic alphabet (which holds
 * the Russian one in the same order) ranks the letters; anything else follows by code point.
 */
const ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const RANK = new Map([...ALPHABET].map((letter, index) => [letter, index]));
const LETTERS_START = 0x100;
const OTHERS_START = LETTERS_START + ALPHABET.length;

/** A key that compares (with < and >) as the text sorts in a Kazakh or Russian list. */
export function nameSortKey(text: string): string {
  let key = '';
  for (const char of text.toLowerCase()) {
    const rank = RANK.get(char);
    const code = char.codePointAt(0)!;
    // Spaces and hyphens (below 0x100) sort before any letter: "Ан Б" before "Ана".
    key += String.fromCodePoint(
      rank !== undefined ? LETTERS_START + rank : code < 0x100 && !/\p{L}/u.test(char) ? code : OTHERS_START + code,
    );
  }
  return key;
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
