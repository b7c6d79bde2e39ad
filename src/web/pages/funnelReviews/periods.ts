import { addDays, formatDate } from '../../../domain/format/dates';
import { periodContaining, type SemiMonthlyPeriod } from '../../../domain/reports/leakRate';
import type { Locale } from '../../api/types';

/** '2026年3月1日 – 2026年3月15日' / 'Mar 1, 2026 – Mar 15, 2026'. */
export function periodRange(period: { from: string; to: string }, locale: Locale): string {
  return `${formatDate(period.from, locale)} – ${formatDate(period.to, locale)}`;
}

/** The period containing `today` and the `count - 1` before it, newest first. */
export function recentPeriods(today: string, count: number): SemiMonthlyPeriod[] {
  const periods: SemiMonthlyPeriod[] = [];
  let period = periodContaining(today);
  while (periods.length < count) {
    periods.push(period);
    period = periodContaining(addDays(period.from, -1));
  }
  return periods;
}

/**
 * The latest period whose report is due by `today` (org time zone): the one before the period
 * containing today, as its due day (the 1st or 16th) is today's period's first day.
 */
export function latestDuePeriod(today: string): SemiMonthlyPeriod {
  return periodContaining(addDays(periodContaining(today).from, -1));
}

/** 12.5 → '12.5%', null → '—' (nobody contacted: no rate, not 0%). */
export function leakText(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}
