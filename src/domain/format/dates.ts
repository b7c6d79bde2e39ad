// Days are 'YYYY-MM-DD' strings in the org's time zone; instants are Dates. Only
// Intl is used to move between them, so any IANA zone works without a library.
import type { Locale } from '../vocabulary';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Milliseconds of the day's UTC midnight; throws RangeError for anything but a real date. */
function dayToUtcMs(day: string): number {
  const match = DAY.exec(day);
  if (match) {
    const [, year, month, date] = match.map(Number) as [number, number, number, number];
    // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
    const ms = new Date(0).setUTCFullYear(year, month - 1, date);
    if (utcMsToDay(ms) === day) return ms;
  }
  throw new RangeError(`'${day}' is not a date (YYYY-MM-DD)`);
}

function utcMsToDay(ms: number): string {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${year}-${month}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function isValidDay(day: string): boolean {
  try {
    dayToUtcMs(day);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  return utcMsToDay(dayToUtcMs(day) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to`: daysBetween('2026-03-01', '2026-03-05') === 4; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / MS_PER_DAY);
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }),
};

/** '2026-03-05' → '2026年3月5日' / 'Mar 5, 2026'. The day is already in the org's zone. */
export function formatDate(day: string, locale: Locale): string {
  return dateFormats[locale].format(dayToUtcMs(day));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at `ms`, read back as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of zoneFormat(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(
    parts.era === 'BC' ? 1 - year : year,
    Number(parts.month) - 1,
    Number(parts.day),
  );
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall.getTime();
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (Asia/Shanghai: +8 h). */
function offsetMs(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** The calendar day in `timeZone` at `instant`. */
export function zonedDay(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return utcMsToDay(Math.floor(wallClockMs(ms, timeZone) / MS_PER_DAY) * MS_PER_DAY);
}

/**
 * The first instant of `day` in `timeZone`: local midnight, or — where a DST change
 * skips midnight (e.g. America/Sao_Paulo until 2019) — the moment the clocks jump,
 * which is the day's first existing instant. Where midnight happens twice, the first.
 */
export function zonedDayStart(day: string, timeZone: string): Date {
  const midnightAsUtc = dayToUtcMs(day);
  // Offsets in force a day either side; real zones change at most once in between.
  const before = offsetMs(midnightAsUtc - MS_PER_DAY, timeZone);
  const after = offsetMs(midnightAsUtc + MS_PER_DAY, timeZone);
  const candidates = [midnightAsUtc - before, midnightAsUtc - after]
    .filter((ms) => wallClockMs(ms, timeZone) === midnightAsUtc)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // Midnight falls in a gap: the day begins at the jump, somewhere in between.
  let low = midnightAsUtc - after; // still the previous day
  let high = midnightAsUtc - before; // already this day
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (wallClockMs(middle, timeZone) >= midnightAsUtc) high = middle;
    else low = middle;
  }
  return new Date(high);
}
