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

/** A day range as the whole calendar months inside it and the loose days left at its edges. */
export interface WholeMonthSplit {
  /** First days of the whole months, [from, until); a null end is open; null: none. */
  months: { from: string | null; until: string | null } | null;
  /** Loose days, [from, until), at most one run per edge; a null end is open. */
  days: { from: string | null; until: string | null }[];
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Splits the inclusive days from…to (null: open on that side) for reports that keep monthly
 * rollups: read whole months from the rollup, the edge days from the facts themselves.
 */
export function splitWholeMonths(from: string | null, to: string | null): WholeMonthSplit {
  const after = to === null ? null : addDays(to, 1);
  // A month's first day plus 31 days is always in the next month.
  const monthsFrom =
    from === null || from === firstOfMonth(from)
      ? from
      : firstOfMonth(addDays(firstOfMonth(from), 31));
  const monthsUntil = after === null || after === firstOfMonth(after) ? after : firstOfMonth(after);
  if (monthsFrom !== null && monthsUntil !== null && monthsFrom >= monthsUntil) {
    return { months: null, days: [{ from, until: after }] };
  }
  const days: WholeMonthSplit['days'] = [];
  if (from !== null && monthsFrom !== from) days.push({ from, until: monthsFrom });
  if (after !== null && monthsUntil !== after) days.push({ from: monthsUntil, until: after });
  return { months: { from: monthsFrom, until: monthsUntil }, days };
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
