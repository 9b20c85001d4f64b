import { GenerationalCache } from './generational-cache';

describe('GenerationalCache', () => {
  it('keeps what was used recently and forgets what was not used for a whole generation', () => {
    const cache = new GenerationalCache<string, string>(4);
    cache.set('a', 'A');
    cache.set('b', 'B'); // the young generation is full: a and b age
    expect(cache.get('a')).toBe('A'); // a is young again
    cache.set('c', 'C'); // a and c age; b is forgotten
    expect([cache.get('b'), cache.get('a'), cache.get('c')]).toEqual([undefined, 'A', 'C']);
    expect(cache.size).toBeLessThanOrEqual(4);
  });

  it('peeks without refreshing', () => {
    const cache = new GenerationalCache<string, number>(2);
    cache.set('a', 1); // ages at once
    expect(cache.peek('a')).toBe(1);
    cache.set('b', 2); // b ages, a is forgotten: peeking did not save it
    expect(cache.peek('a')).toBeUndefined();
  });
});
