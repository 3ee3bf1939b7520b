import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { loadConfig, newId, RealtimePublisher } from '@pendamping/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { connect, next, ok, record, settle } from './support/realtime-client';
import { TestApp } from './support/test-app';
import { testEnv } from './support/test-env';
import { workerDatabase } from './support/scratch-database';

/** Two api processes (separate Nest apps and ports) on one database and one Redis, as behind a load balancer. */
describe('realtime: several nodes', () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  let worker: INestApplicationContext;
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
    const env = { DATABASE_URL: database.url };
    [nodeA, nodeB] = await Promise.all([TestApp.start(env), TestApp.start(env)]);
    worker = await startWorker();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await worker.close();
    await Promise.all([nodeA.close(), nodeB.close()]);
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
