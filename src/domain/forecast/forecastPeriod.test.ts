import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../format/dates';
import { parsePeriodKey, periodOfDay, previousPeriods } from './forecastPeriod';

describe('forecast periods', () => {
  it('reads months and quarters as inclusive days', () => {
    expect(parsePeriodKey('2026-02')).toEqual({
      key: '2026-02',
      unit: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(parsePeriodKey('2028-02')?.to).toBe('2028-02-29');
    expect(parsePeriodKey('2026-Q4')).toEqual({
      key: '2026-Q4',
      unit: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(parsePeriodKey('2026-Q1')?.to).toBe('2026-03-31');
  });

  it('refuses anything else', () => {
    for (const key of ['2026-13', '2026-00', '2026-Q5', '2026-3', '26-03', '2026-03-01', '']) {
      expect(parsePeriodKey(key)).toBeNull();
    }
  });

  it('finds the period of a day and the ones before it', () => {
    expect(periodOfDay('2026-05-17', 'quarter').key).toBe('2026-Q2');
    expect(previousPeriods('2026-01-15', 'month', 3).map((p) => p.key)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(previousPeriods('2026-01-15', 'quarter', 2).map((p) => p.key)).toEqual([
      '2025-Q3',
      '2025-Q4',
    ]);
  });

  it('tiles the calendar: consecutive periods touch and every day lies in its own period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('month' as const, 'quarter' as const),
        (offset, unit) => {
          const day = addDays('2000-01-01', offset);
          const period = periodOfDay(day, unit);
          expect(daysBetween(period.from, day)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(day, period.to)).toBeGreaterThanOrEqual(0);
          const [before] = previousPeriods(day, unit, 1);
          expect(addDays(before?.to ?? '', 1)).toBe(period.from);
        },
      ),
    );
  });
});
