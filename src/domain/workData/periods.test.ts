import { describe, expect, it } from 'vitest';
import { periodBounds, weekdayIndex } from './periods';

describe('periodBounds', () => {
  it('a day is itself', () => {
    expect(periodBounds('day', '2026-03-05')).toEqual({ from: '2026-03-05', to: '2026-03-05' });
  });

  it('weeks run Monday to Sunday, across months and years', () => {
    expect(weekdayIndex('2026-03-02')).toBe(0); // a Monday
    expect(weekdayIndex('2026-03-08')).toBe(6);
    expect(periodBounds('week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodBounds('week', '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodBounds('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('months run from the 1st to their last day, leap years included', () => {
    expect(periodBounds('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodBounds('month', '2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodBounds('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodBounds('month', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });

  it('refuses a day that does not exist', () => {
    expect(() => periodBounds('month', '2026-02-30')).toThrow(RangeError);
  });
});
