/** One record of a CSV file and the file line it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvSeparator = ',' | ';';

/** The file cannot be read as CSV at all: a quoted field is never closed. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Excel writes `;` where the decimal separator is a comma (the Russian and Kazakh locales), `,`
 * elsewhere: the header line says which, by whichever occurs more often outside quotes.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Line breaks (CRLF, LF or a lone CR) in text[from, to), to keep line numbers right across quoted fields. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/**
 * RFC 4180 records: fields in double quotes may hold separators, line breaks and `""` for a
 * quote; records end with CRLF, LF or CR. Lenient where Excel and hand edits are: text after a
 * closing quote is kept, a quote inside an unquoted field is an ordinary character. Records whose
 * fields are all blank (trailing `;;;;` lines) are skipped. Lazy, so a 50 MB file is never held
 * as records all at once.
 */
export function* csvRecords(text: string, separator: CsvSeparator): Generator<CsvRecord> {
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new CsvSyntaxError(line, 'a quoted field is never closed');
          line += lineBreaks(text, from, close);
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) !== QUOTE) {
            i = close + 1;
            break;
          }
          value += '"';
          from = close + 2;
        }
      }
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
        end++;
      }
      value += text.slice(i, end);
      fields.push(value);
      i = end;
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    if (fields.some((f) => f.trim() !== '')) yield { line: start, fields };
  }
}
