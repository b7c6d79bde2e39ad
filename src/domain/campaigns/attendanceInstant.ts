import { addDays, zonedDay, zonedDayStart } from '../format/dates';

export type AttendanceResult = { ok: true; at: Date } | { ok: false; reason: string };

const HOUR_MS = 60 * 60 * 1000;

/**
 * When a campaign attendance is logged as a follow-up. Attendance has a day, not a time:
 * the day given, else today while the campaign runs, else its first day. Today's attendance
 * is logged now; a past day's at noon of that day in the org's zone, so the activity lands
 * on that day in every report. Refuses days outside the campaign's dates and days to come.
 */
export function attendanceInstant(
  campaign: { startsOn: string; endsOn: string },
  now: Date,
  timeZone: string,
  requestedDay?: string,
): AttendanceResult {
  const today = zonedDay(now, timeZone);
  const running = campaign.startsOn <= today && today <= campaign.endsOn;
  const day = requestedDay ?? (running ? today : campaign.startsOn);
  if (day < campaign.startsOn || day > campaign.endsOn) {
    return { ok: false, reason: 'must be within the campaign’s dates' };
  }
  if (day > today) return { ok: false, reason: 'cannot be in the future' };
  if (day === today) return { ok: true, at: now };
  const noon = new Date(zonedDayStart(day, timeZone).getTime() + 12 * HOUR_MS);
  // Past the day's end only on a DST-shifted day; clamp to the day.
  const dayEnd = zonedDayStart(addDays(day, 1), timeZone).getTime() - 1;
  return { ok: true, at: new Date(Math.min(noon.getTime(), dayEnd)) };
}
