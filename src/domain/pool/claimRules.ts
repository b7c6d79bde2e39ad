import { addDays, zonedDay, zonedDayStart } from '../format/dates';

const DAY_MS = 86_400_000;

/** Seed 001: a list stays valid only while the rep works it; the one who dropped it waits. */
export const DEFAULT_COOLDOWN_DAYS = 30;
/** Grid teams get this long to claim a customer routed to their pool before everyone may. */
export const DEFAULT_GRID_SPILL_DAYS = 7;

/** A release or lapse at or after this instant still blocks the same rep from reclaiming. */
export function cooldownStart(now: Date, cooldownDays: number): Date {
  return new Date(now.getTime() - cooldownDays * DAY_MS);
}

/** When a rep who lost a customer at `lostAt` may claim it again. */
export function cooldownEndsAt(lostAt: Date, cooldownDays: number): Date {
  return new Date(lostAt.getTime() + cooldownDays * DAY_MS);
}

/** Today in the org's time zone as [start, end): the window a daily claim quota counts. */
export function claimDayWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  const today = zonedDay(now, timeZone);
  return {
    start: zonedDayStart(today, timeZone),
    end: zonedDayStart(addDays(today, 1), timeZone),
  };
}

/** Customers routed to a grid pool before this instant move on to the org pool. */
export function gridSpillCutoff(now: Date, spillDays: number): Date {
  return new Date(now.getTime() - spillDays * DAY_MS);
}
