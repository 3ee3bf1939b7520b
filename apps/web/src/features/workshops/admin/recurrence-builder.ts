/**
 * The weekly series builder, as pure functions: the admin picks weekdays, a time, a duration, a number of
 * weeks and a start date; this gives every session's instant (for the preview) and the RFC 5545 rule the
 * api expands (libs/workshops/src/recurrence.ts: DTSTART with a TZID, then RRULE, ending by COUNT).
 * The rule's DTSTART is the first session itself, so the api's expansion and the preview agree.
 */

/** The api's limits (libs/workshops: MAX_SESSIONS, RecurrenceDto.durationMinutes). */
export const MAX_SESSIONS = 60;
export const MIN_MINUTES = 15;
export const MAX_MINUTES = 720;

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface WeeklySeries {
  weekdays: Weekday[];
  /** Wall clock, "10:00". */
  time: string;
  durationMinutes: number;
  weeks: number;
  /** The first day the series may start on, "2026-12-07" (the first chosen weekday on or after it). */
  startDate: string;
  /** IANA zone the wall clock is in. */
  zone: string;
}

export type SeriesProblem = 'weekdays' | 'time' | 'duration' | 'weeks' | 'startDate' | 'tooMany' | 'past';

export interface TimeRange {
  start: Date;
  end: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The zone's offset from UTC at an instant, in ms (Intl only: the web app carries no date library). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(instant))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock date and time in a zone. */
export function wallToInstant(date: string, time: string, zone: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d[3]) || check.getUTCMonth() !== Number(d[2]) - 1) return null; // 2026-02-31
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone));
}

const isoWeekday = (utcDay: Date): Weekday => (((utcDay.getUTCDay() + 6) % 7) + 1) as Weekday;
const dayKey = (utcDay: Date) => utcDay.toISOString().slice(0, 10);

export function seriesProblems(series: WeeklySeries, now: Date): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  if (series.weekdays.length === 0) problems.push('weekdays');
  if (!TIME.test(series.time)) problems.push('time');
  if (!Number.isInteger(series.durationMinutes) || series.durationMinutes < MIN_MINUTES || series.durationMinutes > MAX_MINUTES) problems.push('duration');
  if (!Number.isInteger(series.weeks) || series.weeks < 1) problems.push('weeks');
  else if (series.weeks * Math.max(1, series.weekdays.length) > MAX_SESSIONS) problems.push('tooMany');
  if (!wallToInstant(series.startDate, '00:00', series.zone)) problems.push('startDate');
  if (problems.length === 0 && seriesSessions(series)[0].start <= now) problems.push('past');
  return problems;
}

/** Every session of the series, in order: `weeks` sessions on each chosen weekday from the start date. */
export function seriesSessions(series: WeeklySeries): TimeRange[] {
  const d = DATE.exec(series.startDate);
  if (!d || series.weekdays.length === 0 || !TIME.test(series.time)) return [];
  const count = Math.min(series.weeks * series.weekdays.length, MAX_SESSIONS);
  const days = new Set(series.weekdays);
  const sessions: TimeRange[] = [];
  for (let day = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))); sessions.length < count; day = new Date(day.getTime() + 86_400_000)) {
    if (!days.has(isoWeekday(day))) continue;
    const start = wallToInstant(dayKey(day), series.time, series.zone)!;
    sessions.push({ start, end: new Date(start.getTime() + series.durationMinutes * 60_000) });
  }
  return sessions;
}

/** The rule the api takes: `DTSTART;TZID=Asia/Jakarta:20261207T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8`. */
export function seriesRule(series: WeeklySeries): string {
  const [first] = seriesSessions(series);
  const wallDate = first ? localDate(first.start, series.zone) : series.startDate;
  const byDay = [...series.weekdays].sort((a, b) => a - b).map((w) => BYDAY[w - 1]);
  const count = series.weeks * series.weekdays.length;
  return `DTSTART;TZID=${series.zone}:${wallDate.replace(/-/g, '')}T${series.time.replace(':', '')}00\nRRULE:FREQ=WEEKLY;BYDAY=${byDay.join(',')};COUNT=${count}`;
}

/** Back from a rule this builder wrote (editing a series); null for any other rule. */
export function parseSeriesRule(rule: string, durationMinutes: number): WeeklySeries | null {
  const m = /^DTSTART;TZID=([^:\n]+):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})00\s*\n\s*RRULE:FREQ=WEEKLY;BYDAY=([A-Z,]+);COUNT=(\d+)\s*$/.exec(rule.trim());
  if (!m) return null;
  const weekdays = m[7].split(',').map((code) => (BYDAY.indexOf(code) + 1) as Weekday);
  const count = Number(m[8]);
  if (weekdays.some((w) => w < 1) || count % weekdays.length !== 0) return null;
  return { zone: m[1], startDate: `${m[2]}-${m[3]}-${m[4]}`, time: `${m[5]}:${m[6]}`, weekdays, weeks: count / weekdays.length, durationMinutes };
}

/** The calendar date ("2026-12-07") of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The wall clock ("10:00") of an instant in a zone. */
export function localTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}
