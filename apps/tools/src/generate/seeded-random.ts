import { addDays, daysBetween, type LocalDate } from '@baytaq/domain';

/** murmur3's finaliser: a bijection on 32-bit integers that scatters nearby inputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit seed from a run's seed and a path (FNV-1a over the parts, then mixed). */
export function seedOf(seed: number, ...path: Array<string | number>): number {
  let h = 0x811c9dc5 ^ mix32(seed);
  for (const part of path) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2f, 0x01000193);
  }
  return mix32(h);
}

/**
 * mulberry32: small, fast and good enough for synthetic data. Every random choice of the
 * generator comes from one of these, so a seed reproduces a run (never Math.random).
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one part of the story, so that changing one part leaves the others as they were. */
  static for(seed: number, ...path: Array<string | number>): SeededRandom {
    return new SeededRandom(seedOf(seed, ...path));
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = 0; i < Math.min(count, pool.length); i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }

  /** An item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let point = this.next() * total;
    for (const item of items) {
      point -= weight(item);
      if (point < 0) return item;
    }
    return this.pick(items);
  }

  /** A date in [from, to), or `from` when the range is empty. */
  dateIn(from: LocalDate, toExclusive: LocalDate): LocalDate {
    const span = daysBetween(from, toExclusive);
    return span <= 1 ? from : addDays(from, this.int(0, span - 1));
  }
}
