import type { Socket } from 'socket.io-client';
import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '@pendamping/platform';
import { DISPATCH_QUEUE, Notification, NotificationDelivery, dispatchJobId } from '@pendamping/notifications';
import { connect, record } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';
import { testEnv } from './support/test-env';
import { WORKER_READY_MS, WorkerProcess, sleep, startSmtp, waitFor } from './support/notification-fixtures';
import { startPrivateRedis } from './support/private-redis';
import { workerDatabase } from './support/scratch-database';
import { setWallClock } from './support/wall-clock';

// Real worker process, real Redis (a private redis-server on a random port, so FLUSHALL is safe),
// real SMTP server on loopback, real socket.io client. Reminder offsets are seconds.

const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
const SLACK_MS = 1_500;

describe('reminders with the real worker, Redis and SMTP', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let worker: WorkerProcess;
  let api: TestApp | undefined;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Daytime in Jakarta whenever the suite runs (quiet hours are the channels suite's), here and in the worker.
    setWallClock('10:00');
    [redis, smtp, database] = await Promise.all([startPrivateRedis(), startSmtp(), workerDatabase('reminders')]);
    worker = new WorkerProcess({ REDIS_URL: redis.url, SMTP_URL: smtp.url, DATABASE_URL: database.url });
    await worker.start();
  }, WORKER_READY_MS + 30_000);
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await api?.close();
    api = undefined;
  });
  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
  });

  /**
   * Slots start on whole minutes of the mentor's clock, so the slot (T) is 25-85 s away; the offsets are
   * chosen so the reminders fall `dueInMs` from the moment the scene is ready (the api, the people and the
   * mentor's hours are set up first: under load that takes seconds). The running api's offsets are set then,
   * as REMINDER_OFFSETS would set them at start; booking reads them.
   */
  async function scenario(dueInMs: number[]) {
    api = await TestApp.start({ REDIS_URL: redis.url, DATABASE_URL: database.url, REMINDER_OFFSETS: '1h' });
    const mentor = await api.newUser(['mentor']);
    const entrepreneur = await api.newEntrepreneur();
    const socket = await connect(api, entrepreneur.token);
    sockets.push(socket);
    const pushed = record<{ type: string; id: string; at?: number }>(socket, 'notification');
    socket.on('notification', (n: { id: string }) => Object.assign(pushed.find((p) => p.id === n.id) ?? {}, { at: Date.now() }));

    const T = Math.ceil((Date.now() + 25_000) / 60_000) * 60_000;
    // A mentor zone where it is around noon, so a range from T never runs past midnight.
    const utcHour = new Date(T).getUTCHours();
    const shift = ((12 - utcHour + 36) % 24) - 12;
    const zone = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
    const local = DateTime.fromMillis(T, { zone });
    const availability = { timezone: zone, slotMinutes: 10, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 7, weekly: everyDay(local.toFormat('HH:mm'), local.plus({ minutes: 30 }).toFormat('HH:mm')) };
    expect((await api.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: availability })).status).toBe(200);

    const now = Date.now();
    const offsets = dueInMs.map((d) => Math.round((T - now - d) / 1000));
    Object.assign(api.app.get(AppConfig), { reminderOffsetsMs: offsets.map((o) => o * 1000) });
    return { app: api, mentor, entrepreneur, pushed, slot: (k: number) => new Date(T + k * 600_000).toISOString(), dueAt: offsets.map((o) => T - o * 1000) };
  }

  const inbox = async (app: TestApp, who: Session) => (await app.get(`/api/notifications?limit=100`, who.token)).body.items as { id: string; type: string; body: string; createdAt: string }[];
  const reminders = async (app: TestApp, who: Session) => (await inbox(app, who)).filter((n) => n.type === 'consultation.reminder');
  const book = async (app: TestApp, who: Session, mentorId: string, start: string) => {
    const res = await app.post('/api/consultations', { mentorId, start, topic: 'perizinan' }, who.token);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const queue = () => new Queue(DISPATCH_QUEUE, { connection: { url: redis.url } as never, prefix: testEnv().REDIS_PREFIX });
  const rows = (app: TestApp, consultationId: string) =>
    app.app.get(DataSource).getRepository(Notification).find({ where: { subjectId: consultationId, type: 'consultation.reminder' }, order: { dueAt: 'ASC' } });

  it('a booking gets its confirmation with the join link at once, then each reminder at its time: inbox, socket and SMTP mailbox (with .ics)', async () => {
    const { app, mentor, entrepreneur, pushed, slot, dueAt } = await scenario([4_000, 5_500]);
    const id = await book(app, entrepreneur, mentor.id, slot(0));

    const confirmation = await waitFor(() => inbox(app, entrepreneur), (items) => items.some((n) => n.type === 'consultation.booked'), 5_000);
    // The inbox entry opens the consultation itself (ref), so its text names no address; the email's does.
    const booked = confirmation.find((n) => n.type === 'consultation.booked')!;
    expect(booked).toMatchObject({ ref: { kind: 'consultation', id } });
    expect(booked.body).toMatch(/pukul \d\d\.\d\d WIB\.$/);
    expect(booked.body).not.toContain('http');
    // The mentor's copy is a job of its own: it may be dispatched a moment after the entrepreneur's.
    const mentorInbox = await waitFor(() => inbox(app, mentor), (items) => items.some((n) => n.type === 'consultation.booked'), 5_000);
    expect(mentorInbox.map((n) => n.type)).toContain('consultation.booked');

    const done = await waitFor(() => reminders(app, entrepreneur), (items) => items.length === 2, 15_000);
    expect(done).toHaveLength(2);
    const arrived = done.map((n) => Date.parse(n.createdAt)).sort();
    arrived.forEach((at, i) => {
      expect(at).toBeGreaterThanOrEqual(dueAt[i]);
      expect(at).toBeLessThan(dueAt[i] + SLACK_MS);
    });
    expect(done[0]).toMatchObject({ ref: { kind: 'consultation', id } });
    expect(await reminders(app, mentor)).toHaveLength(2);

    // Over the socket, in order, each no earlier than due.
    await waitFor(async () => pushed.length, (n) => n >= 3, 3_000);
    expect(pushed.map((p) => p.type)).toEqual(['consultation.booked', 'consultation.reminder', 'consultation.reminder']);
    pushed.slice(1).forEach((p, i) => expect(p.at!).toBeGreaterThanOrEqual(dueAt[i]));

    // By email: confirmation and both reminders, once each, the reminders with the calendar entry.
    const mails = await waitFor(async () => smtp.to(entrepreneur.email), (m) => m.length === 3, 5_000);
    expect(mails.map((m) => m.type).sort()).toEqual(['consultation.booked', 'consultation.reminder', 'consultation.reminder']);
    const reminderMail = mails.find((m) => m.type === 'consultation.reminder')!;
    expect(reminderMail.at).toBeGreaterThanOrEqual(dueAt[0]);
    expect(reminderMail.mail.subject).toMatch(/^Pengingat: konsultasi \d+ detik lagi$/);
    expect(reminderMail.mail.text).toMatch(new RegExp(`WIB\\. Masuk di http://localhost:3000/consultations/${id}`));
    const ics = reminderMail.mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    expect(ics.content.toString()).toContain('METHOD:REQUEST');
    expect(ics.content.toString()).toContain(`UID:consultation-${id}@pendamping`);
  });

  it('a reschedule moves the reminders: the old jobs leave Redis, nothing arrives at the old times, new jobs wait for the new ones', async () => {
    const { app, mentor, entrepreneur, slot, dueAt } = await scenario([3_500, 4_500]);
    const id = await book(app, entrepreneur, mentor.id, slot(0));
    const before = await rows(app, id);
    expect(before).toHaveLength(4); // two offsets, two people
    const q = queue();
    try {
      expect(await Promise.all(before.map((n) => q.getJob(dispatchJobId(n.id)).then((j) => j?.id)))).toEqual(before.map((n) => `n-${n.id}`));

      const moved = await app.post(`/api/consultations/${id}/reschedule`, { start: slot(1) }, entrepreneur.token);
      expect(moved.status).toBe(200);
      expect(await Promise.all(before.map((n) => q.getJob(dispatchJobId(n.id))))).toEqual(before.map(() => undefined));

      const after = (await rows(app, id)).filter((n) => n.state === 'scheduled');
      expect(after).toHaveLength(4);
      for (const n of after) {
        const job = (await q.getJob(dispatchJobId(n.id)))!;
        expect(await job.getState()).toBe('delayed');
        expect(job.timestamp + job.opts.delay!).toBeGreaterThanOrEqual(n.dueAt.getTime() - 50);
        expect(n.dueAt.getTime()).toBe(Date.parse(slot(1)) - n.payload.offsetMs!);
      }
      await sleep(dueAt[1] + SLACK_MS - Date.now());
      expect(await reminders(app, entrepreneur)).toEqual([]);
      expect(smtp.to(entrepreneur.email).filter((m) => m.type === 'consultation.reminder')).toEqual([]);
      expect((await inbox(app, entrepreneur)).map((n) => n.type)).toContain('consultation.rescheduled');
    } finally {
      await q.close();
    }
  });

  it('a cancel removes the reminders: no job left in Redis and nothing arrives', async () => {
    const { app, mentor, entrepreneur, slot, dueAt } = await scenario([3_000, 4_000]);
    const id = await book(app, entrepreneur, mentor.id, slot(0));
    const scheduled = await rows(app, id);
    expect((await app.post(`/api/consultations/${id}/cancel`, { reason: 'Ada urusan keluarga' }, entrepreneur.token)).status).toBe(200);
    const q = queue();
    try {
      expect(await Promise.all(scheduled.map((n) => q.getJob(dispatchJobId(n.id))))).toEqual(scheduled.map(() => undefined));
    } finally {
      await q.close();
    }
    expect((await rows(app, id)).map((n) => n.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    await sleep(dueAt[1] + SLACK_MS - Date.now());
    expect(await reminders(app, entrepreneur)).toEqual([]);
    const cancelled = await waitFor(async () => smtp.to(entrepreneur.email), (m) => m.some((x) => x.type === 'consultation.cancelled'), 3_000);
    expect(cancelled.map((m) => m.type).sort()).toEqual(['consultation.booked', 'consultation.cancelled']);
    const ics = cancelled.find((m) => m.type === 'consultation.cancelled')!.mail.attachments[0].content.toString();
    expect(ics).toContain('METHOD:CANCEL');
  });

  it('worker SIGKILLed while emails are in the SMTP transaction, then restarted: each reminder is delivered exactly once', async () => {
    const { app, mentor, entrepreneur, slot, dueAt } = await scenario([4_000, 6_000]);
    const id = await book(app, entrepreneur, mentor.id, slot(0));
    // Let the confirmations finish, then make every SMTP transaction stall before its data.
    await waitFor(async () => smtp.to(entrepreneur.email).length + smtp.to(mentor.email).length, (n) => n === 2, 5_000);
    await smtp.holdRecipients();
    await sleep(300); // both people's first reminder are now mid-delivery
    await worker.kill('SIGKILL');
    smtp.release();
    await worker.start();

    const people = [entrepreneur, mentor];
    const sent = await waitFor(
      async () => {
        const notifications = await app.app.get(DataSource).getRepository(Notification).findBy({ subjectId: id });
        const deliveries = await app.app.get(DataSource).getRepository(NotificationDelivery).findBy({ notificationId: In(notifications.map((n) => n.id)) });
        return { notifications, deliveries };
      },
      ({ deliveries }) => deliveries.length === 12 && deliveries.every((d) => d.status === 'sent'),
      25_000,
    );
    expect(sent.deliveries.map((d) => d.status)).toEqual(Array(12).fill('sent')); // 3 notifications × 2 people × (in-app, email)
    expect(Math.max(...sent.deliveries.map((d) => d.attempts))).toBe(2); // the interrupted email ran again

    for (const who of people) {
      expect((await reminders(app, who)).length).toBe(2);
      const mails = smtp.to(who.email);
      expect(mails.map((m) => m.type).sort()).toEqual(['consultation.booked', 'consultation.reminder', 'consultation.reminder']);
      expect(new Set(mails.map((m) => m.notificationId)).size).toBe(3);
    }
    expect(sent.notifications.filter((n) => n.type === 'consultation.reminder').every((n) => n.dispatchedAt!.getTime() >= dueAt[0])).toBe(true);
  }, 2 * WORKER_READY_MS);

  it('FLUSHALL on the private redis-server after scheduling, worker restarted: every pending reminder still arrives on time', async () => {
    const { app, mentor, entrepreneur, slot, dueAt } = await scenario([6_000, 7_500]);
    await book(app, entrepreneur, mentor.id, slot(0));
    await waitFor(() => inbox(app, entrepreneur), (items) => items.length === 1, 5_000);
    await worker.kill('SIGKILL');
    const raw = new Redis(redis.url);
    try {
      await raw.flushall();
      expect(await raw.dbsize()).toBe(0);
    } finally {
      raw.disconnect();
    }
    await worker.start();
    // A worker cannot deliver before it is back: on a loaded machine its restart may outlast a due time.
    const backAt = Date.now();

    const done = await waitFor(() => reminders(app, entrepreneur), (items) => items.length === 2, 15_000);
    const arrived = done.map((n) => Date.parse(n.createdAt)).sort();
    arrived.forEach((at, i) => {
      expect(at).toBeGreaterThanOrEqual(dueAt[i]);
      expect(at).toBeLessThan(Math.max(dueAt[i], backAt) + SLACK_MS);
    });
    expect(await reminders(app, mentor)).toHaveLength(2);
    const mails = await waitFor(async () => smtp.to(entrepreneur.email), (m) => m.length === 3, 5_000);
    expect(mails.filter((m) => m.type === 'consultation.reminder')).toHaveLength(2);
  }, 2 * WORKER_READY_MS);
});
