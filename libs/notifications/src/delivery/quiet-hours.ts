import { DateTime } from 'luxon';

/** No email or WhatsApp between 21:00 and 06:00 on the reader's clock. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 6;
/** A reminder for something starting within this long goes out even in quiet hours. */
export const URGENT_WITHIN_MS = 3_600_000;

/**
 * The earliest moment a message may go out on a channel that rings a phone: `now`, or 06:00 the next
 * morning in quiet hours. `eventStart` is set for reminders: one for something starting within the hour
 * is urgent and never waits.
 */
export function notBefore(now: Date, zone: string, eventStart?: Date): Date {
  if (eventStart && eventStart.getTime() - now.getTime() <= URGENT_WITHIN_MS) return now;
  let local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'Asia/Jakarta' });
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return now;
  const morning = local.hour >= QUIET_FROM_HOUR ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
