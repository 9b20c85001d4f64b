/**
 * Search keys for names: one Latin skeleton for Cyrillic and Latin spellings alike, so that
 * "Kazitov" finds "Казитов" and back, and the Kazakh letters (ә/а, ө/о, ү/ұ/у, қ/к, ң/н, ғ/г,
 * і/и, һ/х) match their plain neighbours.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Letters of the Kazakh Latin alphabets and common transcriptions that decomposition would not fold as we need. */
const LATIN: Record<string, string> = { ş: 'sh', ç: 'ch', ğ: 'g', ñ: 'n', ı: 'i' };

/** Latin letters that stand for sounds spelled otherwise elsewhere, and y for i. */
const VARIANTS: Record<string, string> = { q: 'k', w: 'v', x: 'h', j: 'zh', y: 'i' };

/**
 * Merges transcription variants of one sound: the letters above, "kh" as "h", and a doubled
 * letter as one ("Kassym" and "Қасым" meet at "kasim"). One pass each, no regular expressions:
 * every person's name words go through here when the read models are built.
 */
function skeleton(latin: string): string {
  let mapped = '';
  for (const ch of latin) mapped += VARIANTS[ch] ?? ch;
  let out = '';
  for (let i = 0; i < mapped.length; i++) {
    let ch = mapped[i]!;
    if (ch === 'k' && mapped[i + 1] === 'h') {
      ch = 'h';
      i += 1;
    }
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out;
}

/** The key of one word: lower case, Latin, without diacritics, with transcription variants merged. */
export function nameKey(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    const code = ch.charCodeAt(0);
    // Plain Latin letters and digits, the common case of a Latin name, need no table.
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      out += ch;
      continue;
    }
    const mapped = CYRILLIC[ch] ?? LATIN[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[a-z0-9]+$/.test(plain)) out += plain;
  }
  return skeleton(out);
}

/**
 * Keys of texts already seen: names repeat (a party of a million has far fewer distinct surnames
 * and given names), and a rebuild keys every person's name. Emptied when full.
 */
const KNOWN = new Map<string, readonly string[]>();
const KNOWN_MAX = 100_000;

/** The keys of a text: one per word, words split on spaces, hyphens and apostrophes. */
export function nameKeys(text: string): readonly string[] {
  const known = KNOWN.get(text);
  if (known) return known;
  const keys = Object.freeze(
    text
      .split(/[\s\-'’.,]+/u)
      .map(nameKey)
      .filter((k) => k.length > 0),
  );
  if (KNOWN.size >= KNOWN_MAX) KNOWN.clear();
  KNOWN.set(text, keys);
  return keys;
}
