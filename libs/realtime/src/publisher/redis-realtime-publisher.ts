import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { AppConfig, RealtimePublisher, logRedisOutages, redisOptions, socketIoRedisKey } from '@pendamping/platform';
import { REALTIME_NAMESPACE, rooms } from '../rooms';

/**
 * Publishes socket events through Redis in the socket.io adapter's own format, so it works from any process:
 * every api node delivers them to its connected sockets. The worker needs no socket server for this.
 */
@Injectable()
export class RedisRealtimePublisher extends RealtimePublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter;
  /** The PUBLISH the emitter just issued (it does so synchronously and drops the promise). */
  private published: Promise<unknown> | undefined;

  constructor(config: AppConfig) {
    super();
    // Its own connection: queues while Redis reconnects, gives up after one retry per command.
    this.redis = new Redis(redisOptions(config, { maxRetriesPerRequest: 1 }));
    logRedisOutages('realtime publisher', this.redis);
    const client = { publish: (channel: string, message: Buffer) => (this.published = this.redis.publish(channel, message)) };
    this.emitter = new Emitter(client, { key: socketIoRedisKey(config) }).of(REALTIME_NAMESPACE);
  }

  toUser(userId: string, event: string, payload: unknown): Promise<void> {
    return this.toRoom(rooms.user(userId), event, payload);
  }

  async toRoom(room: string, event: string, payload: unknown): Promise<void> {
    this.emitter.to(room).emit(event, payload);
    const published = this.published;
    this.published = undefined;
    await published;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** `RealtimePublisher` for every module of the process (api and worker import this once). */
@Global()
@Module({
  providers: [RedisRealtimePublisher, { provide: RealtimePublisher, useExisting: RedisRealtimePublisher }],
  exports: [RealtimePublisher],
})
export class RealtimePublisherModule {}
