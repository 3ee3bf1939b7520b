import type { Availability, AvailabilityInput, ClockRange } from '@/api/types';

// The editor's state and its checks, apart from the screens. Times are `HH:mm` wall-clock times in the
// mentor's zone, as the api takes them; an end of 24:00 means midnight.

export interface DayHours {
  on: boolean;
  ranges: ClockRange[];
}

export interface AvailabilityForm {
  /** Monday first (ISO weekday = index + 1). */
  days: DayHours[];
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  dailyCap: number | null;
}

export const WORKDAY: ClockRange = { start: '09:00', end: '17:00' };

/** The stored rules as a form; never set: Monday to Friday 09:00–17:00 in half-hour sessions. */
export function formOf(view: Availability | null): AvailabilityForm {
  const days = Array.from({ length: 7 }, (_, i) => {
    const ranges = fieldRanges((view?.weekly ?? []).filter((r) => r.weekday === i + 1));
    if (!view) return { on: i < 5, ranges: [{ ...WORKDAY }] };
    return ranges.length ? { on: true, ranges } : { on: false, ranges: [{ ...WORKDAY }] };
  });
  return {
    days,
    slotMinutes: view?.slotMinutes ?? 30,
    bufferMinutes: view?.bufferMinutes ?? 0,
    minNoticeMinutes: view?.minNoticeMinutes ?? 120,
    horizonDays: view?.horizonDays ?? 30,
    dailyCap: view?.dailyCap ?? null,
  };
}

const minutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOCK_ANY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export type RangeProblem = 'missing' | 'endBeforeStart' | 'overlap' | null;

/** What is wrong with each range of one day (the api would refuse the same). */
export function rangeProblems(ranges: ClockRange[]): RangeProblem[] {
  return ranges.map((r, i) => {
    if (!CLOCK.test(r.start) || !CLOCK_ANY.test(r.end)) return 'missing';
    if (minutes(r.end) <= minutes(r.start)) return 'endBeforeStart';
    const overlaps = ranges.some((o, j) => j !== i && CLOCK.test(o.start) && CLOCK_ANY.test(o.end) && minutes(r.start) < minutes(o.end) && minutes(o.start) < minutes(r.end));
    return overlaps ? 'overlap' : null;
  });
}

export const hasProblems = (form: AvailabilityForm) => form.days.some((d) => d.on && rangeProblems(d.ranges).some(Boolean));

/** Stored ranges as plain copies (the api's answer may carry more). */
export const fieldRanges = (ranges: ClockRange[]): ClockRange[] => ranges.map(({ start, end }) => ({ start, end }));

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Quarter hours to choose from (starts 00:00–23:45, ends 00:15–24:00), and the current value when it is off the grid. */
export function clockOptions(which: 'start' | 'end', current: string, lang: 'id' | 'en'): { value: string; label: string }[] {
  const values = Array.from({ length: 96 }, (_, i) => clock(which === 'start' ? i * 15 : (i + 1) * 15));
  if (CLOCK_ANY.test(current) && !values.includes(current)) values.push(current);
  values.sort();
  return values.map((v) => ({ value: v, label: lang === 'id' ? v.replace(':', '.') : v }));
}

export function inputOf(form: AvailabilityForm, timezone: string): AvailabilityInput {
  return {
    timezone,
    slotMinutes: form.slotMinutes,
    bufferMinutes: form.bufferMinutes,
    minNoticeMinutes: form.minNoticeMinutes,
    horizonDays: form.horizonDays,
    ...(form.dailyCap !== null && { dailyCap: form.dailyCap }),
    weekly: form.days.flatMap((d, i) => (d.on ? d.ranges.map((r) => ({ weekday: i + 1, ...r })) : [])),
  };
}

/** A new range after a day's last one: an hour after it ends, an hour long; the working day when there is none. */
export function nextRange(ranges: ClockRange[]): ClockRange {
  const last = ranges.at(-1);
  if (!last || !CLOCK_ANY.test(last.end)) return { ...WORKDAY };
  const from = Math.min(minutes(last.end) + 60, 23 * 60);
  return { start: clock(from), end: clock(from + 60) };
}
