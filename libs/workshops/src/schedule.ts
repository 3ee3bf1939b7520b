import type { TimeRange } from './recurrence';

export const MAX_SESSION_HOURS = 12;

export const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;

/**
 * What is wrong with a set of sessions, as readable messages (empty when fine): each ends after it
 * starts, lasts at most 12 hours, starts in the future, and none overlaps another of the same workshop.
 * `fixed` marks sessions that already started and are kept unchanged, so "in the future" does not apply.
 */
export function sessionProblems(sessions: TimeRange[], now: Date, label = 'sessions', fixed = new Set<number>()): string[] {
  const problems: string[] = [];
  sessions.forEach((s, i) => {
    const name = `${label}[${i}]`;
    if (s.end <= s.start) problems.push(`${name}.end must be after ${name}.start`);
    else if (s.end.getTime() - s.start.getTime() > MAX_SESSION_HOURS * 3_600_000) problems.push(`${name} must last at most ${MAX_SESSION_HOURS} hours`);
    if (!fixed.has(i) && s.start <= now) problems.push(`${name}.start must be in the future`);
  });
  const sorted = sessions.map((s, i) => ({ ...s, i })).sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1], sorted[k]];
    if (a.end > b.start && a.end > a.start) problems.push(`${label}[${b.i}] overlaps ${label}[${a.i}]`);
  }
  return problems;
}
