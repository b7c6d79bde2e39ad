// Date cells come as Excel serial numbers, as Dates (exceljs) or as text in many
// local formats. All become 'YYYY-MM-DD' calendar days; times are dropped.
import { isValidDay } from '../format/dates';
import { type CellFailure, cellFailure, unwrapCell } from './cellValue';

export interface DateCellOptions {
  /** The workbook uses the 1904 date system (old Mac Excel): serial 0 is 1904-01-01. */
  date1904?: boolean;
  /**
   * How to read an ambiguous 'a/b/yyyy' where both parts are ≤ 12. Unset: '/' and
   * '-' are month first (Excel en-US and US exports), '.' is day first (European).
   * Unambiguous values (13/3/2026) are always read the only way they can be.
   */
  dayFirst?: boolean;
}

export type DateResult = { ok: true; date: string } | CellFailure;

const MS_PER_DAY = 86_400_000;
// Excel's last day, 9999-12-31, in each date system.
const MAX_SERIAL_1900 = 2_958_465;
const MAX_SERIAL_1904 = 2_957_003;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// A time after the date ('2026-03-05 14:30', '...T14:30:00.000Z', '3/5/2026 2:30 PM').
const TIME_PART =
  /(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[-\s]*([a-z]{3,9})\.?[-\s,]*(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$/;
// Serials typed or exported as text; 4 digits are refused because '2026' is a year.
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * Reads a date cell. Accepts Excel serials (1900 system with its Lotus leap-year
 * bug, or 1904), Dates read in UTC, yyyymmdd numbers and text: '2026/3/5',
 * '2026-03-05', '2026.3.5', '2026年3月5日', '20260305', '3/5/2026' (see dayFirst),
 * '5-Mar-2026', 'Mar 5, 2026'. Serial 60 is Excel's fictitious 1900-02-29 and is
 * refused as 'invalid_date', like any day that does not exist.
 */
export function parseDateCell(value: unknown, opts: DateCellOptions = {}): DateResult {
  const plain = unwrapCell(value);
  if (plain === null || plain === undefined) return cellFailure('empty');
  if (plain instanceof Date) {
    if (Number.isNaN(plain.getTime())) return cellFailure('invalid_date');
    // exceljs puts the sheet's wall-clock time at UTC, so the UTC fields are the day.
    return fromParts(plain.getUTCFullYear(), plain.getUTCMonth() + 1, plain.getUTCDate());
  }
  if (typeof plain === 'number') return fromNumber(plain, opts.date1904 ?? false);
  if (typeof plain === 'string') return fromText(plain, opts);
  return cellFailure('not_a_date');
}

function fromNumber(value: number, date1904: boolean): DateResult {
  if (!Number.isFinite(value)) return cellFailure('not_a_date');
  // Reports often hold 20260305 as a plain number; no serial is that large.
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    const match = COMPACT.exec(String(value));
    if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  return fromSerial(value, date1904);
}

function fromSerial(serial: number, date1904: boolean): DateResult {
  const day = Math.floor(serial); // the fraction is the time of day
  if (date1904) {
    if (day < 0 || day > MAX_SERIAL_1904) return cellFailure('out_of_range');
    return fromUtcMs(Date.UTC(1904, 0, 1) + day * MS_PER_DAY);
  }
  if (day < 1 || day > MAX_SERIAL_1900) return cellFailure('out_of_range');
  // Excel copies Lotus 1-2-3 in treating 1900 as a leap year: serial 60 is a day that
  // never was, and from 61 on every serial is one more than the real day count.
  if (day === 60) return cellFailure('invalid_date');
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return fromUtcMs(epoch + day * MS_PER_DAY);
}

function fromText(text: string, opts: DateCellOptions): DateResult {
  const s = text.normalize('NFKC').trim().toLowerCase().replace(TIME_PART, '');
  if (s === '' || /^-+$/.test(s)) return cellFailure('empty');

  const ymd = YMD.exec(s);
  if (ymd) return fromParts(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
  const chinese = YMD_CHINESE.exec(s);
  if (chinese) return fromParts(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));

  const compact = COMPACT.exec(s);
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  if (SERIAL_TEXT.test(s)) return fromSerial(Number(s), opts.date1904 ?? false);

  const yearLast = YEAR_LAST.exec(s);
  if (yearLast) {
    const [, first = '', separator = '', second = '', year = ''] = yearLast;
    return fromYearLast(Number(first), Number(second), expandYear(year), separator, opts);
  }

  const dayMonth = DAY_MONTH_NAME.exec(s);
  if (dayMonth) return fromMonthName(dayMonth[2], Number(dayMonth[1]), Number(dayMonth[3]));
  const monthDay = MONTH_NAME_DAY.exec(s);
  if (monthDay) return fromMonthName(monthDay[1], Number(monthDay[2]), Number(monthDay[3]));

  return cellFailure('not_a_date');
}

function fromYearLast(
  first: number,
  second: number,
  year: number,
  separator: string,
  opts: DateCellOptions,
): DateResult {
  let dayFirst: boolean;
  if (first > 12 && second <= 12) dayFirst = true;
  else if (second > 12 && first <= 12) dayFirst = false;
  else dayFirst = opts.dayFirst ?? separator === '.';
  return dayFirst ? fromParts(year, second, first) : fromParts(year, first, second);
}

/** Two-digit years as Excel reads them: 00–29 are 2000s, 30–99 are 1900s. */
function expandYear(year: string): number {
  const value = Number(year);
  if (year.length === 4) return value;
  return value < 30 ? 2000 + value : 1900 + value;
}

function fromMonthName(name: string | undefined, day: number, year: number): DateResult {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3));
  const full = MONTH_NAMES[index];
  if (index < 0 || full === undefined || !full.startsWith(name ?? '')) {
    return cellFailure('not_a_date');
  }
  return fromParts(year, index + 1, day);
}

function fromUtcMs(ms: number): DateResult {
  const date = new Date(ms);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function fromParts(year: number, month: number, day: number): DateResult {
  if (year < 1900 || year > 9999) return cellFailure('out_of_range');
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidDay(date) ? { ok: true, date } : cellFailure('invalid_date');
}
