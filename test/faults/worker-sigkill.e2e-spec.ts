import { createConnection } from 'mysql2/promise';
import { DataSource, In } from 'typeorm';
import { Notification, NotificationDelivery } from '@pendamping/notifications';
import { fakeWhatsApp, WHATSAPP_TOKEN } from '../support/fake-whatsapp';
import { WORKER_READY_MS, WorkerProcess, startSmtp, waitFor } from '../support/notification-fixtures';
import { startPrivateRedis } from '../support/private-redis';
import { workerDatabase } from '../support/scratch-database';
import { TestApp, type Session } from '../support/test-app';
import { setWallClock } from '../support/wall-clock';

// The real worker process SIGKILLed while its WhatsApp messages wait at the provider (a fake WhatsApp
// provider on loopback, holding each request unanswered), then started again. The email side of the same
// fault is in notifications-reminders ("worker SIGKILLed while emails are in the SMTP transaction").

describe('fault: worker SIGKILLed mid-job on the WhatsApp channel', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let wa: Awaited<ReturnType<typeof fakeWhatsApp>>;
  let worker: WorkerProcess;
  let app: TestApp;

  beforeAll(async () => {
    // Daytime in Jakarta (no quiet hours), here and in the worker.
    setWallClock('10:00');
    [redis, smtp, wa, database] = await Promise.all([startPrivateRedis(), startSmtp(), fakeWhatsApp(), workerDatabase('worker_sigkill')]);
    const env = { REDIS_URL: redis.url, SMTP_URL: smtp.url, DATABASE_URL: database.url, WHATSAPP_API_URL: wa.url, WHATSAPP_TOKEN };
    worker = new WorkerProcess(env);
    [app] = await Promise.all([TestApp.start(env), worker.start()]);
  }, WORKER_READY_MS + 30_000);
  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await app?.close();
    await wa?.close();
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('each registration message interrupted at the provider goes out once after the restart, none twice', async () => {
    const admin = await app.newUser(['admin']);
    const phones = ['0812-5550-0001', '0812-5550-0002', '0812-5550-0003'];
    const people: Session[] = [];
    for (const phone of phones) people.push(await app.newEntrepreneur({ phone }));
    const start = new Date(Date.now() + 3 * 86_400_000);
    const body = { title: 'Pembukuan Sederhana', description: 'Praktik.', topic: 'keuangan', capacity: 10, speakerIds: [], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] };
    const created = await app.post('/api/workshops', body, admin.token);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);

    wa.hold();
    for (const who of people) expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, who.token)).status).toBe(201);
    // The worker's requests reach the provider and wait there for an answer; it dies meanwhile.
    await waitFor(async () => wa.held(), (n) => n === people.length, 15_000);
    expect(wa.held()).toBe(people.length);
    await worker.kill('SIGKILL');
    await waitFor(async () => wa.dropped.length, (n) => n === people.length, 5_000);
    wa.release();
    expect(wa.accepted).toEqual([]);
    await worker.start();

    const db = app.app.get(DataSource);
    const notifications = await db.getRepository(Notification).findBy({ userId: In(people.map((p) => p.id)), type: 'workshop.registered' });
    expect(notifications).toHaveLength(people.length);
    const sent = await waitFor(
      () => db.getRepository(NotificationDelivery).findBy({ notificationId: In(notifications.map((n) => n.id)), channel: 'whatsapp' }),
      (d) => d.length === people.length && d.every((x) => x.status === 'sent'),
      30_000,
    );
    expect(sent.map((d) => [d.status, d.attempts])).toEqual(people.map(() => ['sent', 2])); // the interrupted attempt, then one more
    // A duplicate would come right after the first.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(wa.accepted.map((a) => a.to).sort()).toEqual(phones.map((p) => `62${p.replace(/\D/g, '').slice(1)}`).sort());
    expect(wa.malformed).toEqual([]);
  }, 2 * WORKER_READY_MS);

  it('a dispatch killed inside its transaction (its delivery rows waiting on a row lock) is done once after the restart: one inbox entry, one delivery per channel, one message', async () => {
    const admin = await app.newUser(['admin']);
    const phone = '0812-5550-0009';
    const person = await app.newEntrepreneur({ phone });
    const start = new Date(Date.now() + 4 * 86_400_000);
    const body = { title: 'Foto Produk', description: 'Praktik.', topic: 'pemasaran', capacity: 10, speakerIds: [], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] };
    const created = await app.post('/api/workshops', body, admin.token);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    const acceptedBefore = wa.accepted.length;

    // Another session holds the gap at the end of the delivery table's index (ids are time-ordered, so the
    // next notification's rows go there): the worker's dispatch locks the notification, marks it dispatched
    // and then waits, inside its transaction, to write the delivery rows. It dies there.
    const blocker = await createConnection(database.url);
    try {
      await blocker.query('START TRANSACTION');
      await blocker.query("SELECT id FROM notification_deliveries WHERE notificationId > (SELECT COALESCE(MAX(id), '') FROM notifications) FOR UPDATE");
      expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, person.token)).status).toBe(201);
      await waitFor(
        async () => ((await blocker.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'INSERT INTO notification_deliveries%'")) as unknown as [{ n: number }[]])[0][0].n,
        (n) => Number(n) === 1,
        20_000,
      );
      await worker.kill('SIGKILL');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const db = app.app.get(DataSource);
    const [notification] = await db.getRepository(Notification).findBy({ userId: person.id, type: 'workshop.registered' });
    // The killed transaction rolled back: not dispatched, no delivery row.
    expect((await db.getRepository(Notification).findOneByOrFail({ id: notification.id })).state).not.toBe('dispatched');
    expect(await db.getRepository(NotificationDelivery).countBy({ notificationId: notification.id })).toBe(0);

    await worker.start();
    const deliveries = await waitFor(
      () => db.getRepository(NotificationDelivery).findBy({ notificationId: notification.id }),
      (d) => d.some((x) => x.channel === 'whatsapp' && x.status === 'sent'),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await db.getRepository(NotificationDelivery).findBy({ notificationId: notification.id })).map((d) => d.channel).sort()).toEqual(['email', 'in_app', 'whatsapp']);
    expect(deliveries.find((d) => d.channel === 'whatsapp')!.attempts).toBe(1);
    expect(wa.accepted.slice(acceptedBefore).map((a) => a.to)).toEqual([`62${phone.replace(/\D/g, '').slice(1)}`]);
    expect((await app.get('/api/notifications', person.token)).body.items.filter((n: { type: string }) => n.type === 'workshop.registered')).toHaveLength(1);
  }, 2 * WORKER_READY_MS);
});
