import { addDays, addYears, ageOn, daysBetween, isLocalDate } from './local-date';
import {
  contains,
  intersect,
  isCoveredBy,
  isWithin,
  maxConcurrent,
  overlaps,
  subtract,
  subtractAll,
  union,
} from './interval';

describe('LocalDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-1-01')).toBe(false);
    expect(isLocalDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isLocalDate(20240101)).toBe(false);
  });

  it('adds years keeping 29 February as 28 February in common years', () => {
    expect(addYears('2004-02-29', 1)).toBe('2005-02-28');
    expect(addYears('2004-02-29', 4)).toBe('2008-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('counts completed years for an age', () => {
    expect(ageOn('2006-06-01', '2024-05-31')).toBe(17);
    expect(ageOn('2006-06-01', '2024-06-01')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-27')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(18);
  });
});

describe('Interval (half-open)', () => {
  const a = { from: '2023-01-01', to: '2023-06-01' };
  it('holds from its start up to the day before its end', () => {
    expect(contains(a, '2023-01-01')).toBe(true);
    expect(contains(a, '2023-05-31')).toBe(true);
    expect(contains(a, '2023-06-01')).toBe(false);
    expect(contains({ from: '2023-01-01' }, '2999-01-01')).toBe(true);
  });

  it('does not overlap a successor starting on its end date', () => {
    expect(overlaps(a, { from: '2023-06-01' })).toBe(false);
    expect(overlaps(a, { from: '2023-05-31' })).toBe(true);
    expect(overlaps({ from: '2023-07-01' }, { from: '2020-01-01' })).toBe(true);
    expect(intersect(a, { from: '2023-03-01' })).toEqual({ from: '2023-03-01', to: '2023-06-01' });
    expect(intersect(a, { from: '2023-06-01' })).toBeNull();
  });

  it('subtracts, unions and covers', () => {
    expect(subtract(a, { from: '2023-02-01', to: '2023-03-01' })).toEqual([
      { from: '2023-01-01', to: '2023-02-01' },
      { from: '2023-03-01', to: '2023-06-01' },
    ]);
    expect(subtract({ from: '2023-01-01' }, { from: '2023-02-01' })).toEqual([
      { from: '2023-01-01', to: '2023-02-01' },
    ]);
    expect(subtractAll({ from: '2023-01-01' }, [{ from: '2022-01-01' }])).toEqual([]);
    expect(union([{ from: '2023-06-01' }, a])).toEqual([{ from: '2023-01-01' }]);
    expect(isCoveredBy({ from: '2023-02-01', to: '2023-07-01' }, [a, { from: '2023-06-01', to: '2023-08-01' }])).toBe(
      true,
    );
    expect(isCoveredBy({ from: '2023-02-01' }, [a])).toBe(false);
    expect(isWithin({ from: '2023-02-01' }, a)).toBe(false);
    expect(isWithin({ from: '2023-02-01', to: '2023-06-01' }, a)).toBe(true);
  });

  it('counts concurrency with a seat freed on a day reusable on that day', () => {
    expect(maxConcurrent([a, { from: '2023-06-01' }]).count).toBe(1);
    expect(maxConcurrent([a, { from: '2023-05-31' }, { from: '2023-04-01', to: '2023-05-01' }])).toEqual({
      count: 2,
      on: '2023-04-01',
    });
  });
});
