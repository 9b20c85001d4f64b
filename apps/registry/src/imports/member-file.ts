import { createHash } from 'node:crypto';
import { ProblemError, type FieldError } from '../http/problem';
import { CsvFile, CsvSyntaxError, detectSeparator, type CsvSeparator } from './csv-parser';

export const MEMBER_COLUMNS = [
  'surname',
  'given',
  'patronymic',
  'iin',
  'birthDate',
  'citizenship',
  'branch',
  'admissionDate',
  'cardNumber',
] as const;

export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

/** Without these a row cannot be judged; the others may be left out of the file altogether. */
export const REQUIRED_COLUMNS: readonly MemberColumn[] = [
  'surname',
  'given',
  'iin',
  'citizenship',
  'branch',
  'admissionDate',
];

/** A data row: `row` counts data rows from 1 (the header is not one), `line` is the file line it starts on. */
export interface DataRow {
  row: number;
  line: number;
  /** The known columns' values, trimmed; '' when empty or absent. */
  values: Record<MemberColumn, string>;
  /** Non-empty fields beyond the header's: the row is misaligned (say, an unquoted separator in a name). */
  overlong: boolean;
}

/** An uploaded member file that passed the checks a whole file can fail. */
export interface MemberFile {
  csv: CsvFile;
  separator: CsvSeparator;
  /** The index of each known column in a record. */
  columns: Partial<Record<MemberColumn, number>>;
  headerWidth: number;
  rows: number;
  bytes: number;
  sha256: string;
}

const invalidFile = (code: string, detail: string, errors?: FieldError[]) =>
  ProblemError.of(422, code, detail, errors ? { errors } : {});

/** "Birth date", "birth_date" and "BIRTHDATE" all name birthDate. */
const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_KEY = new Map<string, MemberColumn>(MEMBER_COLUMNS.map((c) => [columnKey(c), c]));

/** The text, without a BOM (TextDecoder drops it). */
function decodeUtf8(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw invalidFile('import.not_utf8', 'the file is not UTF-8 text: save it as "CSV UTF-8"');
  }
}

function readHeader(fields: string[]): Partial<Record<MemberColumn, number>> {
  const columns: Partial<Record<MemberColumn, number>> = {};
  const errors: FieldError[] = [];
  fields.forEach((name, index) => {
    const column = BY_KEY.get(columnKey(name));
    if (column === undefined) return; // extra columns (notes, row numbers) are ignored
    if (columns[column] !== undefined) {
      errors.push({ field: column, code: 'import.duplicate_column', message: `the column ${column} appears twice` });
    }
    columns[column] = index;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (columns[column] === undefined) {
      errors.push({ field: column, code: 'import.missing_column', message: `the header has no column ${column}` });
    }
  }
  if (errors.length > 0) throw invalidFile('import.invalid_header', 'the header row does not name the columns', errors);
  return columns;
}

/** Checks what a whole file can get wrong (encoding, header, quoting) before anything runs, and counts its rows. */
export function readMemberFile(buffer: Buffer): MemberFile {
  const separator = detectSeparator(decodeUtf8(buffer));
  try {
    let header: { columns: MemberFile['columns']; width: number } | undefined;
    let rows = 0;
    const csv = CsvFile.check(buffer, separator, (record) => {
      if (header) rows++;
      else header = { columns: readHeader(record.fields), width: record.fields.length };
    });
    if (!header) throw invalidFile('import.empty', 'the file is empty: it needs a header row and data rows');
    const { columns, width: headerWidth } = header;
    if (rows === 0) throw invalidFile('import.no_rows', 'the file has a header but no data rows');
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    return { csv, separator, columns, headerWidth, rows, bytes: buffer.length, sha256 };
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw invalidFile('import.malformed_csv', error.message, [
      { field: `line ${error.line}`, code: 'import.unclosed_quote', message: error.message },
    ]);
  }
}

/** The file's data rows in order, numbered. */
export function* dataRows(file: MemberFile): Generator<DataRow> {
  const records = file.csv.records();
  records.next(); // the header
  let row = 0;
  for (const record of records) {
    const values = {} as Record<MemberColumn, string>;
    for (const column of MEMBER_COLUMNS) {
      const index = file.columns[column];
      values[column] = index === undefined ? '' : (record.fields[index] ?? '').trim();
    }
    const overlong = record.fields.slice(file.headerWidth).some((f) => f.trim() !== '');
    yield { row: ++row, line: record.line, values, overlong };
  }
}
