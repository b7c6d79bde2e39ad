// The day, ISO week (Monday first) or calendar month containing a day; days are
// 'YYYY-MM-DD' in the org's time zone, so the bounds are too.
import { addDays } from '../format/dates';
import type { TargetPeriod } from './vocabulary';

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, date);
  return (utc.getUTCDay() + 6) % 7;
}

function lastDayOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const nextMonth =
    month === 12
      ? `${String(year + 1).padStart(4, '0')}-01-01`
      : `${day.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
  return addDays(nextMonth, -1);
}

/** Inclusive first and last day of the period that contains `day`. */
export function periodBounds(period: TargetPeriod, day: string): { from: string; to: string } {
  addDays(day, 0); // throws RangeError on anything but a real day
  if (period === 'day') return { from: day, to: day };
  if (period === 'week') {
    const from = addDays(day, -weekdayIndex(day));
    return { from, to: addDays(from, 6) };
  }
  return { from: `${day.slice(0, 8)}01`, to: lastDayOfMonth(day) };
}
