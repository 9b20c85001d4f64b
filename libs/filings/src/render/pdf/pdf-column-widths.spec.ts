import { measureDemand, shareColumnWidths } from './pdf-column-widths';

const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);

describe('shareColumnWidths', () => {
  it('grows every column in proportion when all fit unwrapped', () => {
    const widths = shareColumnWidths(
      [
        { natural: 100, minimum: 50 },
        { natural: 50, minimum: 50 },
      ],
      300,
    );
    expect(widths).toEqual([200, 100]);
  });

  it('keeps each column its widest word and gives the rest to the columns that wrap', () => {
    const widths = shareColumnWidths(
      [
        { natural: 60, minimum: 60 }, // a date: must not wrap
        { natural: 400, minimum: 80 },
        { natural: 200, minimum: 40 },
      ],
      300,
    );
    expect(widths[0]).toBe(60);
    expect(widths[1]).toBeGreaterThan(80);
    expect(widths[2]).toBeGreaterThan(40);
    expect(total(widths)).toBeCloseTo(300, 9);
    expect((widths[1]! - 80) / (widths[2]! - 40)).toBeCloseTo(320 / 160, 9);
  });

  it('shrinks below the words only when even they do not fit', () => {
    const widths = shareColumnWidths(
      [
        { natural: 300, minimum: 200 },
        { natural: 300, minimum: 100 },
      ],
      150,
    );
    expect(widths).toEqual([100, 50]);
  });
});

describe('measureDemand', () => {
  it('measures the longest line and the longest word, capped, plus padding on both sides', () => {
    const demand = measureDemand((t) => t.length, ['ab cdef', 'x\nyyyyyyyyyyyy'], 2, { natural: 10, minimum: 5 });
    expect(demand).toEqual({ natural: 10 + 4, minimum: 5 + 4 });
    expect(measureDemand((t) => t.length, ['ab cd'], 1, { natural: 99, minimum: 99 })).toEqual({
      natural: 7,
      minimum: 4,
    });
  });
});
