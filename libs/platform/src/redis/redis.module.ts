import { once } from 'node:events';
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { QueueOutageLogs } from './queue-outage-logs';
import { RedisLossWatch } from './redis-loss-watch';
import { logRedisOutages } from './redis-outage-log';
import { REDIS } from './redis-token';

export { REDIS } from './redis-token';

/** ioredis options that BullMQ accepts too (its types do not allow a null retry strategy). */
export type RedisSettings = Omit<RedisOptions, 'retryStrategy'> & { retryStrategy: (attempt: number) => number | null };

export function redisOptions(config: AppConfig, extra: Partial<RedisSettings> = {}): RedisSettings {
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Keep reconnecting for as long as the process lives; callers see fast failures meanwhile.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...extra,
  };
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    // QUIT resolves on the server's reply; the connection is gone only at 'end'.
    const ended = once(this.redis, 'end');
    await this.redis.quit().catch(() => this.redis.disconnect());
    await ended;
  }
}

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // Requests fail at once while Redis is away instead of queueing behind a dead connection.
        const redis = new Redis(redisOptions(config, { maxRetriesPerRequest: 1, enableOfflineQueue: false }));
        logRedisOutages('shared connection', redis);
        return redis;
      },
    },
    RedisCloser,
    QueueOutageLogs,
    RedisLossWatch,
  ],
  exports: [REDIS, RedisLossWatch],
})
export class RedisModule {}
