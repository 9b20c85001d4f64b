import { SyntheticIds } from './synthetic-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('SyntheticIds', () => {
  it('gives valid version 8 UUIDs, the same for the same seed, kind and counter', () => {
    const a = new SyntheticIds(7);
    const b = new SyntheticIds(7);
    const ids = Array.from({ length: 5 }, () => a.next('event'));
    expect(ids).toEqual(Array.from({ length: 5 }, () => b.next('event')));
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(a.of('person', 12)).toBe(b.of('person', 12));
  });

  it('never repeats an id within a run, across kinds, nor between seeds', () => {
    const ids = new SyntheticIds(7);
    const other = new SyntheticIds(8);
    const all = [
      ...Array.from({ length: 70_000 }, (_, i) => ids.of('event', i)),
      ...Array.from({ length: 1000 }, (_, i) => ids.of('person', i)),
      ...Array.from({ length: 1000 }, (_, i) => other.of('event', i)),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it('orders a kind by its counter, so that the store appends to the end of its indexes', () => {
    const ids = new SyntheticIds(3);
    const sequence = [0, 1, 2, 65_535, 65_536, 1_000_000, 4_000_000_000].map((i) => ids.of('event', i));
    expect([...sequence].sort()).toEqual(sequence);
    expect(() => ids.of('event', -1)).toThrow(RangeError);
  });
});
