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
  /** Empty lines csv-parse had skipped at the last record. */
  private skipped = 0;

  /** @param next the line after the last record's */
  constructor(public next: number) {}

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

/** Where csv-parse may start reading again: a record's first byte, and its line. */
interface ResumePoint {
  offset: number;
  line: number;
}

/** Records read again at once, from one resume point to the next. */
const BLOCK_RECORDS = 2000;

/**
 * Reads RFC 4180 records of UTF-8 bytes with csv-parse: values in double quotes may hold
 * separators, line breaks and `""` for a quote; records end with CRLF, LF or CR; a BOM is dropped.
 * Lenient where Excel and hand edits are: a quote inside a bare value is a character, and so is one
 * after a closing quote. Records whose values are all blank (trailing `;;;;` lines) are skipped, as
 * csv-parse skips empty lines; both still count as lines. `each` is handed the records as they
 * are read; nothing holds them, so a 50 MB file is never held as records all at once.
 */
function readRecords(
  bytes: Buffer,
  separator: CsvSeparator,
  [from, end]: [ResumePoint, number],
  each: (record: CsvRecord, next: ResumePoint) => void,
): void {
  const lines = new LineCounter(from.line);
  const options: Options = {
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: from.offset === 0, // a block may start with a value that begins with U+FEFF
    relax_quotes: true,
    relax_column_count: true, // a short or long record is the caller's to judge
    skip_empty_lines: true,
    on_record: (fields, info) => {
      const line = lines.start(info.empty_lines);
      lines.take(line, info.empty_lines, fields);
      // info.bytes: just past the record's delimiter, from the start of this reading (check's is the file's)
      const next = { offset: info.bytes, line: lines.next };
      if (fields.some((f) => f.trim() !== '')) each({ line, fields }, next);
      return null;
    },
  };
  try {
    parse(bytes.subarray(from.offset, end), options);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lines.start(Number(error['empty_lines']));
    const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : error.message;
    throw new CsvSyntaxError(line, message);
  }
}

/**
 * A CSV file read whole once, to check it, then again in blocks of records as they are wanted:
 * the first reading notes where each block starts, so a later one parses no more than a block ahead.
 * The first block's records are kept from the first reading (a small file is then read once).
 */
export class CsvFile {
  private constructor(
    private readonly bytes: Buffer,
    private readonly separator: CsvSeparator,
    private readonly firstBlock: CsvRecord[],
    /** Where the blocks after the first start. */
    private readonly blocks: ResumePoint[],
  ) {}

  /** Reads every record, handing each to `each` (which may throw to stop); a CsvSyntaxError if one cannot be read. */
  static check(bytes: Buffer, separator: CsvSeparator, each: (record: CsvRecord) => void): CsvFile {
    const firstBlock: CsvRecord[] = [];
    const blocks: ResumePoint[] = [];
    let records = 0;
    readRecords(bytes, separator, [{ offset: 0, line: 1 }, bytes.length], (record, next) => {
      each(record);
      if (records < BLOCK_RECORDS) firstBlock.push(record);
      if (++records % BLOCK_RECORDS === 0) blocks.push(next);
    });
    return new CsvFile(bytes, separator, firstBlock, blocks);
  }

  *records(): Generator<CsvRecord> {
    yield* this.firstBlock;
    for (let i = 0; i < this.blocks.length; i++) {
      const end = this.blocks[i + 1]?.offset ?? this.bytes.length;
      const block: CsvRecord[] = [];
      readRecords(this.bytes, this.separator, [this.blocks[i]!, end], (record) => block.push(record));
      yield* block;
    }
  }
}
