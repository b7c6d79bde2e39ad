import { describe, expect, it } from 'vitest';
import { latestDuePeriod, leakText, periodRange, recentPeriods } from './periods';

describe('recentPeriods', () => {
  it('lists the current half-month and those before it, newest first, across a year end', () => {
    expect(recentPeriods('2026-01-16', 4).map((p) => p.key)).toEqual([
      '2026-01-H2',
      '2026-01-H1',
      '2025-12-H2',
      '2025-12-H1',
    ]);
  });
});

describe('latestDuePeriod', () => {
  it('is the half-month whose due day (the 1st or 16th) has come, across a year end', () => {
    expect(latestDuePeriod('2026-03-16').key).toBe('2026-03-H1');
    expect(latestDuePeriod('2026-03-15').key).toBe('2026-02-H2');
    expect(latestDuePeriod('2026-03-01').key).toBe('2026-02-H2');
    expect(latestDuePeriod('2026-03-31').key).toBe('2026-03-H1');
    expect(latestDuePeriod('2026-01-10').key).toBe('2025-12-H2');
  });
});

describe('leakText', () => {
  it('shows one decimal, and no rate when nobody was contacted', () => {
    expect(leakText(50)).toBe('50.0%');
    expect(leakText(33.3)).toBe('33.3%');
    expect(leakText(0)).toBe('0.0%');
    expect(leakText(null)).toBe('—');
  });
});

describe('periodRange', () => {
  it('writes the days as the locale does', () => {
    const period = { from: '2026-03-16', to: '2026-03-31' };
    expect(periodRange(period, 'zh-CN')).toBe('2026年3月16日 – 2026年3月31日');
    expect(periodRange(period, 'en')).toBe('Mar 16, 2026 – Mar 31, 2026');
  });
});
