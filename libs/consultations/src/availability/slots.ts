import { DateTime } from 'luxon';

/** A wall-clock range in the mentor's zone, `HH:mm`; an `end` of `24:00` means midnight. */
export interface ClockRange {
  start: string;
  end: string;
}

export interface WeeklyRange extends ClockRange {
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: number;
}

export interface AvailabilityRules {
  timezone: string;
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  dailyCap: number | null;
  weekly: WeeklyRange[];
  /** Keyed by local date `YYYY-MM-DD`; replaces the weekly ranges of that day (empty = a day off). */
  overrides: ReadonlyMap<string, ClockRange[]>;
}

export interface Interval {
  start: Date;
  end: Date;
}

/** Minutes since midnight of `HH:mm` (`24:00` → 1440). */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Slots the mentor offers in `[from, to)`, before looking at bookings: their weekly hours (or that day's
 * override) cut into slots, no sooner than the minimum notice and not beyond the booking horizon.
 */
export function offeredSlots(rules: AvailabilityRules, from: Date, to: Date, now: Date): Interval[] {
  const zone = rules.timezone;
  const earliest = now.getTime() + rules.minNoticeMinutes * 60_000;
  const horizon = DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: rules.horizonDays }).toMillis();
  const lower = Math.max(from.getTime(), earliest);
  const upper = Math.min(to.getTime(), horizon);
  const slots: Interval[] = [];
  if (lower >= upper) return slots;

  const lastDay = DateTime.fromMillis(upper, { zone }).startOf('day');
  for (let day = DateTime.fromMillis(lower, { zone }).startOf('day'); day <= lastDay; day = day.plus({ days: 1 })) {
    for (const range of rangesOn(rules, day)) slots.push(...cut(day, range, rules.slotMinutes, lower, upper));
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Offered slots that are still free: none within `bufferMinutes` of a booking, and none on a local day that
 * already holds `dailyCap` bookings. `booked` are the mentor's active consultations.
 */
export function freeSlots(rules: AvailabilityRules, from: Date, to: Date, now: Date, booked: Interval[]): Interval[] {
  const buffer = rules.bufferMinutes * 60_000;
  const perDay = new Map<string, number>();
  for (const b of booked) perDay.set(localDate(b.start, rules.timezone), (perDay.get(localDate(b.start, rules.timezone)) ?? 0) + 1);
  return offeredSlots(rules, from, to, now).filter((slot) => {
    if (rules.dailyCap !== null && (perDay.get(localDate(slot.start, rules.timezone)) ?? 0) >= rules.dailyCap) return false;
    return !booked.some((b) => conflicts(slot, b, buffer));
  });
}

/** True when the two are closer than `buffer` ms (or overlap). */
export function conflicts(a: Interval, b: Interval, buffer: number): boolean {
  return a.start.getTime() < b.end.getTime() + buffer && b.start.getTime() < a.end.getTime() + buffer;
}

export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/**
 * Slots of one range. Zone arithmetic is costly (each offset is an Intl lookup), so the range's ends are
 * placed in the zone once and the slots stepped in plain milliseconds, unless a DST change falls inside.
 */
function cut(day: DateTime, range: ClockRange, slotMinutes: number, lower: number, upper: number): Interval[] {
  const first = localTime(day, minutesOf(range.start));
  const last = localTime(day, minutesOf(range.end));
  const slots: Interval[] = [];
  const push = (start: number, end: number) => {
    if (start >= lower && start < upper) slots.push({ start: new Date(start), end: new Date(end) });
  };
  if (first.offset === last.offset) {
    const step = slotMinutes * 60_000;
    for (let t = first.toMillis(); t + step <= last.toMillis(); t += step) push(t, t + step);
    return slots;
  }
  for (let t = first; t.plus({ minutes: slotMinutes }) <= last; t = t.plus({ minutes: slotMinutes })) {
    push(t.toMillis(), t.plus({ minutes: slotMinutes }).toMillis());
  }
  return slots;
}

function rangesOn(rules: AvailabilityRules, day: DateTime): ClockRange[] {
  return rules.overrides.get(day.toISODate()!) ?? rules.weekly.filter((r) => r.weekday === day.weekday);
}

function localTime(day: DateTime, minutes: number): DateTime {
  return minutes === 24 * 60 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}
