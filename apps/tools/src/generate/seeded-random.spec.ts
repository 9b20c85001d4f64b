import { SeededRandom, mix32, seedOf } from './seeded-random';

describe('SeededRandom', () => {
  const draw = (rng: SeededRandom, n = 50) => Array.from({ length: n }, () => rng.next());

  it('repeats its sequence for a seed and path, and differs for another', () => {
    expect(draw(SeededRandom.for(7, 'member', 3))).toEqual(draw(SeededRandom.for(7, 'member', 3)));
    expect(draw(SeededRandom.for(7, 'member', 3))).not.toEqual(draw(SeededRandom.for(7, 'member', 4)));
    expect(draw(SeededRandom.for(7, 'member', 3))).not.toEqual(draw(SeededRandom.for(8, 'member', 3)));
    expect(seedOf(1, 'ab', 'c')).not.toBe(seedOf(1, 'a', 'bc'));
  });

  it('stays within the ranges asked for, reaching both ends', () => {
    const rng = new SeededRandom(42);
    const ints = Array.from({ length: 2000 }, () => rng.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    const values = draw(rng, 2000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const dates = Array.from({ length: 500 }, () => rng.dateIn('2024-02-27', '2024-03-02'));
    expect(new Set(dates)).toEqual(new Set(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']));
    expect(rng.dateIn('2024-01-01', '2024-01-01')).toBe('2024-01-01');
  });

  it('samples distinct items and weighs choices, never picking a zero weight', () => {
    const rng = new SeededRandom(5);
    const sample = rng.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(sample).size).toBe(5);
    const picks = Array.from({ length: 1000 }, () => rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1)));
    expect(picks).not.toContain('b');
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('mixes 32-bit values as a bijection (distinct inputs, distinct outputs)', () => {
    const outputs = new Set(Array.from({ length: 100_000 }, (_, i) => mix32(i)));
    expect(outputs.size).toBe(100_000);
  });
});
