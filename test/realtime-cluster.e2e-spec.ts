import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Redis } from 'ioredis';
import { AppConfig, Clock, loadConfig, newId, RealtimePublisher, REDIS, socketIoRedisKey } from '@pendamping/platform';
import { RoomSocketCounts } from '@pendamping/realtime';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { FakeLiveKit } from './support/fake-livekit';
import { releaseTogether } from './support/race';
import { connect, eventually, next, ok, record, send, settle } from './support/realtime-client';
import { TestApp } from './support/test-app';
import { REDIS_URL, testEnv } from './support/test-env';
import { workerDatabase } from './support/scratch-database';

/** Two api nodes (separate Nest apps and ports) and a worker on one database and one Redis, as behind a load balancer. */
describe('realtime: several nodes', () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  let worker: INestApplicationContext;
  let livekit: FakeLiveKit;
  let database: Awaited<ReturnType<typeof workerDatabase>>;
  const sockets: Socket[] = [];
  const open = async (node: TestApp, token: string) => {
    const socket = await connect(node, token);
    sockets.push(socket);
    return socket;
  };
  // A database and a Redis prefix of its own, as every suite that starts a worker has: the run's other apps put
  // their notification jobs under the run's prefix, and this worker would take them (and its queues theirs).
  const clusterEnv = () => ({ DATABASE_URL: database.url, REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-cluster` });
  const startWorker = async (env: Record<string, string> = {}) => {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig({ ...testEnv(), ...clusterEnv(), ...env })), { logger: false });
    await context.init();
    return context;
  };

  beforeAll(async () => {
    database = await workerDatabase('cluster');
    livekit = await FakeLiveKit.start();
    const env = { ...clusterEnv(), LIVEKIT_URL: livekit.url };
    [nodeA, nodeB] = await Promise.all([TestApp.start(env), TestApp.start(env)]);
    worker = await startWorker();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await worker.close();
    await Promise.all([nodeA.close(), nodeB.close()]);
    await livekit.close();
    await database?.drop();
  });

  it('delivers a chat message sent on node A to the other participant connected to node B, exactly once', async () => {
    const mentor = await nodeA.newUser(['mentor']);
    const [entrepreneur] = await nodeA.newEntrepreneurs(1);
    const consultationId = newId();
    const start = new Date(Date.now() + 86_400_000);
    await nodeA.app.get(DataSource).getRepository(Consultation).insert({ id: consultationId, mentorId: mentor.id, entrepreneurId: entrepreneur.id, start, end: new Date(start.getTime() + 1_800_000), topic: 'keuangan', status: 'booked' });
    const onA = await open(nodeA, entrepreneur.token);
    const onB = await open(nodeB, mentor.token);
    await ok(onA, 'consultation:join', { consultationId });
    await ok(onB, 'consultation:join', { consultationId });

    const arrives = next(onB, 'consultation:message');
    const onBGot = record(onB, 'consultation:message');
    const sent = await ok(onA, 'consultation:message', { consultationId, clientMessageId: randomUUID(), body: 'Laporan keuangan bulan ini sudah saya kirim' });
    expect(await arrives).toEqual(sent);
    await settle(200);
    expect(onBGot).toEqual([sent]); // once, not once per node
    const typing = next(onA, 'consultation:typing');
    await ok(onB, 'consultation:typing', { consultationId });
    expect(await typing).toEqual({ consultationId, userId: mentor.id });
  });

  const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
  /** A mentor with 10-minute slots from `at` (a whole minute), in a zone where it is about noon then: never across midnight. */
  async function mentorOpenAt(at: number) {
    const mentor = await nodeA.newUser(['mentor']);
    const shift = ((12 - new Date(at).getUTCHours() + 36) % 24) - 12;
    const zone = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
    const local = DateTime.fromMillis(at, { zone });
    const availability = { timezone: zone, slotMinutes: 10, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 7, weekly: everyDay(local.toFormat('HH:mm'), local.plus({ minutes: 30 }).toFormat('HH:mm')) };
    expect((await nodeA.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: availability })).status).toBe(200);
    return mentor;
  }
  const book = (node: TestApp, who: { token: string }, mentorId: string, at: number) => node.post('/api/consultations', { mentorId, start: new Date(at).toISOString(), topic: 'permodalan' }, who.token);
  const ofType = (got: { type: string }[][], type: string) => got.map((g) => g.filter((n) => n.type === type).length);

  it('gives a slot contested through both nodes to exactly one entrepreneur, and the worker pushes the booking to the mentor on both nodes once', async () => {
    const at = Math.ceil((Date.now() + 2 * 3_600_000) / 60_000) * 60_000;
    const mentor = await mentorOpenAt(at);
    const racers = await nodeA.newEntrepreneurs(20);
    const [onA, onB] = [await open(nodeA, mentor.token), await open(nodeB, mentor.token)];
    const pushed = [record(onA, 'notification'), record(onB, 'notification')];
    // Half through each node, all inside the database together (each node's pool has room for all).
    const results = await releaseTogether('consultations', racers.length, () => Promise.all(racers.map((who, i) => book(i % 2 ? nodeB : nodeA, who, mentor.id, at))), database.url);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).map((r) => r.body.code)).toEqual(racers.slice(1).map(() => 'SLOT_TAKEN'));
    expect(await nodeB.app.get(DataSource).getRepository(Consultation).countBy({ mentorId: mentor.id })).toBe(1);
    // The worker writes her notification and publishes it through Redis: each of her devices gets it once.
    await eventually(() => ofType(pushed, 'consultation.booked').every((n) => n > 0), 15_000);
    await settle(300);
    expect(ofType(pushed, 'consultation.booked')).toEqual([1, 1]);
  }, 60_000);

  it('delivers a reminder once, to each device of the person on either node, though two api nodes exist', async () => {
    const at = Math.ceil((Date.now() + 25_000) / 60_000) * 60_000;
    const mentor = await mentorOpenAt(at);
    const [entrepreneur] = await nodeA.newEntrepreneurs(1);
    const [phone, laptop] = [await open(nodeA, entrepreneur.token), await open(nodeB, entrepreneur.token)];
    const got = [record(phone, 'notification'), record(laptop, 'notification')];
    // One reminder, 3 s from now, as REMINDER_OFFSETS would set it at start on both nodes (booking reads it).
    const configs = [nodeA, nodeB].map((node) => node.app.get(AppConfig));
    const offsets = configs.map((config) => config.reminderOffsetsMs);
    const offsetMs = Math.round((at - Date.now() - 3_000) / 1000) * 1000;
    configs.forEach((config) => Object.assign(config, { reminderOffsetsMs: [offsetMs] }));
    try {
      expect((await book(nodeB, entrepreneur, mentor.id, at)).status).toBe(201);
      await eventually(() => ofType(got, 'consultation.reminder').every((n) => n > 0), 20_000);
      await settle(500);
      expect(ofType(got, 'consultation.reminder')).toEqual([1, 1]);
      const inbox = (await nodeA.get('/api/notifications?limit=100', entrepreneur.token)).body.items as { type: string }[];
      expect(inbox.filter((n) => n.type === 'consultation.reminder')).toHaveLength(1);
    } finally {
      configs.forEach((config, i) => Object.assign(config, { reminderOffsetsMs: offsets[i] }));
    }
  }, 60_000);

  it('pushes a worker-side notification to every device of the user, on both nodes, and to nobody else', async () => {
    const [user, other] = await nodeA.newEntrepreneurs(2);
    const [phone, laptop, stranger] = await Promise.all([open(nodeA, user.token), open(nodeB, user.token), open(nodeB, other.token)]);
    const strangerGot = record(stranger, 'notification');
    const notification = { id: newId(), type: 'consultation.booked', title: 'Konsultasi terjadwal', body: 'Senin, 7 Desember 2026 pukul 10.00 WIB', ref: { kind: 'consultation', id: newId() }, createdAt: new Date().toISOString() };
    const arrivals = [next(phone, 'notification'), next(laptop, 'notification')];
    await worker.get(RealtimePublisher).toUser(user.id, 'notification', notification);
    expect(await Promise.all(arrivals)).toEqual([notification, notification]);
    await settle(200);
    expect(strangerGot).toEqual([]);
  });

  it('takes a removed attendee out of the live room on their node when a speaker removes them on another', async () => {
    const [admin, speaker] = [await nodeA.newUser(['admin']), await nodeA.newUser(['speaker'])];
    const [attendee] = await nodeA.newEntrepreneurs(1);
    const start = new Date(Date.UTC(2032, 5, 1, 2) + Math.floor(Math.random() * 1000) * 86_400_000);
    const body = { title: 'Kemasan Produk', description: 'Kemasan yang menjual.', topic: 'pemasaran', capacity: 10, speakerIds: [speaker.id], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] };
    const created = await nodeA.post('/api/workshops', body, admin.token);
    const [workshopId, sessionId] = [created.body.id as string, created.body.sessions[0].id as string];
    expect((await nodeA.post(`/api/workshops/${workshopId}/publish`, undefined, admin.token)).status).toBe(200);
    expect((await nodeA.post(`/api/workshops/${workshopId}/registrations`, undefined, attendee.token)).status).toBe(201);
    const clocks = [nodeA, nodeB].map((node) => node.app.get(Clock));
    clocks.forEach((clock) => (clock.now = () => new Date(start.getTime() + 5 * 60_000)));
    try {
      const [onB, host] = [await open(nodeB, attendee.token), await open(nodeB, speaker.token)];
      await ok(onB, 'workshop:join', { sessionId });
      await ok(host, 'workshop:join', { sessionId });
      const told = next(onB, 'workshop:removed');
      const removal = await nodeA.request('DELETE', `/api/workshops/${workshopId}/sessions/${sessionId}/participants/${attendee.id}`, { token: speaker.token });
      expect(removal.status).toBe(204);
      expect(await told).toEqual({ sessionId, code: 'REMOVED_FROM_ROOM' });

      const heard = record(onB, 'workshop:question');
      await ok(host, 'workshop:question', { sessionId, body: 'Siapa yang sudah punya merek?' });
      await settle(200);
      expect(heard).toEqual([]);
      expect(await send(onB, 'workshop:question', { sessionId, body: 'Saya masih di sini' })).toMatchObject({ ok: false, error: { code: 'REMOVED_FROM_ROOM' } });
    } finally {
      clocks.forEach((clock) => (clock.now = Clock.prototype.now));
    }
  });

  /** A published workshop whose one session is open on both nodes' clocks, with `attendees` registered. */
  async function liveWorkshop(attendees: number) {
    const [admin, speaker] = [await nodeA.newUser(['admin']), await nodeA.newUser(['speaker'])];
    const people = await nodeA.newEntrepreneurs(attendees);
    const start = new Date(Date.UTC(2033, 5, 1, 2) + Math.floor(Math.random() * 2000) * 86_400_000);
    const body = { title: 'Foto Produk', description: 'Foto produk dengan ponsel.', topic: 'pemasaran', capacity: 10, speakerIds: [speaker.id], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] };
    const created = await nodeA.post('/api/workshops', body, admin.token);
    const [workshopId, sessionId] = [created.body.id as string, created.body.sessions[0].id as string];
    expect((await nodeA.post(`/api/workshops/${workshopId}/publish`, undefined, admin.token)).status).toBe(200);
    for (const who of people) expect((await nodeA.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token)).status).toBe(201);
    for (const clock of [nodeA, nodeB].map((node) => node.app.get(Clock))) clock.now = () => new Date(start.getTime() + 5 * 60_000);
    return { admin, speaker, people, workshopId, sessionId };
  }
  const liveEvents = ['workshop:question', 'workshop:poll', 'workshop:poll:results', 'workshop:poll:closed', 'workshop:hand'];
  /** Everything of the live room a socket receives from now on. */
  const overhear = (socket: Socket) => liveEvents.map((event) => record(socket, event));

  describe('with the clocks in a session', () => {
    afterEach(() => [nodeA, nodeB].forEach((node) => (node.app.get(Clock).now = Clock.prototype.now)));

    it('takes a silent socket out of the live room on every node at once when its owner gives up her seat: no next question, poll or result', async () => {
      const { speaker, people: [leaver, other], workshopId, sessionId } = await liveWorkshop(2);
      // She listens on node B and sends nothing; she gives up her seat through node A.
      const [silent, bystander, host] = [await open(nodeB, leaver.token), await open(nodeB, other.token), await open(nodeA, speaker.token)];
      for (const socket of [silent, bystander, host]) await ok(socket, 'workshop:join', { sessionId });
      const told = next(silent, 'workshop:removed');
      expect((await nodeA.request('DELETE', `/api/workshops/${workshopId}/registrations/me`, { token: leaver.token })).status).toBe(204);
      expect(await told).toEqual({ sessionId, code: 'NOT_REGISTERED' });

      const heard = overhear(silent);
      const results = next(bystander, 'workshop:poll:results');
      await ok(host, 'workshop:question', { sessionId, body: 'Siapa yang sudah jualan online?' });
      const poll = await ok(host, 'workshop:poll:open', { sessionId, question: 'Sudah punya NIB?', options: ['Sudah', 'Belum'] });
      await ok(bystander, 'workshop:poll:vote', { pollId: poll.id, option: 0 });
      await results; // reached node B
      await settle(200);
      expect(heard).toEqual(liveEvents.map(() => []));
      expect(await send(silent, 'workshop:question', { sessionId, body: 'Masih bisa ikut?' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
    });

    it('empties the live room on every node at once when the workshop is called off: speakers and attendees, silent or not', async () => {
      const { admin, speaker, people: [listener], workshopId, sessionId } = await liveWorkshop(1);
      const [silent, host] = [await open(nodeB, listener.token), await open(nodeA, speaker.token)];
      for (const socket of [silent, host]) await ok(socket, 'workshop:join', { sessionId });
      const told = [next(silent, 'workshop:removed'), next(host, 'workshop:removed')];
      expect((await nodeA.post(`/api/workshops/${workshopId}/cancel`, { reason: 'Narasumber berhalangan' }, admin.token)).status).toBe(200);
      expect(await Promise.all(told)).toEqual([{ sessionId, code: 'NOT_OPEN' }, { sessionId, code: 'NOT_OPEN' }]);

      const heard = overhear(silent);
      expect(await send(host, 'workshop:question', { sessionId, body: 'Masih ada yang mendengar?' })).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
      await settle(200);
      expect(heard).toEqual(liveEvents.map(() => []));
      expect(await send(silent, 'workshop:hand', { sessionId, raised: true })).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
    });

    it("lowers a hand when the person's last socket on any node leaves, at once while another node does not answer (no node asks the others)", async () => {
      const { speaker, people: [person], sessionId } = await liveWorkshop(1);
      // A node that is restarting: subscribed to the adapter's requests, answering none.
      const stalled = new Redis(REDIS_URL);
      await stalled.subscribe(`${socketIoRedisKey(nodeA.app.get(AppConfig))}-request#/realtime#`);
      try {
        const [phone, laptop, host] = [await open(nodeA, person.token), await open(nodeB, person.token), await open(nodeA, speaker.token)];
        for (const socket of [phone, laptop, host]) await ok(socket, 'workshop:join', { sessionId });
        const raised = next(host, 'workshop:hand');
        await ok(phone, 'workshop:hand', { sessionId, raised: true });
        await raised;
        const seen = record(host, 'workshop:hand');
        phone.close();
        await settle(500);
        expect(seen).toEqual([]); // still there on the laptop, on the other node
        const lowered = next(host, 'workshop:hand', 2_000);
        laptop.close();
        expect(await lowered).toMatchObject({ sessionId, userId: person.id, raised: false });
      } finally {
        stalled.disconnect();
      }
    });

    it('does not let a node that went away without taking its sockets back keep a hand up', async () => {
      const { speaker, people: [person], sessionId } = await liveWorkshop(1);
      // Another node counted a socket of hers, then stopped (its heartbeat gone, as 30 s after a crash).
      const gone = new RoomSocketCounts(nodeA.app.get(REDIS), nodeA.app.get(AppConfig));
      await gone.joined(sessionId, person.id, new Date(Date.now() + 3_600_000));
      await gone.onModuleDestroy();
      const [socket, host] = [await open(nodeB, person.token), await open(nodeA, speaker.token)];
      for (const s of [socket, host]) await ok(s, 'workshop:join', { sessionId });
      const raised = next(host, 'workshop:hand');
      await ok(socket, 'workshop:hand', { sessionId, raised: true });
      await raised;
      const lowered = next(host, 'workshop:hand');
      socket.close();
      expect(await lowered).toMatchObject({ userId: person.id, raised: false });
    });
  });

  it("disconnects a disabled person's sockets on both nodes when an admin disables them on node A, and nobody else's", async () => {
    const admin = await nodeA.newUser(['admin']);
    const [user, other] = await nodeA.newEntrepreneurs(2);
    const [onA, onB, stranger] = await Promise.all([open(nodeA, user.token), open(nodeB, user.token), open(nodeB, other.token)]);
    const ended = [next<string>(onA, 'disconnect'), next<string>(onB, 'disconnect')];
    expect((await nodeA.post(`/api/users/${user.id}/disable`, undefined, admin.token)).status).toBe(200);
    expect(await Promise.all(ended)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await nodeB.get('/api/me', user.token)).status).toBe(401);
    await settle(200);
    expect(stranger.connected).toBe(true);
  });

  it('keeps deployments with another Redis prefix apart', async () => {
    const [user] = await nodeA.newEntrepreneurs(1);
    const socket = await open(nodeB, user.token);
    const got = record(socket, 'notification');
    const elsewhere = await startWorker({ REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-other` });
    try {
      await elsewhere.get(RealtimePublisher).toUser(user.id, 'notification', { id: 'x' });
      await worker.get(RealtimePublisher).toUser(user.id, 'notification', { id: 'y' });
      await next(socket, 'notification').catch(() => undefined);
      await settle(200);
      expect(got).toEqual([{ id: 'y' }]);
    } finally {
      await elsewhere.close();
    }
  });
});
