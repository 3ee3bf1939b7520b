import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Clock, loadConfig, newId, RealtimePublisher } from '@pendamping/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { FakeLiveKit } from './support/fake-livekit';
import { connect, next, ok, record, send, settle } from './support/realtime-client';
import { TestApp } from './support/test-app';
import { testEnv } from './support/test-env';
import { workerDatabase } from './support/scratch-database';

/** Two api processes (separate Nest apps and ports) on one database and one Redis, as behind a load balancer. */
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
  const startWorker = async (env: Record<string, string> = {}) => {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig({ ...testEnv(), DATABASE_URL: database.url, ...env })), { logger: false });
    await context.init();
    return context;
  };

  beforeAll(async () => {
    database = await workerDatabase('cluster');
    livekit = await FakeLiveKit.start();
    const env = { DATABASE_URL: database.url, LIVEKIT_URL: livekit.url };
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

  it('delivers a chat message sent on node A to the other participant connected to node B', async () => {
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
    const sent = await ok(onA, 'consultation:message', { consultationId, clientMessageId: randomUUID(), body: 'Laporan keuangan bulan ini sudah saya kirim' });
    expect(await arrives).toEqual(sent);
    const typing = next(onA, 'consultation:typing');
    await ok(onB, 'consultation:typing', { consultationId });
    expect(await typing).toEqual({ consultationId, userId: mentor.id });
  });

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
      expect(await told).toEqual({ sessionId });

      const heard = record(onB, 'workshop:question');
      await ok(host, 'workshop:question', { sessionId, body: 'Siapa yang sudah punya merek?' });
      await settle(200);
      expect(heard).toEqual([]);
      expect(await send(onB, 'workshop:question', { sessionId, body: 'Saya masih di sini' })).toMatchObject({ ok: false, error: { code: 'REMOVED_FROM_ROOM' } });
    } finally {
      clocks.forEach((clock) => (clock.now = Clock.prototype.now));
    }
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
