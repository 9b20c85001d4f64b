import { type LocalDate } from './local-date';

/**
 * A half-open period [from, to): it holds on every day D with from <= D < to. `to` is the
 * first day it no longer holds, so a successor starting on a predecessor's end date does not
 * overlap it. No `to` means open-ended.
 */
export interface Interval {
  from: LocalDate;
  to?: LocalDate;
}

export function interval(from: LocalDate, to?: LocalDate): Interval {
  return to === undefined ? { from } : { from, to };
}

export function isEmpty(i: Interval): boolean {
  return i.to !== undefined && i.to <= i.from;
}

export function contains(i: Interval, date: LocalDate): boolean {
  return i.from <= date && (i.to === undefined || date < i.to);
}

/** True when the period holds on `date` or on any later day. */
export function reachesOnOrAfter(i: Interval, date: LocalDate): boolean {
  return i.to === undefined || i.to > date;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return (b.to === undefined || a.from < b.to) && (a.to === undefined || b.from < a.to);
}

function earlierEnd(a?: LocalDate, b?: LocalDate): LocalDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const result = interval(a.from >= b.from ? a.from : b.from, earlierEnd(a.to, b.to));
  return isEmpty(result) ? null : result;
}

/** `inner` lies inside `outer` (an empty inner lies anywhere). */
export function isWithin(inner: Interval, outer: Interval): boolean {
  if (isEmpty(inner)) return true;
  if (inner.from < outer.from) return false;
  if (outer.to === undefined) return true;
  return inner.to !== undefined && inner.to <= outer.to;
}

/** The parts of `a` not covered by `b`: zero, one or two periods. */
export function subtract(a: Interval, b: Interval): Interval[] {
  if (!overlaps(a, b)) return isEmpty(a) ? [] : [a];
  const out: Interval[] = [];
  if (a.from < b.from) out.push(interval(a.from, b.from));
  if (b.to !== undefined && (a.to === undefined || b.to < a.to)) out.push(interval(b.to, a.to));
  return out;
}

export function subtractAll(a: Interval, bs: ReadonlyArray<Interval>): Interval[] {
  return bs.reduce<Interval[]>((rest, b) => rest.flatMap((r) => subtract(r, b)), [a]);
}

/** Sorted, with overlapping or touching periods joined (membership ended and resumed on one day is continuous). */
export function union(periods: ReadonlyArray<Interval>): Interval[] {
  const sorted = periods.filter((p) => !isEmpty(p)).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Interval[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === undefined || p.from <= last.to)) {
      out[out.length - 1] = interval(
        last.from,
        last.to === undefined || p.to === undefined ? undefined : p.to > last.to ? p.to : last.to,
      );
    } else {
      out.push(p);
    }
  }
  return out;
}

export function isCoveredBy(target: Interval, cover: ReadonlyArray<Interval>): boolean {
  return subtractAll(target, cover).length === 0;
}

/**
 * The highest number of periods holding on one day. Ends sort before starts on the same date
 * because of half-openness: a seat freed on D can be taken on D.
 */
export function maxConcurrent(periods: ReadonlyArray<Interval>): { count: number; on?: LocalDate } {
  const points: Array<[LocalDate, number]> = [];
  for (const p of periods) {
    if (isEmpty(p)) continue;
    points.push([p.from, 1]);
    if (p.to !== undefined) points.push([p.to, -1]);
  }
  points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  let count = 0;
  let best: { count: number; on?: LocalDate } = { count: 0 };
  for (const [date, delta] of points) {
    count += delta;
    if (count > best.count) best = { count, on: date };
  }
  return best;
}
