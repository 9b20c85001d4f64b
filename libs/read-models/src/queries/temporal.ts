/**
 * "As of D, known at T": a row answers when its version was recorded by T and not yet closed at
 * T, and its valid period contains D. Both are indexed comparisons on the row.
 */
export interface AsOf {
  /** YYYY-MM-DD: the day in the world the answer is about. */
  asOf: string;
  /** RFC 3339 UTC with milliseconds: what the registry had recorded by then. */
  knownAt: string;
}

/** Nothing is recorded after this: "known at" defaults to it, which is "now" for every write that committed. */
export const KNOWN_NOW = '9999-12-31T23:59:59.999Z';

export const known = (alias: string): string =>
  `${alias}.recorded_from <= @knownAt AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @knownAt)`;

export const validOn = (alias: string): string =>
  `${alias}.valid_from <= @asOf AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @asOf)`;

export const parseJson = <T>(text: string | null): T | undefined =>
  text === null ? undefined : (JSON.parse(text) as T);
