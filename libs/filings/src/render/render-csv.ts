import { checkFilingDocument } from '../check-filing-document';
import { type FilingDocument, type FilingSection } from '../filing-document';
import { columnLabel } from '../labels';
import { cellText } from './cell-text';

const BOM = '\ufeff';
const CRLF = '\r\n';
// OWASP's list: a spreadsheet evaluates a text cell starting with these as a formula (tab and CR too).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The tables as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads ANSI),
 * CRLF line ends, RFC 4180 quoting. Each section is one table (its header row of localized
 * labels, then its rows); several sections are separated by one empty line. Headings, summary
 * lines and the title are not in the CSV: they would break the columns a spreadsheet sorts and
 * filters; the JSON and the PDF carry them.
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe, which Excel hides and treats as "this is text". Numbers are written as
 * numbers, so a negative number keeps its sign.
 */
export function renderCsv(doc: FilingDocument): Buffer {
  checkFilingDocument(doc);
  const tables = doc.sections.map((section) => sectionCsv(section, doc));
  return Buffer.from(BOM + tables.join(CRLF), 'utf8');
}

function sectionCsv(section: FilingSection, doc: FilingDocument): string {
  const header = section.columns.map((column) => columnLabel(column.label, doc.lang));
  const rows = section.rows.map((row) =>
    section.columns.map((column) => {
      const value = row[column.key] ?? null;
      const text = cellText(value, column, doc.lang, 'plain');
      return typeof value === 'string' ? defuseFormula(text) : text;
    }),
  );
  return [header, ...rows].map((fields) => fields.map(quoteField).join(',') + CRLF).join('');
}

function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
