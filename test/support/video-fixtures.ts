import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Clock, newId } from '@pendamping/platform';
import type { Session, TestApp } from './test-app';

const HOUR = 3_600_000;

/** A start far in the future (days ahead, random), so suites running at once never collide. */
export const farFuture = () => new Date(Math.floor(Date.now() / HOUR) * HOUR + (40 + Math.floor(Math.random() * 2000)) * 24 * HOUR);

/** A published one-session workshop (60 minutes) with these speakers. */
export async function publishedWorkshop(app: TestApp, admin: Session, speakerIds: string[], capacity = 20) {
  const start = farFuture();
  const end = new Date(start.getTime() + HOUR);
  const created = await app.post(
    '/api/workshops',
    { title: 'Pemasaran Digital untuk UMKM', description: 'Jualan lewat media sosial.', topic: 'pemasaran', capacity, speakerIds, sessions: [{ start, end }] },
    admin.token,
  );
  if (created.status !== 201) throw new Error(`workshop: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token);
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
  return { workshopId: created.body.id as string, sessionId: created.body.sessions[0].id as string, start, end };
}

/** A booked 30-minute consultation written straight to the database (booking rules are another suite's). */
export async function bookedConsultation(app: TestApp, mentorId: string, entrepreneurId: string) {
  const start = farFuture();
  const end = new Date(start.getTime() + 30 * 60_000);
  const id = newId();
  await app.app.get(DataSource).getRepository(Consultation).insert({ id, mentorId, entrepreneurId, start, end, topic: 'permodalan', note: null, status: 'booked' });
  return { id, start, end };
}

/** Moves the app's clock (the injectable Clock), as the other suites do; `restore` puts real time back. */
export function clockOf(app: TestApp) {
  const clock = app.app.get(Clock);
  const real = Clock.prototype.now;
  return {
    at: (date: Date) => (clock.now = () => new Date(date)),
    restore: () => (clock.now = real),
  };
}

export const plusMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
