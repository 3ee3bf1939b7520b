import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DateTime } from 'luxon';
import { Logger } from 'nestjs-pino';
import { loadConfig, withoutStartupNoise } from '@pendamping/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { FakeLiveKit } from './support/fake-livekit';
import { signWebhook, webhookEvent } from './support/livekit-webhook';
import { LogCapture } from './support/log-capture';
import { startSmtp, waitFor } from './support/notification-fixtures';
import { connect, ok } from './support/realtime-client';
import { workerDatabase } from './support/scratch-database';
import { testEnv } from './support/test-env';
import { TestApp, uniqueEmail } from './support/test-app';
import { clockOf } from './support/video-fixtures';

// What the api and the worker log, at debug level, through a realistic day: no secret may be in it.

const JWT_SECRET = randomBytes(36).toString('base64url');
const LIVEKIT_API_KEY = 'APIlogcheck';
const LIVEKIT_API_SECRET = randomBytes(36).toString('base64url');
const PASSWORD = 'Kata-Sandi-Siti-7731';
const NEW_PASSWORD = 'Sandi-Baru-Siti-9154';
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 10 }).startOf('day');

describe('logs (api and worker at debug level) never carry a secret', () => {
  const logs = new LogCapture();
  let livekit: FakeLiveKit;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  let app: TestApp;
  let worker: TestingModule;

  beforeAll(async () => {
    [livekit, smtp, database] = await Promise.all([FakeLiveKit.start(LIVEKIT_API_KEY, LIVEKIT_API_SECRET), startSmtp(), workerDatabase('logs')]);
    const env = {
      LOG_LEVEL: 'debug',
      JWT_SECRET,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY,
      LIVEKIT_API_SECRET,
      SMTP_URL: smtp.url,
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-logs`,
    };
    app = await TestApp.start(env, { imports: [logs.module()] });
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig({ ...testEnv(), ...env })), logs.module()] }).compile();
    // As apps/worker/src/main.ts does: the worker's own lines go through its pino logger.
    worker.useLogger(withoutStartupNoise(worker.get(Logger)));
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await livekit?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('register, a wrong and a right login, booking, chat, video join, webhook, password change, calendar feed and queue dashboard leave no password, token or secret in the log', async () => {
    const secrets: [string, string][] = [
      ['the password', PASSWORD],
      ['the new password', NEW_PASSWORD],
      ['the JWT secret', JWT_SECRET],
      ['the LiveKit secret', LIVEKIT_API_SECRET],
    ];
    const email = uniqueEmail('log');
    const registered = await app.post('/api/auth/register', app.registration({ email, password: PASSWORD }));
    expect(registered.status).toBe(201);
    expect((await app.post('/api/auth/login', { email, password: `${PASSWORD}-salah` })).status).toBe(401);
    secrets.push(['a wrong password', `${PASSWORD}-salah`]);
    const login = await app.post('/api/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    secrets.push(['the JWT from registration', registered.body.accessToken], ['the JWT from login', token], ['the Authorization header', `Bearer ${token}`]);

    // A mentor with office hours; the entrepreneur books one of the slots.
    const mentor = await app.newUser(['mentor']);
    secrets.push(["the mentor's JWT", mentor.token]);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 60, weekly } })).status).toBe(200);
    const slots = await app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(day.toISO()!)}&to=${encodeURIComponent(day.plus({ days: 1 }).toISO()!)}`, token);
    const booked = await app.request('POST', '/api/consultations', { token, body: { mentorId: mentor.id, start: slots.body.items[0].start, topic: 'permodalan' }, headers: { 'idempotency-key': 'log-check-1' } });
    expect(booked.status).toBe(201);
    await waitFor(async () => smtp.to(email).length, (n) => n > 0);

    // Chat over the socket (the token rides in the handshake).
    const socket = await connect(app, token);
    await ok(socket, 'consultation:join', { consultationId: booked.body.id });
    await ok(socket, 'consultation:message', { consultationId: booked.body.id, clientMessageId: 'log-1', body: 'Selamat pagi, Bu' });
    socket.close();

    // The video join (a LiveKit token) at the consultation's start, and LiveKit's signed webhook.
    const clock = clockOf(app);
    try {
      clock.at(new Date(booked.body.start));
      const join = await app.post(`/api/consultations/${booked.body.id}/join`, {}, token);
      expect(join.status).toBe(200);
      secrets.push(['the LiveKit join token', join.body.token]);
      const event = webhookEvent('participant_joined', `consultation-${booked.body.id}`, new Date(booked.body.start), registered.body.user.id);
      const signature = await signWebhook(event.body, { apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET });
      secrets.push(["the webhook's Authorization", signature]);
      const hook = await fetch(`${app.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: signature }, body: event.body });
      expect(hook.status).toBe(200);
      const forged = await fetch(`${app.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: `${signature}x` }, body: event.body });
      expect(forged.status).toBe(401);
    } finally {
      clock.restore();
    }

    // Password change: a wrong current one, a too short new one, then the real change.
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: 'bukan-sandinya', newPassword: NEW_PASSWORD } })).status).toBe(403);
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: PASSWORD, newPassword: 'pendek' } })).status).toBe(400);
    const changed = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    // The change ends the old token; this device carries on with the one it answers.
    const fresh: string = changed.body.accessToken;
    secrets.push(['the JWT from the password change', fresh]);
    expect((await app.post('/api/auth/login', { email, password: NEW_PASSWORD })).status).toBe(200);

    // The calendar feed's secret address, and the queue dashboard opened with ?token=.
    const feed = await app.post('/api/me/calendar-feed', undefined, fresh);
    const feedPath = new URL(feed.body.url).pathname;
    secrets.push(["the calendar feed's secret", feedPath.split('/').pop()!.replace(/\.ics$/, '')]);
    expect((await fetch(`${app.baseUrl}${feedPath}`)).status).toBe(200);
    const admin = await app.newUser(['admin']);
    secrets.push(["the admin's JWT", admin.token]);
    const board = await fetch(`${app.baseUrl}/api/admin/queues?token=${admin.token}`, { redirect: 'manual' });
    expect(board.status).toBe(303);

    // The capture holds both processes' records: the api's requests and the worker's reconciliation.
    expect(logs.containing('"req":{').length).toBeGreaterThan(15);
    expect(logs.containing('reconciled')).not.toEqual([]);
    const leaks = secrets.flatMap(([what, value]) => logs.containing(value).map((line) => ({ what, line })));
    expect(leaks).toEqual([]);
    // The feed is logged under a placeholder, so the request still shows.
    expect(logs.containing('"path":"/api/calendar/[secret]"')).toHaveLength(1);
  }, 60_000);
});
