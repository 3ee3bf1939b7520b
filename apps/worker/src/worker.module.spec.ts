import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { loadConfig, REDIS } from '@pendamping/platform';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { testEnv } from '../../../test/support/test-env';
import { WorkerModule } from './worker.module';

describe('worker application context', () => {
  it('boots against real MySQL and Redis without an HTTP server, and closes its connections on shutdown', async () => {
    const config = loadConfig(testEnv());
    @Module({ imports: [WorkerModule.forRoot(config), BullModule.registerQueue({ name: 'smoke' })] })
    class Smoke {}
    const app = await NestFactory.createApplicationContext(Smoke, { logger: false });
    await app.init();
    const queue = app.get(getQueueToken('smoke'));
    const job = await queue.add('ping', { at: 1 });
    expect(await queue.getJob(job.id!)).toBeDefined();
    expect(app.get(DataSource).isInitialized).toBe(true);
    const redis = app.get<Redis>(REDIS);
    expect(await redis.ping()).toBe('PONG');
    await queue.obliterate({ force: true });
    await app.close();
    expect(app.get(DataSource).isInitialized).toBe(false);
    expect(redis.status).toBe('end');
  });
});
