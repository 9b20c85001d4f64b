const SYLLABLES = ['ба', 'ве', 'ги', 'до', 'жу', 'зы', 'ка', 'ле', 'ми', 'но'];

/** An obviously synthetic Cyrillic surname that encodes n: "Синтбаведоов". */
export function syntheticSurname(n: number): string {
  const digits = String(n)
    .split('')
    .map((d) => SYLLABLES[Number(d)]);
  return `Синт${digits.join('')}ов`;
}
