import { addDays, daysBetween, isValidDay } from '../format/dates';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day a birthday is celebrated in `year`: 29 February falls back to the 28th in common years. */
export function birthdayInYear(birthday: string, year: number): string {
  const monthDay = birthday.slice(5);
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

export interface UpcomingBirthday {
  /** The day it is celebrated, YYYY-MM-DD. */
  date: string;
  /** 0 today, 1 tomorrow, … */
  daysAway: number;
  /** The age reached that day. */
  turns: number;
}

/**
 * The next celebration of `birthday` on or after `today`, when it falls within `days`
 * days (today counts as the first); across the new year too.
 */
export function upcomingBirthday(
  birthday: string,
  today: string,
  days: number,
): UpcomingBirthday | null {
  if (!isValidDay(birthday) || !isValidDay(today)) return null;
  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    const date = birthdayInYear(birthday, year);
    const daysAway = daysBetween(today, date);
    if (daysAway < 0) continue;
    return daysAway < days ? { date, daysAway, turns: year - Number(birthday.slice(0, 4)) } : null;
  }
  return null;
}

/**
 * The birthdays' month-day keys ('MM-DD') to look for in a window of `days` days from
 * `today`, so a query can pick candidates by index-free string match before the exact check.
 */
export function birthdayKeysInWindow(today: string, days: number): string[] {
  const keys = new Set<string>();
  for (let offset = 0; offset < days; offset++) {
    const day = addDays(today, offset);
    keys.add(day.slice(5));
    if (day.slice(5) === '02-28' && !isLeapYear(Number(day.slice(0, 4)))) keys.add('02-29');
  }
  return [...keys];
}
