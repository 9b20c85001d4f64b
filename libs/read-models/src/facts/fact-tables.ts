/**
 * The bitemporal tables. A fact is one row's content under a stable key, unique among its owner's
 * facts of the table (the owner is the first column; see `ownerColumn`); each version of it is a
 * row with `recorded_from`/`recorded_to` (transaction time), and rows with a valid time carry
 * `valid_from`/`valid_to` (half-open; NULL `valid_to` is "still holds"). Nothing is deleted:
 * a change or a retraction closes the open version and, if the fact still holds, opens another.
 */
export const FACT_TABLES = {
  org: ['org_id', 'kind', 'parent_id', 'body_type', 'kato', 'dissolution_reason', 'valid_from', 'valid_to'],
  org_name: ['org_id', 'name', 'valid_from', 'valid_to'],
  registration: ['org_id', 'authority', 'number', 'bin', 'valid_from'],
  post: ['post_id', 'org_id', 'title', 'role', 'seats', 'valid_from', 'valid_to'],
  tenure: [
    'tenure_id',
    'post_id',
    'org_id',
    'person_id',
    'method',
    'end_reason',
    'start_basis',
    'end_basis',
    'valid_from',
    'valid_to',
  ],
  person: [
    'person_id',
    'name',
    'latin_name',
    'iin',
    'birth_date',
    'contacts',
    'citizenship',
    'registered_on',
    'erased_on',
  ],
  person_token: ['person_id', 'token'],
  placement: [
    'person_id',
    'org_id',
    'membership_from',
    'membership_to',
    'card_number',
    'end_reason',
    'valid_from',
    'valid_to',
  ],
  suspension: ['person_id', 'valid_from', 'valid_to'],
  meeting: ['meeting_id', 'org_id', 'kind', 'date', 'place', 'attendance', 'quorum', 'protocol_number', 'agenda'],
} as const;

export type FactTable = keyof typeof FACT_TABLES;
export type Cell = string | number | null;

/** One fact: the values of its table's columns, in the table's order. */
export interface Fact {
  table: FactTable;
  /** Unique among the owner's facts of the table: the owner is not repeated in it. */
  key: string;
  values: Cell[];
}

export function fact(table: FactTable, key: string, values: Cell[]): Fact {
  return { table, key, values };
}

/** Two versions of a fact are the same when every value is. */
export function sameValues(a: Fact, b: Fact): boolean {
  if (a === b) return true;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
  return true;
}

/**
 * The column naming what a fact belongs to: each table's first. Its index finds the open version
 * of a fact to close (owner and key), so the key needs no index of its own: one index less to write.
 */
export const ownerColumn = (table: FactTable): string => FACT_TABLES[table][0];

/** Columns queries look facts up by, besides the owner (whose index every table has). */
export const FACT_QUERY_INDEXES: Record<FactTable, string[][]> = {
  org: [['parent_id']],
  org_name: [],
  registration: [],
  post: [['org_id']],
  tenure: [['org_id', 'valid_from'], ['post_id'], ['person_id']],
  person: [],
  person_token: [['token']],
  placement: [['org_id', 'valid_from']],
  suspension: [],
  meeting: [['org_id', 'date']],
};
