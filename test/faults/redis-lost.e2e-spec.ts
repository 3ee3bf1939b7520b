import { format } from 'node:util';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { DISPATCH_QUEUE, Notification, NotificationDelivery, RECONCILE_SCHEDULER_ID, dispatchJobId } from '@pendamping/notifications';
import { loadConfig } from '@pendamping/platform';
import { WORKSHOP_JOBS_QUEUE } from '@pendamping/workshops';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { sleep, startSmtp, waitFor } from '../support/notification-fixtures';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { workerDatabase } from '../support/scratch-database';
import { TestApp, type Response, type Session } from '../support/test-app';
import { testEnv } from '../support/test-env';
import { setWallClock } from '../support/wall-clock';

// Fault: Redis is killed mid-flow and comes back empty (no RDB, no AOF), while people book and reminders
// fall due. Real api, real worker (in this process, never restarted), a private redis-server, SMTP on
// loopback. MySQL decides what is sent; the worker must notice the loss and rebuild the queues itself.

const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

/** A mentor's hours from `T` (a whole minute) for 30 minutes, in a zone where `T` is around noon (one day). */
function hoursFrom(T: number) {
  const utcHour = new Date(T).getUTCHours();
  const shift = ((12 - utcHour + 36) % 24) - 12;
  const timezone = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
  const local = DateTime.fromMillis(T, { zone: timezone });
  return { timezone, slotMinutes: 10, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 7, weekly: everyDay(local.toFormat('HH:mm'), local.plus({ minutes: 30 }).toFormat('HH:mm')) };
}

/** Console and stderr of this process (the api and the worker run in it), for ioredis's complaints. */
function captureOutput() {
  const lines: string[] = [];
  const { error, warn } = console;
  const write = process.stderr.write.bind(process.stderr);
  console.error = (...args: unknown[]) => {
    lines.push(format(...args));
    error(...args);
  };
  console.warn = (...args: unknown[]) => {
    lines.push(format(...args));
    warn(...args);
  };
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    lines.push(chunk.toString());
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  return {
    lines,
    restore() {
      Object.assign(console, { error, warn });
      process.stderr.write = write;
    },
  };
}

