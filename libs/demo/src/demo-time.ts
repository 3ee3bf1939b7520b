import { DateTime } from 'luxon';

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
