import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, REDIS } from '@pendamping/platform';

/**
 * Counts failed logins per email and per IP. Only failures count, so a kelurahan office signing in a
 * whole class from one IP is never slowed down; guessing one account's password is.
 */
@Injectable()
export class LoginThrottle {
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const common = { storeClient: redis, useRedisPackage: false, inMemoryBlockOnConsumed: 0 };
    this.perEmail = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login-fail:email`, points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.perIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login-fail:ip`, points: 50, duration: 60 * 60, blockDuration: 15 * 60 });
  }

  /** Throws RATE_LIMITED while either counter is exhausted. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.perEmail.get(key(email)), this.perIp.get(ip)]);
    const blocked = [byEmail, byIp].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000;
      throw new DomainError('rate_limited', 'RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    // consume() rejects once the limit is passed; the block it sets is what assertAllowed reads.
    await Promise.allSettled([this.perEmail.consume(key(email)), this.perIp.consume(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perEmail.delete(key(email));
  }
}

// Redis keys never hold the email in clear: no personal data at rest outside MySQL.
const key = (email: string) => createHash('sha256').update(email).digest('base64url');
