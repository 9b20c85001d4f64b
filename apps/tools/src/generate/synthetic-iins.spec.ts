import { iinCheckDigit, parseIin } from '@baytaq/domain';
import { IinAllocator, syntheticBin } from './synthetic-iins';

describe('IinAllocator', () => {
  it('gives valid IINs of the birth date and sex asked for, never twice', () => {
    const allocator = new IinAllocator(7);
    const iins = Array.from({ length: 6000 }, (_, i) =>
      allocator.allocate(i % 2 ? '1990-05-17' : '2001-01-01', 'female'),
    );
    expect(new Set(iins).size).toBe(iins.length);
    for (const [i, iin] of iins.entries()) {
      const parsed = parseIin(iin);
      expect(parsed.ok && [parsed.value.birthDate, parsed.value.sex]).toEqual([
        i % 2 ? '1990-05-17' : '2001-01-01',
        'female',
      ]);
    }
  });

  it('is the same for the same seed, different for another, and skips what is taken', () => {
    const first = new IinAllocator(7).allocate('1980-02-29', 'male');
    expect(new IinAllocator(7).allocate('1980-02-29', 'male')).toBe(first);
    expect(new IinAllocator(8).allocate('1980-02-29', 'male')).not.toBe(first);
    const vetoed = new IinAllocator(7, (iin) => iin === first).allocate('1980-02-29', 'male');
    expect(vetoed).not.toBe(first);
    expect(parseIin(vetoed).ok).toBe(true);
  });

  it('says so when a birth date and sex run out of serials', () => {
    const allocator = new IinAllocator(1, () => true);
    expect(() => allocator.allocate('1970-01-01', 'male')).toThrow(RangeError);
  });
});

describe('syntheticBin', () => {
  it('has the registration month, the entity digit and a valid check digit', () => {
    const bin = syntheticBin('2022-11-28', false, 123);
    expect(bin).toMatch(/^221140\d{6}$/);
    expect(Number(bin[11])).toBe(iinCheckDigit(bin.slice(0, 11)));
    expect(syntheticBin('2023-02-01', true, 99_999)).toMatch(/^230250\d{6}$/);
  });
});
