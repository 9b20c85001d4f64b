/** What a column would like and what it cannot do without: both include the cell padding. */
export interface ColumnDemand {
  /** The widest line among its cells and header: no wrapping needed at this width. */
  readonly natural: number;
  /** The widest word: below this, words break between letters. */
  readonly minimum: number;
}

/**
 * Shares the table's width among columns: if every column fits unwrapped, each grows in
 * proportion; otherwise each keeps its widest word and the rest goes to the columns that wrap,
 * in proportion to how much they would still like. Only if even the words do not fit do columns
 * shrink below them.
 */
export function shareColumnWidths(demands: readonly ColumnDemand[], available: number): number[] {
  const natural = demands.map((d) => d.natural);
  const minimum = demands.map((d) => Math.min(d.minimum, d.natural));
  const naturalTotal = sum(natural);
  if (naturalTotal <= available) return natural.map((w) => (w * available) / naturalTotal);
  const minimumTotal = sum(minimum);
  if (minimumTotal >= available) return minimum.map((w) => (w * available) / minimumTotal);
  const flex = natural.map((w, i) => w - minimum[i]!);
  const flexTotal = sum(flex);
  return minimum.map((w, i) => w + ((available - minimumTotal) * flex[i]!) / flexTotal);
}

/** Measures a column's texts with the font already set on the document. */
export function measureDemand(
  measure: (text: string) => number,
  texts: Iterable<string>,
  padding: number,
  limits: { readonly natural: number; readonly minimum: number },
): ColumnDemand {
  let natural = 0;
  let minimum = 0;
  for (const text of new Set(texts)) {
    for (const line of text.split('\n')) natural = Math.max(natural, measure(line));
    for (const word of text.split(/\s+/)) minimum = Math.max(minimum, measure(word));
  }
  return {
    natural: Math.min(natural, limits.natural) + 2 * padding,
    minimum: Math.min(minimum, limits.minimum) + 2 * padding,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