describe('fault: Redis lost (killed, restarted without its data) while people book and reminders fall due', () => {
  let redis: PrivateRedis;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  let api: TestApp | undefined;
  let worker: TestingModule | undefined;
  let output: ReturnType<typeof captureOutput>;
  // The first test's timeline starts when the api starts: its reminder offsets are chosen for it.
  let t0: number;
  let T: number;

  beforeAll(async () => {
    // Daytime in Jakarta (no quiet hours), here and in the worker, which runs in this process.
    setWallClock('10:00');
    output = captureOutput();
    [redis, smtp, database] = await Promise.all([startPrivateRedis(), startSmtp(), workerDatabase('faults_redis')]);
    // The slot T is 40-100 s away; the offsets put the reminders 12, 16 and 23 s after t0.
    t0 = Date.now();
    T = Math.ceil((t0 + 40_000) / 60_000) * 60_000;
    const offsets = [12_000, 16_000, 23_000].map((d) => Math.round((T - t0 - d) / 1000));
    const env = { REDIS_URL: redis.url, DATABASE_URL: database.url, SMTP_URL: smtp.url, REMINDER_OFFSETS: offsets.map((o) => `${o}s`).join(',') };
    api = await TestApp.start(env);
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig({ ...testEnv(), ...env }))] }).compile();
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    output?.restore();
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('every confirmation and reminder arrives once, no worker restart; a booking is 201 (its retry the same booking) or a clean 503', async () => {
    // From t0: bookings, a reminder due at 12 s, Redis killed at 14 s (bookings in flight, more while it is
    // away), a reminder due at 16 s, Redis back empty at 19 s, a reminder due at 23 s (its job was lost
    // with Redis).
    const app = api!;
    const [killAt, restartAt] = [t0 + 14_000, t0 + 19_000];

    // One mentor per booking, all at T, so every booking has the same reminder times.
    const before = 4;
    const during = 6;
    const after = 3;
    const people = await app.newEntrepreneurs(before + during + after);
    const mentors = await app.newMentors(people.length);
    for (const mentor of mentors) expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: hoursFrom(T) })).status).toBe(200);

    const start = new Date(T).toISOString();
    const book = (i: number): Promise<Response> =>
      app.request('POST', '/api/consultations', { token: people[i].token, body: { mentorId: mentors[i].id, start, topic: 'perizinan' }, headers: { 'idempotency-key': `fault-redis-${i}` } });
    const db = app.app.get(DataSource);
    const storedFor = (who: Session) => db.getRepository(Consultation).findBy({ entrepreneurId: who.id });
    const answers = new Map<number, Response[]>();
    const record = (i: number, res: Response) => answers.set(i, [...(answers.get(i) ?? []), res]);

    // Before: plain bookings, confirmations go out.
    for (let i = 0; i < before; i++) record(i, await book(i));
    await sleep(killAt - Date.now());

    // Redis dies with bookings in flight, and more come while it is away.
    const inFlight = Array.from({ length: during / 2 }, (_, k) => before + k).map(async (i) => record(i, await book(i)));
    await sleep(5);
    await redis.stop();
    await Promise.all(inFlight);
    for (let i = before + during / 2; i < before + during; i++) record(i, await book(i));
    // Each one that got an answer is asked again with the same key, still during the outage.
    for (let i = before; i < before + during; i++) {
      const first = answers.get(i)![0];
      if (first.status === 503) expect(await storedFor(people[i])).toEqual([]);
      record(i, await book(i));
    }
    await sleep(restartAt - Date.now());

    // Back, empty. The same keys once more, then new bookings.
    await redis.start();
    const restartedAt = Date.now();
    for (let i = before; i < before + during; i++) record(i, await waitFor(() => book(i), (r) => r.status !== 503, 5_000));
    for (let i = before + during; i < people.length; i++) record(i, await book(i));

    // Every answer: 201 or a clean 503; never a 500. Once booked, every retry answers the same booking.
    for (const [i, list] of answers) {
      for (const res of list) expect([201, 503]).toContain(res.status);
      const booked = list.filter((r) => r.status === 201);
      expect(booked.length).toBeGreaterThan(0);
      expect(new Set(booked.map((r) => r.body.id))).toEqual(new Set([booked[0].body.id]));
      expect((await storedFor(people[i])).map((c) => c.id)).toEqual([booked[0].body.id]);
    }

    // Wait for everything due to have gone out: in the inbox (dispatched) and by email (sent).
    const consultationIds = [...answers.values()].map((list) => list.find((r) => r.status === 201)!.body.id as string);
    const state = async () => {
      const notifications = await db.getRepository(Notification).findBy({ subjectId: In(consultationIds) });
      const deliveries = await db.getRepository(NotificationDelivery).findBy({ notificationId: In(notifications.map((n) => n.id)), channel: 'email' });
      return { notifications, deliveries };
    };
    const settled = await waitFor(
      state,
      ({ notifications, deliveries }) =>
        Date.now() > t0 + 24_000 &&
        notifications.every((n) => n.state === 'dispatched' || n.dueAt.getTime() > Date.now()) &&
        deliveries.length === notifications.filter((n) => n.state === 'dispatched').length &&
        deliveries.every((d) => d.status === 'sent'),
      30_000,
    );
    const sent = settled.notifications.filter((n) => n.state === 'dispatched');
    const overdue = settled.notifications.filter((n) => n.state !== 'dispatched' && n.dueAt.getTime() <= Date.now());
    expect(overdue.map((n) => `${n.type} due ${n.dueAt.toISOString()}: ${n.state}`)).toEqual([]);
    // Two confirmations per booking (entrepreneur, mentor), and reminders from before the outage to after it.
    expect(sent.filter((n) => n.type === 'consultation.booked')).toHaveLength(2 * people.length);
    const reminders = sent.filter((n) => n.type === 'consultation.reminder');
    expect(reminders.some((n) => n.dueAt.getTime() < killAt)).toBe(true);
    expect(reminders.some((n) => n.dueAt.getTime() > killAt && n.dueAt.getTime() < restartedAt)).toBe(true);
    expect(reminders.some((n) => n.dueAt.getTime() > restartedAt)).toBe(true);

    // By email: each of them exactly once, to its own reader.
    await sleep(1_000); // a duplicate would come right after the first
    const emailOf = new Map([...people, ...mentors].map((s) => [s.id, s.email]));
    const mails = smtp.received.filter((m) => sent.some((n) => n.id === m.notificationId));
    expect(mails.map((m) => `${m.notificationId} ${m.to}`).sort()).toEqual(sent.map((n) => `${n.id} ${emailOf.get(n.userId)}`).sort());

    expect(output.lines.filter((line) => line.includes('Unhandled error event'))).toEqual([]);
  }, 60_000);

  it('a FLUSHALL (no reconnect to notice) is found by the marker within seconds: job schedulers and waiting reminder jobs are back', async () => {
    const app = api!;
    // A slot 20 minutes after T: its reminders wait in Redis for the rest of the test.
    const later = T + 20 * 60_000;
    const [mentor] = await app.newMentors(1);
    const [person] = await app.newEntrepreneurs(1);
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: hoursFrom(later) })).status).toBe(200);
    const booked = await app.post('/api/consultations', { mentorId: mentor.id, start: new Date(later).toISOString(), topic: 'perizinan' }, person.token);
    expect(booked.status).toBe(201);
    const waiting = await app.app.get(DataSource).getRepository(Notification).findBy({ subjectId: booked.body.id, type: 'consultation.reminder', state: 'scheduled' });
    expect(waiting).toHaveLength(6); // three offsets, two people

    const connection = { url: redis.url } as never;
    const notifications = new Queue(DISPATCH_QUEUE, { connection, prefix: testEnv().REDIS_PREFIX });
    const workshops = new Queue(WORKSHOP_JOBS_QUEUE, { connection, prefix: testEnv().REDIS_PREFIX });
    const raw = new Redis(redis.url);
    try {
      const present = async () => ({
        jobs: (await Promise.all(waiting.map((n) => notifications.getJob(dispatchJobId(n.id))))).filter(Boolean).length,
        reconcile: Boolean(await notifications.getJobScheduler(RECONCILE_SCHEDULER_ID)),
        heldSeats: (await workshops.getJobSchedulersCount()) > 0,
      });
      expect(await present()).toEqual({ jobs: 6, reconcile: true, heldSeats: true });
      // In one transaction: the worker writes again within moments.
      const [, [, size]] = (await raw.multi().flushall().dbsize().exec()) as [unknown, [unknown, number]];
      expect(size).toBe(0);
      const back = await waitFor(present, (p) => p.jobs === 6 && p.reconcile && p.heldSeats, 12_000);
      expect(back).toEqual({ jobs: 6, reconcile: true, heldSeats: true });
    } finally {
      raw.disconnect();
      await Promise.all([notifications.close(), workshops.close()]);
    }
  }, 30_000);
});
