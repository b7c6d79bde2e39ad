// Forecast periods: a calendar month ('2026-03') or quarter ('2026-Q1'), inclusive days.
import { addDays } from '../format/dates';

export type PeriodUnit = 'month' | 'quarter';

export interface CalendarPeriod {
  key: string;
  unit: PeriodUnit;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

function monthStart(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

function span(key: string, unit: PeriodUnit, year: number, firstMonth: number, months: number) {
  const next = firstMonth + months;
  const end = next > 12 ? monthStart(year + 1, next - 12) : monthStart(year, next);
  return { key, unit, from: monthStart(year, firstMonth), to: addDays(end, -1) };
}

/** The period a key names, or null when the key is neither 'YYYY-MM' nor 'YYYY-Qn'. */
export function parsePeriodKey(key: string): CalendarPeriod | null {
  const month = MONTH.exec(key);
  if (month) return span(key, 'month', Number(month[1]), Number(month[2]), 1);
  const quarter = QUARTER.exec(key);
  if (quarter) return span(key, 'quarter', Number(quarter[1]), Number(quarter[2]) * 3 - 2, 3);
  return null;
}

/** The month or quarter holding `day` (YYYY-MM-DD). */
export function periodOfDay(day: string, unit: PeriodUnit): CalendarPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const key =
    unit === 'month'
      ? day.slice(0, 7)
      : `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`;
  return parsePeriodKey(key) as CalendarPeriod;
}

/** The `count` periods before the one holding `day`, oldest first. */
export function previousPeriods(day: string, unit: PeriodUnit, count: number): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  let cursor = periodOfDay(day, unit);
  for (let i = 0; i < count; i += 1) {
    cursor = periodOfDay(addDays(cursor.from, -1), unit);
    periods.unshift(cursor);
  }
  return periods;
}
