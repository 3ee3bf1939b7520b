import mysql, { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { Notification } from '@pendamping/notifications';
import { newId } from '@pendamping/platform';
import { FakeLiveKit } from './fake-livekit';
import { routeRecorder, type Route } from './route-table';
import { copiedDatabase } from './scratch-database';
import { errorProblem, TestApp, type Session } from './test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './video-fixtures';

// The world the fuzz suites send their requests into: a database of its own (so a checksum of every table
// sees only this suite's writes), people of every role, and real resources whose ids the fuzzers pick from.

export interface FuzzWorld {
  app: TestApp;
  livekit: FakeLiveKit;
  routes: Route[];
  as: Record<'owner' | 'mentor' | 'speaker' | 'admin', Session>;
  /** Another registrant, in the LiveKit room: whom moderation acts on. */
  attendee: Session;
  consultation: string;
  held: string;
  workshop: { workshopId: string; sessionId: string; start: Date };
  notificationId: string;
  /** Every id above: what a path parameter or an id field is drawn from, besides garbage. */
  ids: string[];
  /** A checksum of every table of the suite's database. */
  checksum: () => Promise<string>;
  close: () => Promise<void>;
}

export async function startFuzzWorld(purpose: string): Promise<FuzzWorld> {
  const database = await copiedDatabase(purpose);
  const livekit = await FakeLiveKit.start();
  const { routes, onRoute } = routeRecorder();
  // Events are not rate limited here: a fuzzer sends far more than a person, and each must reach its handler.
  const app = await TestApp.start({ DATABASE_URL: database.url, LIVEKIT_URL: livekit.url, REALTIME_EVENTS_PER_SECOND: '100000' }, { onRoute });
  const db = app.app.get(DataSource);
  const [admin, mentor, speaker] = [await app.newUser(['admin']), await app.newUser(['mentor']), await app.newUser(['speaker'])];
  const [owner, attendee] = [await app.newEntrepreneur({ name: 'Pemilik Fuzz' }), (await app.newEntrepreneurs(1))[0]];
  // People the fuzzers may disable or strip of roles by id; the callers' own ids are not offered (their tokens must keep working).
  const bystanders = [...(await app.newEntrepreneurs(2)), await app.newUser(['mentor'])];
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));
  expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 60, minNoticeMinutes: 0, weekly } })).status).toBe(200);
  const consultation = (await bookedConsultation(app, mentor.id, owner.id)).id;
  const held = newId();
  const heldStart = new Date(Date.now() - 26 * 3_600_000);
  await db.getRepository('Consultation').insert({ id: held, mentorId: mentor.id, entrepreneurId: owner.id, start: heldStart, end: plusMinutes(heldStart, 30), topic: 'permodalan', note: null, status: 'booked' });
  const workshop = await publishedWorkshop(app, admin, [speaker.id]);
  for (const who of [owner, attendee]) expect((await app.post(`/api/workshops/${workshop.workshopId}/registrations`, undefined, who.token)).status).toBe(201);
  const notificationId = newId();
  await db.getRepository(Notification).insert({ id: notificationId, userId: owner.id, type: 'consultation.booked', refKind: 'consultation', refId: consultation, subjectId: consultation, payload: {} as never, dueAt: new Date(), state: 'dispatched', title: 'Konsultasi', body: 'Terjadwal' });
  const clock = clockOf(app);
  clock.at(plusMinutes(workshop.start, 5));
  const joined = await app.post(`/api/workshops/${workshop.workshopId}/sessions/${workshop.sessionId}/join`, undefined, attendee.token);
  expect(joined.status).toBe(200);
  livekit.connect(joined.body.room, attendee.id);
  clock.restore();

  const connection = await createConnection(database.url);
  const [tables] = await connection.query<mysql.RowDataPacket[]>("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'");
  const names = tables.map((row) => `\`${String(Object.values(row)[0])}\``).join(', ');
  const checksum = async () => {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${names}`);
    return rows.map((r) => `${String(r.Table).split('.').pop()}=${r.Checksum}`).join(' ');
  };
  const as = { owner, mentor, speaker, admin };
  return {
    app,
    livekit,
    routes,
    as,
    attendee,
    consultation,
    held,
    workshop,
    notificationId,
    ids: [consultation, held, workshop.workshopId, workshop.sessionId, notificationId, attendee.id, ...bystanders.map((s) => s.id)],
    checksum,
    async close() {
      await connection.end();
      await app.close();
      await livekit.close();
      await database.drop();
    },
  };
}

/** Which tables changed between two checksums. */
export function changedTables(before: string, after: string): string[] {
  const was = new Set(before.split(' '));
  return after.split(' ').filter((entry) => !was.has(entry)).map((entry) => entry.split('=')[0]);
}

export interface RawAnswer {
  status: number;
  body: unknown;
  contentType: string;
}

/** Sends bytes as they are (a fuzzer's body is not always JSON, nor its path well encoded). */
export async function rawRequest(app: TestApp, method: string, path: string, options: { token?: string; text?: string; contentType?: string } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  if (options.text !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body: options.text, redirect: 'manual' });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (contentType.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // reported below as not the error shape
    }
  }
  return { status: res.status, body, contentType };
}

/** What is wrong with an answer to hostile input: a 5xx, or a refusal outside the catalogue's `{code, message}`. */
export function answerProblem(res: RawAnswer): string | null {
  if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
  if (res.status < 400) return null;
  const body = res.body as { code?: unknown; message?: unknown } | null;
  const message = body?.message;
  const readable = typeof message === 'string' || (Array.isArray(message) && message.every((m) => typeof m === 'string'));
  if (typeof body !== 'object' || body === null || typeof body.code !== 'string' || !readable) return `${res.status} is not {code, message}: ${String(res.contentType)} ${JSON.stringify(res.body).slice(0, 200)}`;
  return errorProblem(res.status, body);
}
