import { isLocalDate } from '@baytaq/domain';
import {
  FILING_KINDS,
  FILING_LANGS,
  type CellValue,
  type FilingColumn,
  type FilingDocument,
  type FilingSection,
} from './filing-document';
import { COLUMN_LABELS, ENUMERATION_LABELS, enumerationLabel } from './labels';

/** A builder produced a document the renderers refuse to issue: a bug, not a client error. */
export class InvalidFilingDocument extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`filing document ${path}: ${problem}`);
    this.name = 'InvalidFilingDocument';
  }
}

const COLUMN_KEY = /^[a-z][A-Za-z0-9_]*$/;
// Offsets are accepted and normalised to UTC; free-form dates are not, Date.parse guesses them.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The timestamp in one spelling (UTC, milliseconds), so equal instants hash alike. */
export function canonicalTimestamp(value: string, path = 'timestamp'): string {
  const millis = TIMESTAMP.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) throw new InvalidFilingDocument(path, `"${value}" is not an ISO 8601 timestamp`);
  return new Date(millis).toISOString();
}

/**
 * Renderers check before they write, so that no format issues what another would refuse and a
 * hash is never printed for data that JSON cannot carry faithfully (NaN, unknown codes).
 */
export function checkFilingDocument(doc: FilingDocument): void {
  if (!FILING_KINDS.includes(doc.kind)) throw new InvalidFilingDocument('kind', `unknown kind "${doc.kind}"`);
  if (!FILING_LANGS.includes(doc.lang)) throw new InvalidFilingDocument('lang', `unknown language "${doc.lang}"`);
  if (![doc.partyName.ru, doc.partyName.kk, doc.partyName.en].some((name) => name !== undefined && name !== '')) {
    throw new InvalidFilingDocument('partyName', 'the party name has no form in any language');
  }
  checkDate(doc.asOf, 'asOf');
  canonicalTimestamp(doc.knownAt, 'knownAt');
  canonicalTimestamp(doc.issuedAt, 'issuedAt');
  if (doc.period) {
    checkDate(doc.period.from, 'period.from');
    checkDate(doc.period.to, 'period.to');
    if (doc.period.from > doc.period.to) throw new InvalidFilingDocument('period', 'from is after to');
  }
  if (doc.sections.length === 0) throw new InvalidFilingDocument('sections', 'a filing has at least one section');
  doc.sections.forEach((section, index) => checkSection(section, `sections[${index}]`));
}

function checkDate(value: string, path: string): void {
  if (!isLocalDate(value)) throw new InvalidFilingDocument(path, `"${value}" is not a YYYY-MM-DD date`);
}

function checkSection(section: FilingSection, path: string): void {
  if (section.columns.length === 0) throw new InvalidFilingDocument(`${path}.columns`, 'a table has columns');
  const keys = new Set<string>();
  section.columns.forEach((column, index) => {
    const at = `${path}.columns[${index}]`;
    if (!COLUMN_KEY.test(column.key)) throw new InvalidFilingDocument(at, `key "${column.key}" is not an identifier`);
    if (keys.has(column.key)) throw new InvalidFilingDocument(at, `key "${column.key}" repeats`);
    keys.add(column.key);
    if (!Object.hasOwn(COLUMN_LABELS, column.label)) {
      throw new InvalidFilingDocument(at, `no label "${column.label}"`);
    }
    if (column.values !== undefined && !Object.hasOwn(ENUMERATION_LABELS, column.values)) {
      throw new InvalidFilingDocument(at, `no enumeration "${column.values}"`);
    }
  });
  section.rows.forEach((row, index) => {
    for (const column of section.columns) {
      checkCell(row[column.key], column, `${path}.rows[${index}].${column.key}`);
    }
  });
  section.summary?.forEach((line, index) => {
    const at = `${path}.summary[${index}]`;
    if (!Object.hasOwn(COLUMN_LABELS, line.label)) throw new InvalidFilingDocument(at, `no label "${line.label}"`);
    checkValue(line.value, at);
  });
}

function checkCell(value: CellValue | undefined, column: FilingColumn, path: string): void {
  checkValue(value, path);
  if (column.values === undefined || value === null) return;
  if (typeof value !== 'string' || enumerationLabel(column.values, value, 'ru') === undefined) {
    throw new InvalidFilingDocument(path, `"${String(value)}" is not a code of ${column.values}`);
  }
}

function checkValue(value: CellValue | undefined, path: string): void {
  if (value === null || typeof value === 'string') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new InvalidFilingDocument(path, `${String(value)} is not a string, a finite number or null`);
}
