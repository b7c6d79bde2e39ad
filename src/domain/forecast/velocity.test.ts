import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileNearestRank, velocityStats } from './velocity';

describe('velocityStats', () => {
  it('takes nearest-rank median and 80th percentile', () => {
    expect(velocityStats([5, 1, 3, 2, 4])).toEqual({ median: 3, p80: 4, count: 5 });
    // Even count: the lower middle value, an observed whole number of days.
    expect(velocityStats([4, 1, 2, 3])).toEqual({ median: 2, p80: 4, count: 4 });
    expect(velocityStats([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({
      median: 50,
      p80: 80,
      count: 10,
    });
    expect(velocityStats([7])).toEqual({ median: 7, p80: 7, count: 1 });
  });

  it('has no figures without data', () => {
    expect(velocityStats([])).toEqual({ median: null, p80: null, count: 0 });
  });

  it('refuses non-finite durations', () => {
    expect(() => velocityStats([1, Number.NaN])).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const durations = [3, 1, 2];
    velocityStats(durations);
    expect(durations).toEqual([3, 1, 2]);
  });
});

describe('percentileNearestRank', () => {
  it('refuses percentiles outside (0, 100]', () => {
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
  });

  it('is the smallest observed value with at least p% of values at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const result = percentileNearestRank(sorted, p) as number;
          const atOrBelow = sorted.filter((v) => v <= result).length;
          const below = sorted.filter((v) => v < result).length;
          return (
            sorted.includes(result) &&
            atOrBelow * 100 >= p * sorted.length &&
            below * 100 < p * sorted.length
          );
        },
      ),
    );
  });
});
