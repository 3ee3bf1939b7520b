import { DateTime } from 'luxon';

/**
 * When to remind about something starting at `start`: one time per offset, earliest first. A time that
 * has already passed (a booking made inside an offset) is left out; the confirmation covers it.
 */
export function reminderTimes(start: Date, offsetsMs: number[], now: Date): { offsetMs: number; dueAt: Date }[] {
  const distinct = [...new Set(offsetsMs)].sort((a, b) => b - a);
  return distinct.map((offsetMs) => ({ offsetMs, dueAt: new Date(start.getTime() - offsetMs) })).filter((r) => r.dueAt > now);
}

/** A follow-up date ("2026-12-24") is due at 09:00 on that day in the mentor's zone. */
export function followUpDueAt(date: string, zone: string): Date {
  const local = DateTime.fromISO(date, { zone }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  return (local.isValid ? local : DateTime.fromISO(date, { zone: 'Asia/Jakarta' }).set({ hour: 9 })).toJSDate();
}
