import { DateTime } from 'luxon';
import type { DemoPastConsultation } from './demo-data';

export const DEMO_ZONE = 'Asia/Jakarta';

/** `days` before today in WIB (moved back to a Monday-Friday), at `hour`:`minute`. */
export function workdayAgo(days: number, hour: number, minute = 0, now = new Date()): Date {
  let day = DateTime.fromJSDate(now, { zone: DEMO_ZONE }).minus({ days }).startOf('day');
  while (day.weekday > 5) day = day.minus({ days: 1 });
  return day.set({ hour, minute }).toJSDate();
}

/** A date (YYYY-MM-DD) `days` from today in WIB; negative for the past. */
export function dateInDays(days: number, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: DEMO_ZONE }).plus({ days }).toISODate()!;
}

export const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * When a past demo consultation was held and when it was booked: the booking counts back from the day it
 * was held (not from today), so a weekend moving both to the same Friday never books it after it started.
 */
export function pastConsultationTimes(past: Pick<DemoPastConsultation, 'daysAgo' | 'hour' | 'bookedDaysBefore'>, now = new Date()): { start: Date; bookedAt: Date } {
  const start = workdayAgo(past.daysAgo, past.hour, 0, now);
  return { start, bookedAt: workdayAgo(past.bookedDaysBefore, 19, 30, start) };
}
