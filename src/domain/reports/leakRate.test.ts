import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../format/dates';
import {
  leakRate,
  leakRatePercent,
  periodContaining,
  periodFromKey,
  reportDueDate,
  semiMonthlyPeriods,
} from './leakRate';

const day = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('periodContaining', () => {
  it('splits each month at the 16th', () => {
    expect(periodContaining('2026-03-01')).toEqual({
      key: '2026-03-H1',
      half: 1,
      from: '2026-03-01',
      to: '2026-03-15',
    });
    expect(periodContaining('2026-03-15').key).toBe('2026-03-H1');
    expect(periodContaining('2026-03-16')).toEqual({
      key: '2026-03-H2',
      half: 2,
      from: '2026-03-16',
      to: '2026-03-31',
    });
  });

  it('ends the second half on the last day of the month', () => {
    expect(periodContaining('2026-02-20').to).toBe('2026-02-28');
    expect(periodContaining('2024-02-29').to).toBe('2024-02-29');
    expect(periodContaining('2026-04-30').to).toBe('2026-04-30');
    expect(periodContaining('2025-12-31')).toEqual({
      key: '2025-12-H2',
      half: 2,
      from: '2025-12-16',
      to: '2025-12-31',
    });
  });

  it('refuses what is not a day', () => {
    expect(() => periodContaining('2026-02-30')).toThrow(RangeError);
  });

  it('contains the day, and periods tile the calendar', () => {
    fc.assert(
      fc.property(day, (d) => {
        const period = periodContaining(d);
        const next = periodContaining(addDays(period.to, 1));
        return period.from <= d && d <= period.to && next.from === addDays(period.to, 1);
      }),
    );
  });
});

describe('periodFromKey', () => {
  it('reads the keys it writes', () => {
    expect(periodFromKey('2024-02-H2')).toEqual(periodContaining('2024-02-29'));
    expect(periodFromKey('2026-13-H1')).toBeNull();
    expect(periodFromKey('2026-03-H3')).toBeNull();
  });
});

describe('semiMonthlyPeriods', () => {
  it('lists every period touching the range, across a year end', () => {
    expect(semiMonthlyPeriods('2025-12-10', '2026-01-16').map((p) => p.key)).toEqual([
      '2025-12-H1',
      '2025-12-H2',
      '2026-01-H1',
      '2026-01-H2',
    ]);
  });

  it('covers February in a leap year and not', () => {
    expect(semiMonthlyPeriods('2024-02-16', '2024-03-01').map((p) => [p.from, p.to])).toEqual([
      ['2024-02-16', '2024-02-29'],
      ['2024-03-01', '2024-03-15'],
    ]);
    expect(semiMonthlyPeriods('2026-02-28', '2026-02-28').map((p) => p.to)).toEqual(['2026-02-28']);
  });

  it('is empty for a reversed range', () => {
    expect(semiMonthlyPeriods('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('covers the range without gaps or overlaps', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = addDays(from, length);
        const periods = semiMonthlyPeriods(from, to);
        const first = periods[0];
        const last = periods.at(-1);
        const contiguous = periods.every(
          (p, i) => i === 0 || daysBetween(periods[i - 1]?.to ?? '', p.from) === 1,
        );
        return !!first && !!last && first.from <= from && to <= last.to && contiguous;
      }),
    );
  });
});

describe('reportDueDate', () => {
  it('is the filing day after the period: the 16th or the next 1st', () => {
    expect(reportDueDate(periodContaining('2026-03-10'))).toBe('2026-03-16');
    expect(reportDueDate(periodContaining('2026-02-20'))).toBe('2026-03-01');
    expect(reportDueDate(periodContaining('2024-02-20'))).toBe('2024-03-01');
    expect(reportDueDate(periodContaining('2025-12-31'))).toBe('2026-01-01');
  });
});

describe('leakRate', () => {
  it('is missing / contacted in percent: 1 of 8 is 12.5', () => {
    const contacted = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
    const result = leakRate({ contacted, reported: contacted.filter((id) => id !== 'c5') });
    expect(result).toEqual({ contacted: 8, missing: ['c5'], rate: 12.5 });
  });

  it('rounds to one decimal with integers', () => {
    expect(leakRate({ contacted: ['a', 'b', 'c'], reported: ['a', 'b'] }).rate).toBe(33.3);
    expect(leakRate({ contacted: ['a', 'b', 'c'], reported: ['a'] }).rate).toBe(66.7);
    expect(leakRate({ contacted: ['a', 'b'], reported: [] }).rate).toBe(100);
    expect(leakRate({ contacted: ['a'], reported: ['a'] }).rate).toBe(0);
  });

  it('ignores duplicates and reported customers nobody contacted', () => {
    const result = leakRate({
      contacted: ['a', 'b', 'a', 'c', 'd'],
      reported: ['a', 'x', 'y', 'z'],
    });
    expect(result).toEqual({ contacted: 4, missing: ['b', 'c', 'd'], rate: 75 });
  });

  it('has no rate when nobody was contacted', () => {
    expect(leakRate({ contacted: [], reported: ['a'] })).toEqual({
      contacted: 0,
      missing: [],
      rate: null,
    });
  });

  it('stays within 0..100 and matches the count of missing customers', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'));
    fc.assert(
      fc.property(ids, ids, (contacted, reported) => {
        const result = leakRate({ contacted, reported });
        if (result.contacted === 0) return result.rate === null;
        const exact = (100 * result.missing.length) / result.contacted;
        return (
          result.rate !== null &&
          result.rate >= 0 &&
          result.rate <= 100 &&
          Math.abs(result.rate - exact) <= 0.05 + 1e-9
        );
      }),
    );
  });
});

describe('leakRatePercent', () => {
  it('is the counts version of leakRate: 1 of 2 is 50, none contacted has no rate', () => {
    expect(leakRatePercent(1, 2)).toBe(50);
    expect(leakRatePercent(0, 3)).toBe(0);
    expect(leakRatePercent(2, 3)).toBe(66.7);
    expect(leakRatePercent(0, 0)).toBeNull();
    expect(() => leakRatePercent(3, 2)).toThrow(RangeError);
  });

  it('agrees with leakRate on any sets', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'));
    fc.assert(
      fc.property(ids, ids, (contacted, reported) => {
        const result = leakRate({ contacted, reported });
        return leakRatePercent(result.missing.length, result.contacted) === result.rate;
      }),
    );
  });
});
