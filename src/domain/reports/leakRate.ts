// Semi-monthly funnel report (销售漏斗管理表, seed 003): reps fill it on the 1st and
// the 16th; 漏网率 = 应填未填客户数 / 已接触潜在客户数 × 100%.
// Days are 'YYYY-MM-DD' in the org's time zone; the caller resolves instants to days.

import { addDays, daysBetween, isValidDay } from '../format/dates';
import { percentOneDecimal } from '../format/decimal';

export interface SemiMonthlyPeriod {
  /** '2026-03-H1' (1st–15th) or '2026-03-H2' (16th–end of month). */
  key: string;
  half: 1 | 2;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

function assertDay(day: string): void {
  if (!isValidDay(day)) throw new RangeError(`'${day}' is not a date (YYYY-MM-DD)`);
}

function lastDayOfMonth(month: string): string {
  // The day before the next month's 1st handles 28/29/30/31 without a table.
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next =
    monthNumber === 12
      ? `${String(year + 1).padStart(4, '0')}-01`
      : `${String(year).padStart(4, '0')}-${String(monthNumber + 1).padStart(2, '0')}`;
  return addDays(`${next}-01`, -1);
}

function periodOf(month: string, half: 1 | 2): SemiMonthlyPeriod {
  return half === 1
    ? { key: `${month}-H1`, half, from: `${month}-01`, to: `${month}-15` }
    : { key: `${month}-H2`, half, from: `${month}-16`, to: lastDayOfMonth(month) };
}

/** The period a day belongs to. */
export function periodContaining(day: string): SemiMonthlyPeriod {
  assertDay(day);
  return periodOf(day.slice(0, 7), Number(day.slice(8)) <= 15 ? 1 : 2);
}

/** Parses a period key ('2026-03-H1'); null when it is not one. */
export function periodFromKey(key: string): SemiMonthlyPeriod | null {
  const match = /^(\d{4}-\d{2})-H([12])$/.exec(key);
  if (!match?.[1] || !isValidDay(`${match[1]}-01`)) return null;
  return periodOf(match[1], match[2] === '1' ? 1 : 2);
}

/** Every period with at least one day in [fromDay, toDay], in order; [] when toDay < fromDay. */
export function semiMonthlyPeriods(fromDay: string, toDay: string): SemiMonthlyPeriod[] {
  assertDay(fromDay);
  assertDay(toDay);
  const periods: SemiMonthlyPeriod[] = [];
  if (daysBetween(fromDay, toDay) < 0) return periods;
  let period = periodContaining(fromDay);
  for (;;) {
    periods.push(period);
    if (period.to >= toDay) return periods;
    period = periodContaining(addDays(period.to, 1));
  }
}

/**
 * The report on a period is due on the day after it ends: the 16th for 1st–15th and
 * the next month's 1st for 16th–end, the two filing days the seed names. On a filing
 * day, the period to report is therefore periodContaining(addDays(today, -1)).
 */
export function reportDueDate(period: SemiMonthlyPeriod): string {
  return addDays(period.to, 1);
}

export interface LeakRateInput {
  /** Customers with an effective contact in the period at the potential stage or beyond. */
  contacted: readonly string[];
  /** Customers on the rep's submitted report. */
  reported: readonly string[];
}

export interface LeakRate {
  /** Distinct contacted customers: the denominator. */
  contacted: number;
  /** Contacted but not reported (应填未填), in the order given. */
  missing: string[];
  /** Percent with one decimal (12.5), null when nobody was contacted. */
  rate: number | null;
}

/** 漏网率 from counts made in SQL: missing / contacted in percent, one decimal; null when 0 contacted. */
export function leakRatePercent(missing: number, contacted: number): number | null {
  if (contacted === 0) return null;
  if (missing < 0 || missing > contacted) {
    throw new RangeError(`missing ${missing} is not between 0 and contacted ${contacted}`);
  }
  return percentOneDecimal(missing, contacted);
}

/**
 * Reporting a customer nobody contacted does not offset a missing one: only the
 * contacted set is checked. Ids are de-duplicated.
 */
export function leakRate(input: LeakRateInput): LeakRate {
  const contacted = [...new Set(input.contacted)];
  const reported = new Set(input.reported);
  const missing = contacted.filter((id) => !reported.has(id));
  return {
    contacted: contacted.length,
    missing,
    rate: contacted.length === 0 ? null : percentOneDecimal(missing.length, contacted.length),
  };
}
