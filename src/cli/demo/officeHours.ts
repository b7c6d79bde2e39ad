// When the demo team works: office hours in Asia/Shanghai.
import type { Random } from './random';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const SHANGHAI_OFFSET = 8 * HOUR;

/**
 * `at` moved into office hours (09:00–18:00 Asia/Shanghai) of its own day, its time of day
 * scaled into the nine hours so no random number is drawn; kept within [from, until].
 */
export function officeHoursOf(at: Date, from: Date, until: Date): Date {
  const local = at.getTime() + SHANGHAI_OFFSET;
  const dayStart = local - (((local % DAY) + DAY) % DAY);
  const fraction = (local - dayStart) / DAY;
  let moved = dayStart - SHANGHAI_OFFSET + 9 * HOUR + Math.floor(fraction * 9 * HOUR);
  if (moved > until.getTime()) moved -= DAY;
  return new Date(Math.max(moved, from.getTime()));
}

/** A moment `days` (fractional) before now, during office hours in China. */
export function daysAgo(random: Random, now: Date, days: number): Date {
  const at = new Date(now.getTime() - days * DAY);
  at.setUTCHours(random.int(1, 9), random.int(0, 59), 0, 0); // 09:00–17:59 Asia/Shanghai
  return at.getTime() > now.getTime() ? new Date(now.getTime() - random.int(10, 600) * 60_000) : at;
}
