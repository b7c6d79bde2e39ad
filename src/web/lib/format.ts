import type { Locale } from '../api/types';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** '2026年3月5日 14:30' / 'Mar 5, 2026, 2:30 PM', in the browser's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** '3 天前' / '3 days ago'; under a minute, 'now'. */
export function formatRelative(iso: string, locale: Locale, now: number = Date.now()): string {
  const elapsed = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.round(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** The day of an instant: '2026年3月5日' / 'Mar 5, 2026', in the browser's time zone. */
export function formatDayOf(iso: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: locale === 'zh-CN' ? 'long' : 'medium' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}
