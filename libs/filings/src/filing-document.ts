import { type LocalDate, type MultilingualName } from '@baytaq/domain';
import { type ColumnLabelKey, type EnumerationKey } from './labels';

export const FILING_KINDS = ['structure', 'leadership-changes', 'membership-compliance', 'member-list'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_LANGS = ['ru', 'kk', 'en'] as const;
export type FilingLang = (typeof FILING_LANGS)[number];

/**
 * A cell holds data, not presentation: numbers stay numbers (the PDF groups digits, the CSV does
 * not), enumeration codes stay codes (labels come from the column's `values`). Identifiers that
 * look like numbers (IIN, BIN, card and protocol numbers) must be strings, or leading zeros and
 * digit grouping would corrupt them.
 */
export type CellValue = string | number | null;

export interface FilingColumn<K extends string = string> {
  /** Stable machine key, `^[a-z][A-Za-z0-9_]*$`: the JSON keeps rows' keys in column order. */
  readonly key: K;
  readonly label: ColumnLabelKey;
  /** The cells hold codes of this enumeration; CSV and PDF show their labels, JSON the codes. */
  readonly values?: EnumerationKey;
}

export type FilingRow<K extends string = string> = Readonly<Record<K, CellValue>>;

export interface SummaryLine {
  readonly label: ColumnLabelKey;
  readonly value: CellValue;
}

export interface FilingSection<K extends string = string> {
  /** Already in the document's language (e.g. the branch a member list covers). */
  readonly heading?: string;
  readonly columns: readonly FilingColumn<K>[];
  readonly rows: readonly FilingRow<K>[];
  readonly summary?: readonly SummaryLine[];
}

/** The log's tree head the filing's knownAt rests on: its size and RFC 6962 root (base64). */
export interface FilingLogCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
}

export interface FilingPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * Everything a filing shows, and nothing derived from the moment it is rendered: the same
 * document renders to the same bytes in every format.
 */
export interface FilingDocument {
  readonly kind: FilingKind;
  readonly lang: FilingLang;
  readonly partyName: MultilingualName;
  /** Already in `lang`: builders may qualify the kind's title (see `kindTitle`). */
  readonly title: string;
  readonly asOf: LocalDate;
  /** ISO 8601 timestamp: the transaction time the read models were queried at. */
  readonly knownAt: string;
  readonly period?: FilingPeriod;
  /** ISO 8601 timestamp of issue; also the PDF's CreationDate and ModDate. */
  readonly issuedAt: string;
  /** The signed checkpoint of the log as known at `knownAt`; absent where the log keeps no tree. */
  readonly logCheckpoint?: FilingLogCheckpoint;
  readonly sections: readonly FilingSection[];
}

/**
 * The party's name in the document's language; filings go to Kazakh or Russian readers, so a
 * missing form falls back to Russian, then Kazakh (the domain requires one of the two).
 */
export function partyNameIn(name: MultilingualName, lang: FilingLang): string {
  const found = [name[lang], name.ru, name.kk, name.en].find((form) => form !== undefined && form !== '');
  if (found === undefined) throw new Error('filing: the party name has no form in any language');
  return found;
}
