import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DELIVERY_QUEUE, Notification, NotificationDelivery } from '@pendamping/notifications';
import { Clock, loadConfig } from '@pendamping/platform';
import { WORKSHOP_JOBS_QUEUE, WorkshopJobsProcessor } from '@pendamping/workshops';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { TestApp, type Session } from './support/test-app';
import { testEnv } from './support/test-env';
import { fakeWhatsApp, WHATSAPP_TOKEN as TOKEN } from './support/fake-whatsapp';
import { sleep, startSmtp, waitFor } from './support/notification-fixtures';
import { workerDatabase } from './support/scratch-database';
import { msUntilWib, setWallClock } from './support/wall-clock';

describe('notification channels, inbox and admin (fake WhatsApp provider, SMTP on loopback)', () => {
  const prefix = `${testEnv().REDIS_PREFIX}-notif`;
  let wa: Awaited<ReturnType<typeof fakeWhatsApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  let env: Record<string, string>;
  let app: TestApp;
  let worker: TestingModule;
  let admin: Session;

  beforeAll(async () => {
    // Daytime in Jakarta, whenever the suite runs. The quiet-hours tests move the clock on to 22:00, less
    // than the 12 h a token lasts.
    setWallClock('14:00');
    [wa, smtp, database] = await Promise.all([fakeWhatsApp(), startSmtp(), workerDatabase('channels')]);
    env = { REDIS_PREFIX: prefix, DATABASE_URL: database.url, WHATSAPP_API_URL: wa.url, WHATSAPP_TOKEN: TOKEN, SMTP_URL: smtp.url, REMINDER_OFFSETS: '3s,1s' };
    app = await TestApp.start(env);
    // The real worker module in this process: it shares the api's wall clock.
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig({ ...testEnv(), ...env }))] }).compile();
    await worker.init();
    admin = await app.newUser(['admin']);
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await wa?.close();
    await smtp?.close();
    await database?.drop();
  });

  const db = () => app.app.get(DataSource);
  async function workshop(sessions: { start: Date; end: Date }[]): Promise<{ id: string; sessionIds: string[] }> {
    const body = { title: 'Foto Produk dengan Ponsel', description: 'Praktik.', topic: 'pemasaran', capacity: 10, speakerIds: [], sessions };
    const created = await app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    return { id: created.body.id, sessionIds: created.body.sessions.map((s: { id: string }) => s.id) };
  }
  const later = (ms: number, minutes = 60) => ({ start: new Date(Date.now() + ms), end: new Date(Date.now() + ms + minutes * 60_000) });
  const register = async (id: string, who: Session) => expect((await app.post(`/api/workshops/${id}/registrations`, undefined, who.token)).status).toBe(201);
  const deliveries = async (userId: string, channel: string, type?: string) =>
    db()
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.notification', Notification, 'n', 'n.id = d.notificationId')
      .where('n.userId = :userId AND d.channel = :channel', { userId, channel })
      .andWhere(type ? 'n.type = :type' : '1=1', { type })
      .getMany();
  /** Waiting for 06:00 WIB the next morning: the record says so, and its job is delayed until then. */
  async function expectHeldUntilMorning(d: NotificationDelivery) {
    expect(d.status).toBe('pending');
    expect(d.notBefore.toISOString()).toBe(new Date(Date.now() + msUntilWib('06:00', Date.now())).toISOString());
    // The job is added just after the record's commit.
    const queue = worker.get<Queue>(getQueueToken(DELIVERY_QUEUE));
    const job = await waitFor(() => queue.getJob(`d-${d.notificationId}-${d.channel}`), Boolean, 5_000);
    expect(await job?.getState()).toBe('delayed');
  }
  const phoneOf = async (who: Session) => (await app.get('/api/me', who.token)).body.phone.replace('+', '') as string;

  it('WhatsApp goes out in the Cloud API template shape; a 5xx is retried and then delivered', async () => {
    const [person] = [await app.newEntrepreneur({ phone: '0812-1111-2222' })];
    const phone = await phoneOf(person);
    wa.script.set(phone, [503]);
    const { id } = await workshop([later(86_400_000)]);
    await register(id, person);
    const sent = await waitFor(() => deliveries(person.id, 'whatsapp'), (d) => d[0]?.status === 'sent', 10_000);
    expect(sent.map((d) => [d.status, d.attempts])).toEqual([['sent', 2]]);
    const requests = wa.to(phone);
    expect(requests).toHaveLength(2);
    expect(requests[1].template.name).toBe('pendamping_workshop_registered');
    expect(requests[1].template.language.code).toBe('id');
    expect(requests[1].template.components[0].parameters.map((p) => p.text)).toEqual([
      'Foto Produk dengan Ponsel',
      expect.stringMatching(/^\w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB$/),
      `http://localhost:3000/workshops/${id}`,
    ]);
    expect(wa.malformed).toEqual([]);
  });

  it('a 4xx from the provider is not retried: the delivery fails, admins see it in the failed list and can retry it', async () => {
    const person = await app.newEntrepreneur({ phone: '0812-3333-4444' });
    const phone = await phoneOf(person);
    wa.script.set(phone, [400]);
    const { id } = await workshop([later(86_400_000)]);
    await register(id, person);
    const failed = await waitFor(() => deliveries(person.id, 'whatsapp'), (d) => d[0]?.status === 'failed', 10_000);
    expect(failed[0].lastError).toContain('400');
    await sleep(2_500); // past the first backoff (1 s): no second request
    expect(wa.to(phone)).toHaveLength(1);

    expect((await app.get('/api/admin/notification-deliveries', person.token)).status).toBe(403);
    const list = await app.get('/api/admin/notification-deliveries?limit=100', admin.token);
    expect(list.status).toBe(200);
    const row = list.body.items.find((d: { id: string }) => d.id === failed[0].id);
    expect(row).toMatchObject({ channel: 'whatsapp', status: 'failed', userId: person.id, recipientName: 'Siti Aminah', recipientAddress: '+6281233334444', type: 'workshop.registered', attempts: 1 });

    const retried = await app.post(`/api/admin/notification-deliveries/${row.id}/retry`, undefined, admin.token);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    await waitFor(() => deliveries(person.id, 'whatsapp'), (d) => d[0]?.status === 'sent', 10_000);
    expect(wa.to(phone)).toHaveLength(2);
    expect((await app.post(`/api/admin/notification-deliveries/${row.id}/retry`, undefined, admin.token)).body.code).toBe('NOT_FAILED');
  });

  it('a second job for a delivered notification and channel sends nothing (the delivery record)', async () => {
    const person = await app.newEntrepreneur({ phone: '0812-5555-6666' });
    const phone = await phoneOf(person);
    const { id } = await workshop([later(86_400_000)]);
    await register(id, person);
    const [sent] = await waitFor(() => deliveries(person.id, 'whatsapp'), (d) => d[0]?.status === 'sent', 10_000);
    const queue = worker.get<Queue>(getQueueToken(DELIVERY_QUEUE));
    await queue.add('deliver', { notificationId: sent.notificationId, channel: 'whatsapp' }, { jobId: `duplicate-${sent.notificationId}` });
    await waitFor(async () => (await queue.getJob(`duplicate-${sent.notificationId}`))?.finishedOn, Boolean, 5_000);
    expect(wa.to(phone)).toHaveLength(1);
  });

  it('session reminders: one per session and offset on registration; a time change moves them; leaving removes them', async () => {
    const person = await app.newEntrepreneur({ phone: '0812-7777-8888' });
    const { id, sessionIds } = await workshop([later(5_000, 30), later(2 * 3_600_000)]);
    await register(id, person);
    const rows = () => db().getRepository(Notification).find({ where: { userId: person.id, type: 'workshop.session.reminder' }, order: { dueAt: 'ASC' } });
    expect((await rows()).map((n) => [n.refId, n.payload.offsetMs])).toEqual([
      [sessionIds[0], 3_000],
      [sessionIds[0], 1_000],
      [sessionIds[1], 3_000],
      [sessionIds[1], 1_000],
    ]);
    const arrived = await waitFor(async () => (await rows()).filter((n) => n.state === 'dispatched'), (d) => d.length === 2, 10_000);
    expect(arrived.map((n) => n.refId)).toEqual([sessionIds[0], sessionIds[0]]);
    const inbox = (await app.get('/api/notifications', person.token)).body.items;
    expect(inbox[0]).toMatchObject({ type: 'workshop.session.reminder', ref: { kind: 'workshop_session', id: sessionIds[0] } });
    expect(inbox[0].path).toBe(`/workshops/${id}/sessions/${sessionIds[0]}`);

    // Move the second session a day later: its reminders are replaced by ones for the new time.
    const current = (await app.get(`/api/workshops/${id}`, admin.token)).body.sessions as { id: string; start: string; end: string }[];
    const moved = { id: sessionIds[1], start: new Date(Date.parse(current[1].start) + 86_400_000).toISOString(), end: new Date(Date.parse(current[1].end) + 86_400_000).toISOString() };
    expect((await app.request('PATCH', `/api/workshops/${id}`, { token: admin.token, body: { sessions: [current[0], moved] } })).status).toBe(200);
    const afterMove = (await rows()).filter((n) => n.refId === sessionIds[1]);
    expect(afterMove.filter((n) => n.state === 'scheduled').map((n) => n.dueAt.getTime())).toEqual([Date.parse(moved.start) - 3_000, Date.parse(moved.start) - 1_000]);
    expect(afterMove.filter((n) => n.state === 'cancelled')).toHaveLength(2);
    const told = await waitFor(() => app.get('/api/notifications', person.token), (r) => r.body.items.some((n: { type: string }) => n.type === 'workshop.changed'), 5_000);
    expect(told.body.items.map((n: { type: string }) => n.type)).toContain('workshop.changed');

    expect((await app.request('DELETE', `/api/workshops/${id}/registrations/me`, { token: person.token })).status).toBe(204);
    expect((await rows()).filter((n) => n.state === 'scheduled')).toEqual([]);
  });

  it('inbox: newest first, ?unread=true, mark as read (204, twice is fine), someone else’s is 404', async () => {
    const [person, stranger] = await app.newEntrepreneurs(2);
    const { id } = await workshop([later(86_400_000)]);
    await register(id, person);
    expect((await app.post(`/api/workshops/${id}/cancel`, { reason: 'Narasumber berhalangan' }, admin.token)).status).toBe(200);
    const items = (await waitFor(() => app.get('/api/notifications', person.token), (r) => r.body.items.length === 2, 5_000)).body.items;
    expect(items.map((n: { type: string }) => n.type)).toEqual(['workshop.cancelled', 'workshop.registered']);
    expect(items[0]).toMatchObject({ ref: { kind: 'workshop', id }, readAt: null, title: 'Workshop dibatalkan' });
    expect(items[0].body).toContain('Narasumber berhalangan');

    expect((await app.post(`/api/notifications/${items[0].id}/read`, undefined, stranger.token)).status).toBe(404);
    expect((await app.post(`/api/notifications/${items[0].id}/read`, undefined, person.token)).status).toBe(204);
    expect((await app.post(`/api/notifications/${items[0].id}/read`, undefined, person.token)).status).toBe(204);
    const unread = (await app.get('/api/notifications?unread=true', person.token)).body.items;
    expect(unread.map((n: { id: string }) => n.id)).toEqual([items[1].id]);
    expect((await app.get('/api/notifications?unread=maybe', person.token)).status).toBe(400);
  });

  it('preferences: defaults, English messages, WhatsApp off means no WhatsApp delivery; inApp cannot be switched off', async () => {
    const person = await app.newEntrepreneur({ phone: '0812-9999-0000' });
    expect((await app.get('/api/me/notification-preferences', person.token)).body).toEqual({ email: true, whatsapp: true, inApp: true, locale: 'id' });
    const off = await app.request('PUT', '/api/me/notification-preferences', { token: person.token, body: { email: true, whatsapp: false, inApp: false, locale: 'en' } });
    expect(off.status).toBe(400);
    const put = await app.request('PUT', '/api/me/notification-preferences', { token: person.token, body: { email: false, whatsapp: false, inApp: true, locale: 'en' } });
    expect(put.body).toEqual({ email: false, whatsapp: false, inApp: true, locale: 'en' });
    const { id } = await workshop([later(86_400_000)]);
    await register(id, person);
    const [n] = (await waitFor(() => app.get('/api/notifications', person.token), (r) => r.body.items.length === 1, 5_000)).body.items;
    expect(n.title).toBe('Workshop registration confirmed');
    expect(n.body).toMatch(/at \d\d:\d\d WIB/);
    expect((await deliveries(person.id, 'whatsapp')).length).toBe(0);
    expect((await deliveries(person.id, 'in_app')).map((d) => d.status)).toEqual(['sent']);
  });

  it('quiet hours: a booking at 22:00 WIB gets its email and WhatsApp confirmation at once; the mentor’s copy waits until 06:00 WIB', async () => {
    const restoreClock = setWallClock('22:00');
    try {
      const mentor = await app.newUser(['mentor']);
      const availability = { timezone: 'Asia/Jakarta', slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 7, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })) };
      expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: availability })).status).toBe(200);
      const person = await app.newEntrepreneur({ phone: '0812-2468-1357' });
      const phone = await phoneOf(person);
      const tomorrowAtTen = new Date(Date.now() + msUntilWib('10:00', Date.now())).toISOString();
      const booked = await app.post('/api/consultations', { mentorId: mentor.id, start: tomorrowAtTen, topic: 'perizinan' }, person.token);
      expect(booked.status).toBe(201);

      for (const channel of ['email', 'whatsapp']) {
        const sent = await waitFor(() => deliveries(person.id, channel, 'consultation.booked'), (d) => d[0]?.status === 'sent', 10_000);
        expect(sent.map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);
      }
      expect(smtp.to(person.email).map((m) => m.type)).toEqual(['consultation.booked']);
      expect(wa.to(phone).map((r) => r.template.name)).toEqual(['pendamping_consultation_booked']);

      // The mentor did not just book anything: their email waits for the morning.
      const [held] = await waitFor(() => deliveries(mentor.id, 'email', 'consultation.booked'), (d) => d.length === 1, 5_000);
      await expectHeldUntilMorning(held);
      expect((await app.get('/api/notifications', mentor.token)).body.items.map((n: { type: string }) => n.type)).toEqual(['consultation.booked']);
      expect(smtp.to(mentor.email)).toEqual([]);
    } finally {
      restoreClock();
    }
  });

  it('quiet hours: a registration at 22:00 WIB is confirmed on WhatsApp at once; an admin’s change of the workshop waits until 06:00 WIB', async () => {
    const restoreClock = setWallClock('22:00');
    try {
      const person = await app.newEntrepreneur({ phone: '0812-1357-2468' });
      const phone = await phoneOf(person);
      const { id } = await workshop([later(3 * 86_400_000)]);
      await register(id, person);
      await waitFor(() => deliveries(person.id, 'whatsapp', 'workshop.registered'), (d) => d[0]?.status === 'sent', 10_000);
      expect(wa.to(phone).map((r) => r.template.name)).toEqual(['pendamping_workshop_registered']);

      const sessions = (await app.get(`/api/workshops/${id}`, admin.token)).body.sessions as { id: string; start: string; end: string }[];
      const hourLater = sessions.map((x) => ({ id: x.id, start: new Date(Date.parse(x.start) + 3_600_000).toISOString(), end: new Date(Date.parse(x.end) + 3_600_000).toISOString() }));
      expect((await app.request('PATCH', `/api/workshops/${id}`, { token: admin.token, body: { sessions: hourLater } })).status).toBe(200);
      const [held] = await waitFor(() => deliveries(person.id, 'whatsapp', 'workshop.changed'), (d) => d.length === 1, 5_000);
      await expectHeldUntilMorning(held);
      expect((await app.get('/api/notifications', person.token)).body.items.map((n: { type: string }) => n.type)).toEqual(['workshop.changed', 'workshop.registered']);
      expect(wa.to(phone)).toHaveLength(1);
    } finally {
      restoreClock();
    }
  });

  it('quiet hours: a session reminder due at 22:00 WIB is in the inbox at once; its email and WhatsApp wait until 06:00 WIB', async () => {
    const restoreClock = setWallClock('22:00');
    // An api that reminds two hours ahead: the reminder is for something that is not about to start.
    const early = await TestApp.start({ ...env, REMINDER_OFFSETS: '2h' });
    try {
      const person = await app.newEntrepreneur({ phone: '0812-8642-9753' });
      const { id } = await workshop([later(2 * 3_600_000 + 5_000)]); // its reminder is due in 5 s
      expect((await early.post(`/api/workshops/${id}/registrations`, undefined, person.token)).status).toBe(201);
      const reminder = await waitFor(() => app.get('/api/notifications', person.token), (r) => r.body.items.some((n: { type: string }) => n.type === 'workshop.session.reminder'), 10_000);
      expect(reminder.body.items.map((n: { type: string }) => n.type)).toEqual(['workshop.session.reminder', 'workshop.registered']);
      for (const channel of ['email', 'whatsapp']) {
        const [held] = await waitFor(() => deliveries(person.id, channel, 'workshop.session.reminder'), (d) => d.length === 1, 5_000);
        await expectHeldUntilMorning(held);
      }
      const mails = await waitFor(async () => smtp.to(person.email), (m) => m.length > 0, 5_000);
      expect(mails.map((m) => m.type)).toEqual(['workshop.registered']);
    } finally {
      await early.close();
      restoreClock();
    }
  });

  it('held quota seats: a day before the session the worker gives them to the line, and the person moved up is told', async () => {
    // The session is 23 hours away; the api's clock is set two hours back while people register, so the
    // hold (until a day before) was still on then and is over now.
    // The worker's scheduler releases due seats every minute by its own (real) clock: paused while people
    // register, else it could open the seats before anyone waits, and the run below would find them released.
    const releaser = worker.get(WorkshopJobsProcessor).worker;
    await releaser.pause();
    const apiClock = app.app.get(Clock);
    apiClock.now = () => new Date(Date.now() - 2 * 3_600_000);
    let workshopId: string;
    const [seated, waiting] = [await app.newEntrepreneur(), await app.newEntrepreneur()];
    const statusOf = async (who: Session) => (await app.get(`/api/workshops/${workshopId}/registrations/me`, who.token)).body;
    try {
      // Capacity 2, one seat held for Kecamatan Gambir; two Tebet entrepreneurs: one seated, one waiting.
      const body = { title: 'Kemasan Produk', description: 'Kemasan yang menjual.', topic: 'produksi', capacity: 2, speakerIds: [], sessions: [later(23 * 3_600_000)], kecamatanQuotas: [{ kecamatanCode: '31.73.08', seats: 1 }] };
      const created = await app.post('/api/workshops', body, admin.token);
      expect(created.status).toBe(201);
      workshopId = created.body.id;
      expect((await app.post(`/api/workshops/${workshopId}/publish`, undefined, admin.token)).status).toBe(200);
      await register(workshopId, seated);
      await register(workshopId, waiting);
      expect(await statusOf(waiting)).toEqual({ status: 'waitlisted', position: 1 });
    } finally {
      apiClock.now = Clock.prototype.now;
      releaser.resume();
    }

    const jobs = worker.get<Queue>(getQueueToken(WORKSHOP_JOBS_QUEUE));
    expect(await jobs.getJobSchedulers()).toContainEqual(expect.objectContaining({ key: 'workshops-release-held-seats', every: 60_000 }));
    await jobs.add('release-held-seats', {}); // what the scheduler does every minute, now
    expect(await waitFor(() => statusOf(waiting), (r) => r.status === 'registered', 10_000)).toEqual({ status: 'registered' });
    const told = await waitFor(() => app.get('/api/notifications', waiting.token), (r) => r.body.items.some((n: { type: string }) => n.type === 'workshop.promoted'), 10_000);
    expect(told.body.items.map((n: { type: string }) => n.type)).toContain('workshop.promoted');
  });

  it('health reports queue counts; the bull-board dashboard is for admins only (bearer, or ?token= moved into a cookie)', async () => {
    const health = await app.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.queues.notifications).toEqual({ waiting: expect.any(Number), delayed: expect.any(Number), active: expect.any(Number), failed: expect.any(Number) });
    expect(health.body.queues['notification-deliveries'].delayed).toBeGreaterThanOrEqual(1); // the quiet-hours one

    const person = await app.newEntrepreneur();
    expect((await app.request('GET', '/api/admin/queues')).status).toBe(401);
    expect((await app.request('GET', `/api/admin/queues?token=${person.token}`)).status).toBe(403);
    const entry = await fetch(`${app.baseUrl}/api/admin/queues?token=${admin.token}`, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe('/api/admin/queues');
    const cookie = entry.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(`${app.baseUrl}/api/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/admin/queues');
    const queues = await app.request('GET', '/api/admin/queues/api/queues', { token: admin.token });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['notification-deliveries', 'notifications']);
  });
});

