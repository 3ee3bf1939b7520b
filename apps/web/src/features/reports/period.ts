import { localDateKey } from '@/lib/datetime';
import { addDays, noonOf, startOfDay } from '@/features/consultations/week';

export const PRESETS = ['30', '90', '365'] as const;
export type Preset = (typeof PRESETS)[number];
export const MAX_DAYS = 366;

/** What the filter asks for: the last N days (today included) or calendar dates, first and last day included. */
export type PeriodChoice = { preset: Preset } | { preset: 'range'; first: string | null; last: string | null };

export type Period =
  | { ok: true; from: string; to: string; first: string; last: string; firstNoon: Date; lastNoon: Date }
  | { ok: false; problem: 'rangeMissing' | 'rangeTooLong' };

const daysBetween = (first: string, last: string) => Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;

/** Whole days in the person's zone: from the first day's midnight to the midnight after the last (exclusive). */
export function periodOf(choice: PeriodChoice, zone: string, now = new Date()): Period {
  let first: string;
  let last: string;
  if (choice.preset === 'range') {
    if (!choice.first || !choice.last) return { ok: false, problem: 'rangeMissing' };
    [first, last] = choice.first <= choice.last ? [choice.first, choice.last] : [choice.last, choice.first];
    if (daysBetween(first, last) > MAX_DAYS) return { ok: false, problem: 'rangeTooLong' };
  } else {
    last = localDateKey(now, zone);
    first = addDays(last, -(Number(choice.preset) - 1));
  }
  return {
    ok: true,
    from: startOfDay(first, zone).toISOString(),
    to: startOfDay(addDays(last, 1), zone).toISOString(),
    first,
    last,
    firstNoon: noonOf(first, zone),
    lastNoon: noonOf(last, zone),
  };
}

/** The choice kept in the address (?days=90, or ?from=2026-09-01&until=2026-11-30), so a report can be shared. */
export function choiceFromParams(params: URLSearchParams): PeriodChoice {
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  if (params.has('from') || params.has('until')) return { preset: 'range', first: date(params.get('from')), last: date(params.get('until')) };
  const days = params.get('days');
  return { preset: PRESETS.includes(days as Preset) ? (days as Preset) : '90' };
}
