import { ApiError } from '@/api/client';
import type { Topic, Workshop } from '@/api/types';
import type { WorkshopChange, WorkshopInput } from './admin-queries';
import {
  localDate,
  localTime,
  MAX_MINUTES,
  MAX_SESSIONS,
  MIN_MINUTES,
  parseSeriesRule,
  seriesProblems,
  seriesRule,
  seriesSessions,
  wallToInstant,
  type SeriesProblem,
  type WeeklySeries,
} from './recurrence-builder';

/** One session row of the "one by one" schedule; `id` keeps an existing session (edit), `started` locks it. */
export interface SessionRow {
  key: string;
  id?: string;
  date: string;
  time: string;
  durationMinutes: number;
  started?: boolean;
}

export interface QuotaRow {
  key: string;
  kecamatanCode: string | null;
  seats: number | '';
}

export interface WorkshopForm {
  title: string;
  description: string;
  topic: Topic | null;
  capacity: number | '';
  speakers: { id: string; label: string }[];
  quotas: QuotaRow[];
  mode: 'single' | 'weekly';
  sessions: SessionRow[];
  series: WeeklySeries;
}

/** The fields that can carry a message, client-side or from the api. */
export type Field = 'title' | 'description' | 'topic' | 'capacity' | 'speakerIds' | 'kecamatanQuotas' | 'sessions' | 'recurrence';
export type Problems = Partial<Record<Field, string[]>>;

let seq = 0;
export const rowKey = () => `r${++seq}`;

const nextWeekDate = (zone: string) => localDate(new Date(Date.now() + 7 * 86_400_000), zone);
export const newSession = (zone: string): SessionRow => ({ key: rowKey(), date: nextWeekDate(zone), time: '10:00', durationMinutes: 120 });

export function emptyForm(zone: string): WorkshopForm {
  return {
    title: '',
    description: '',
    topic: null,
    capacity: 30,
    speakers: [],
    quotas: [],
    mode: 'weekly',
    sessions: [newSession(zone)],
    series: { weekdays: [], time: '10:00', durationMinutes: 120, weeks: 4, startDate: nextWeekDate(zone), zone },
  };
}

/** An existing workshop in the form: a series this builder made reopens in the builder if none started. */
export function formOf(w: Workshop, zone: string, now = new Date()): WorkshopForm {
  const started = w.sessions.some((s) => new Date(s.start) <= now);
  const series = w.recurrence && !started ? parseSeriesRule(w.recurrence.rrule, w.recurrence.durationMinutes) : null;
  return {
    title: w.title,
    description: w.description,
    topic: w.topic,
    capacity: w.capacity,
    speakers: w.speakers.map((s) => ({ id: s.id, label: speakerLabel(s) })),
    quotas: w.kecamatanQuotas.map((q) => ({ key: rowKey(), kecamatanCode: q.kecamatanCode, seats: q.seats })),
    mode: series ? 'weekly' : 'single',
    sessions: w.sessions.map((s) => ({
      key: rowKey(),
      id: s.id,
      date: localDate(new Date(s.start), zone),
      time: localTime(new Date(s.start), zone),
      durationMinutes: Math.round((new Date(s.end).getTime() - new Date(s.start).getTime()) / 60_000),
      started: new Date(s.start) <= now,
    })),
    series: series ?? { ...emptyForm(zone).series, zone },
  };
}

export const speakerLabel = (s: { name: string; organization: string | null; email?: string }) => (s.organization ? `${s.name} (${s.organization})` : s.name);

export function rowSessions(rows: SessionRow[], zone: string) {
  return rows.map((r) => {
    const start = wallToInstant(r.date, r.time, zone);
    return { row: r, start, end: start ? new Date(start.getTime() + r.durationMinutes * 60_000) : null };
  });
}

