import { type CellValue, type FilingColumn, type FilingLang } from '../filing-document';
import { enumerationLabel } from '../labels';

/** CSV keeps numbers as spreadsheets parse them; the PDF is read by people, so it groups digits. */
export type NumberStyle = 'plain' | 'grouped';

// Hand-rolled rather than Intl: ICU data differs between Node builds, the bytes must not.
const GROUP_SEPARATOR: Readonly<Record<FilingLang, string>> = { ru: '\u00a0', kk: '\u00a0', en: ',' };
const DECIMAL_SEPARATOR: Readonly<Record<FilingLang, string>> = { ru: ',', kk: ',', en: '.' };

/** The text a renderer prints for a cell: null is empty, enumeration codes become their labels. */
export function cellText(
  value: CellValue,
  column: Pick<FilingColumn, 'values'> | undefined,
  lang: FilingLang,
  numbers: NumberStyle,
): string {
  if (value === null) return '';
  if (typeof value === 'number') return numbers === 'grouped' ? groupedNumber(value, lang) : String(value);
  if (column?.values === undefined) return value;
  return enumerationLabel(column.values, value, lang) ?? value;
}

/** A number with its digits grouped (and its decimal separator) as the language writes them. */
export function groupedNumber(value: number, lang: FilingLang): string {
  const plain = String(value);
  if (/e/i.test(plain)) return plain;
  const [sign, digits] = plain.startsWith('-') ? ['-', plain.slice(1)] : ['', plain];
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[lang]);
  return sign + grouped + (fraction === undefined ? '' : DECIMAL_SEPARATOR[lang] + fraction);
}
