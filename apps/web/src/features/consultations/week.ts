import { localDateKey, safeZone } from '@/lib/datetime';

// Weeks in the person's own zone, Monday first, without a date library: calendar dates are
// 'YYYY-MM-DD' keys and instants are found from the zone's offset (Intl knows it).

const DAY_MS = 86_400_000;

/** Minutes the zone is ahead of UTC at an instant (WIB: 420). */
function offsetMinutes(zone: string, at: number): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: safeZone(zone), hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(at))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

const parse = (key: string) => {
  const [y, m, d] = key.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const format = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** The date `days` after a date key. */
export const addDays = (key: string, days: number): string => format(parse(key) + days * DAY_MS);

/** The instant a calendar date begins in a zone (its local midnight). */
export function startOfDay(key: string, zone: string): Date {
  const guess = parse(key);
  let at = guess - offsetMinutes(zone, guess) * 60_000;
  // Once more, for a zone whose offset changes that day.
  at = guess - offsetMinutes(zone, at) * 60_000;
  return new Date(at);
}

/** Monday of the week a date is in. */
export function mondayOf(key: string): string {
  const weekday = (new Date(parse(key)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(key, -weekday);
}

/** Monday of this week in the zone. */
export const thisMonday = (zone: string, now = new Date()): string => mondayOf(localDateKey(now, zone));

/** The seven date keys of the week starting on `monday`. */
export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** Noon of a date in a zone: a safe instant for naming the day. */
export const noonOf = (key: string, zone: string): Date => new Date(startOfDay(key, zone).getTime() + 12 * 3_600_000);

/** Items grouped by the local date of their start. */
export function byDay<T extends { start: string }>(items: T[], zone: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const key = localDateKey(item.start, zone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return days;
}
