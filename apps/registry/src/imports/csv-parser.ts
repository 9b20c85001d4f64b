import { CsvError, parse, type Options } from 'csv-parse/sync';

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

/** Line breaks (CRLF, LF or a lone CR) in a value: only a quoted one holds any. */
function lineBreaks(value: string): number {
  let count = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) count++;
  for (let i = value.indexOf('\r'); i >= 0; i = value.indexOf('\r', i + 1)) if (value[i + 1] !== '\n') count++;
  return count;
}

/** Each record's first line. csv-parse's own count (`info.lines`) takes a quoted CRLF for two lines. */
class LineCounter {
  /** The line after the last record's. */
  private next = 1;
  /** Empty lines csv-parse had skipped at the last record. */
  private skipped = 0;

  /** The line a record starts on: the one after the previous record's last, plus the empty lines skipped since. */
  start(emptyLinesSkipped: number): number {
    return this.next + emptyLinesSkipped - this.skipped;
  }

  /** Takes a record: the next one starts after its lines (its value's line breaks too). */
  take(line: number, emptyLinesSkipped: number, fields: string[]): void {
    this.skipped = emptyLinesSkipped;
    this.next = line + 1;
    for (const value of fields) this.next += lineBreaks(value);
  }
}

/**
 * Reads RFC 4180 records of UTF-8 bytes with csv-parse: values in double quotes may hold
 * separators, line breaks and `""` for a quote; records end with CRLF, LF or CR; a BOM is dropped.
 * Lenient where Excel and hand edits are: a quote inside a bare value is a character, and so is one
 * after a closing quote. Records whose values are all blank (trailing `;;;;` lines) are skipped, as
 * csv-parse skips empty lines; both still count as lines. `each` is handed the records as they are read.
 */
function readRecords(bytes: Buffer, separator: CsvSeparator, each: (record: CsvRecord) => void): void {
  const lines = new LineCounter();
  const options: Options = {
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_quotes: true,
    relax_column_count: true, // a short or long record is the caller's to judge
    skip_empty_lines: true,
    on_record: (fields, info) => {
      const line = lines.start(info.empty_lines);
      lines.take(line, info.empty_lines, fields);
      if (fields.some((f) => f.trim() !== '')) each({ line, fields });
      return null;
    },
  };
  try {
    parse(bytes, options);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lines.start(Number(error['empty_lines']));
    const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
    throw new CsvSyntaxError(line, message);
  }
}

/**
 * A CSV file read once: the reading checks it, and its records are kept for the run that takes
 * them later. csv-parse reads byte by byte, so a second reading would cost the run as much as the
 * check (about 1 s for 100,000 rows); the records take about twice the file's bytes (26 MB for a
 * 13.5 MB file of 100,000 rows), as the decoded text did that the project's own parser read twice.
 */
export class CsvFile {
  private constructor(private readonly all: readonly CsvRecord[]) {}

  /** Reads every record, handing each to `each` (which may throw to stop); a CsvSyntaxError if one cannot be read. */
  static check(bytes: Buffer, separator: CsvSeparator, each: (record: CsvRecord) => void): CsvFile {
    const all: CsvRecord[] = [];
    readRecords(bytes, separator, (record) => {
      each(record);
      all.push(record);
    });
    return new CsvFile(all);
  }

  records(): IterableIterator<CsvRecord> {
    return this.all.values();
  }
}
