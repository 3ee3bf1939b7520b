import { DateTime } from 'luxon';
import { QUIET_HOURS, type NotificationPayload, type NotificationType } from '../notification.types';

/** No email or WhatsApp between 21:00 and 06:00 on the reader's clock, for what may wait (`QUIET_HOURS`). */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 6;
/** A reminder for something starting within this long goes out even in quiet hours. */
export const URGENT_WITHIN_MS = 3_600_000;

/** The notification as quiet hours see it: who reads it, what kind it is, and its facts. */
export interface Held {
  type: string;
  userId: string;
  payload: NotificationPayload;
}

/**
 * The earliest moment a message may go out on a channel that rings a phone: `now`, or 06:00 the next
 * morning in quiet hours for a notification that may wait.
 */
export function notBefore(now: Date, zone: string, n: Held): Date {
  if (!mayWait(n, now)) return now;
  let local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'Asia/Jakarta' });
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return now;
  const morning = local.hour >= QUIET_FROM_HOUR ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

function mayWait(n: Held, now: Date): boolean {
  // A type this build does not know (a row written by a newer one) waits: the careful choice.
  const rule = QUIET_HOURS[n.type as NotificationType] ?? 'held';
  if (rule === 'own-action') return n.payload.actorId !== n.userId;
  if (rule === 'reminder') {
    const start = n.payload.start ? Date.parse(n.payload.start) : NaN;
    return !(start - now.getTime() <= URGENT_WITHIN_MS);
  }
  return true;
}