/** What the form lacks before it goes to the api, as i18n keys under adminWorkshops.form.problems. */
export function formProblems(form: WorkshopForm, zone: string, now = new Date()): { fields: Problems; series: SeriesProblem[] } {
  const fields: Problems = {};
  const add = (field: Field, key: string) => (fields[field] ??= []).push(key);
  const title = form.title.trim();
  if (title.length < 3 || title.length > 200) add('title', 'title');
  if (!form.description.trim() || form.description.length > 5000) add('description', 'description');
  if (!form.topic) add('topic', 'topic');
  const capacity = form.capacity === '' ? 0 : form.capacity;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10000) add('capacity', 'capacity');
  const codes = form.quotas.map((q) => q.kecamatanCode);
  if (form.quotas.some((q) => !q.kecamatanCode || q.seats === '' || q.seats < 1)) add('kecamatanQuotas', 'quotaRow');
  if (new Set(codes).size !== codes.length) add('kecamatanQuotas', 'quotaTwice');
  if (form.quotas.reduce((n, q) => n + (q.seats || 0), 0) > capacity) add('kecamatanQuotas', 'quotaOverCapacity');
  let series: SeriesProblem[] = [];
  if (form.mode === 'weekly') series = seriesProblems(form.series, now);
  else {
    const sessions = rowSessions(form.sessions, zone);
    if (sessions.length === 0) add('sessions', 'noSessions');
    if (sessions.length > MAX_SESSIONS) add('sessions', 'tooManySessions');
    if (sessions.some((s) => !s.start)) add('sessions', 'sessionDate');
    if (sessions.some((s) => s.row.durationMinutes < MIN_MINUTES || s.row.durationMinutes > MAX_MINUTES)) add('sessions', 'sessionDuration');
    if (sessions.some((s) => s.start && !s.row.started && s.start <= now)) add('sessions', 'sessionPast');
    const sorted = sessions.filter((s) => s.start).sort((a, b) => a.start!.getTime() - b.start!.getTime());
    if (sorted.some((s, i) => i > 0 && sorted[i - 1].end! > s.start!)) add('sessions', 'sessionOverlap');
  }
  return { fields, series };
}

export const hasProblems = (p: ReturnType<typeof formProblems>) => Object.keys(p.fields).length > 0 || p.series.length > 0;

function schedule(form: WorkshopForm, zone: string): Pick<WorkshopInput, 'sessions' | 'recurrence'> {
  if (form.mode === 'weekly') return { recurrence: { rrule: seriesRule(form.series), durationMinutes: form.series.durationMinutes } };
  return {
    sessions: rowSessions(form.sessions, zone).map(({ row, start, end }) => ({ ...(row.id && { id: row.id }), start: start!.toISOString(), end: end!.toISOString() })),
  };
}

export function inputOf(form: WorkshopForm, zone: string): WorkshopInput {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    topic: form.topic!,
    capacity: Number(form.capacity),
    speakerIds: form.speakers.map((s) => s.id),
    kecamatanQuotas: form.quotas.map((q) => ({ kecamatanCode: q.kecamatanCode!, seats: Number(q.seats) })),
    ...schedule(form, zone),
  };
}

/**
 * An edit sends what changed only: re-sending the same series would replace every session (new ids,
 * registrants told of a change that is none).
 */
export function changeOf(form: WorkshopForm, before: WorkshopForm, zone: string): WorkshopChange {
  const now = inputOf(form, zone);
  const was = inputOf(before, zone);
  const change: WorkshopChange = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ['title', 'description', 'topic', 'capacity', 'speakerIds', 'kecamatanQuotas'] as const) {
    if (!same(now[key], was[key])) Object.assign(change, { [key]: now[key] });
  }
  if (form.mode !== before.mode || !same(now.sessions, was.sessions) || !same(now.recurrence, was.recurrence)) Object.assign(change, schedule(form, zone));
  return change;
}

/** The series' sessions for the preview (nothing until the builder has what it needs). */
export const previewOf = (series: WeeklySeries) => (seriesProblems(series, new Date(0)).length ? [] : seriesSessions(series));

const FIELD_OF: Record<string, Field> = { SPEAKER_BUSY: 'speakerIds', CAPACITY_TOO_LOW: 'capacity', SESSION_STARTED: 'sessions' };
const FIELDS: Field[] = ['title', 'description', 'topic', 'capacity', 'speakerIds', 'kecamatanQuotas', 'sessions', 'recurrence'];

/**
 * The api's answer, by field: validation messages start with the field's name ("capacity must not be
 * less than 1", "sessions[0].start must be in the future", "recurrence.rrule …"); a few domain errors
 * belong to one field. What names no field stays general.
 */
export function apiProblems(error: unknown): { fields: Problems; general: string[] } {
  const fields: Problems = {};
  const general: string[] = [];
  if (!(error instanceof ApiError)) return { fields, general };
  const messages = error.details.length ? error.details : [error.message];
  const byCode = FIELD_OF[error.code];
  for (const message of messages) {
    const name = /^([a-zA-Z]+)/.exec(message)?.[1] as Field | undefined;
    const field = byCode ?? (name && FIELDS.includes(name) ? name : undefined);
    if (field) (fields[field] ??= []).push(message);
    else if (error.code === 'VALIDATION_FAILED') general.push(message);
  }
  return { fields, general };
}
