import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, REDIS } from '@pendamping/platform';

/**
 * Limits failed logins per email and per IP. Successful logins give their attempt back, so a kelurahan
 * office signing in a whole class from one IP is never slowed down; guessing one account's password is.
 * Also limits self-registrations per IP: each one costs a password hash.
 */
@Injectable()
export class LoginThrottle {
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  private readonly registrations: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const common = { storeClient: redis, useRedisPackage: false, inMemoryBlockOnConsumed: 0 };
    this.perEmail = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login-fail:email`, points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.perIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login-fail:ip`, points: 100, duration: 60 * 60, blockDuration: 15 * 60 });
    this.registrations = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:register:ip`, points: config.registrationsPerIpPerHour, duration: 60 * 60 });
  }

  /** Counts a self-registration from `ip` before its password is hashed; RATE_LIMITED past the hourly budget. */
  async consumeRegistration(ip: string): Promise<void> {
    try {
      await this.registrations.consume(ip);
    } catch (reason) {
      if (!(reason instanceof RateLimiterRes)) throw reason;
      throw new DomainError('RATE_LIMITED', 'Too many registrations from this network; try again later', { retryAfterSeconds: reason.msBeforeNext / 1000 });
    }
  }

  /**
   * Counts this attempt before the password is checked, so parallel guesses cannot slip past the limit;
   * throws RATE_LIMITED once either counter is exhausted.
   */
  async consume(email: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.perEmail.consume(key(email)), this.perIp.consume(ip)]);
    const blocked = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    const errors = blocked.filter((reason) => !(reason instanceof RateLimiterRes));
    if (errors.length > 0) throw errors[0];
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(...blocked.map((r: RateLimiterRes) => r.msBeforeNext)) / 1000;
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }

  /** A successful sign-in: it was never a failure, so it gives back its attempt and clears the email's count. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.perEmail.delete(key(email)), this.perIp.reward(ip, 1)]);
  }
}

// Redis keys never hold the email in clear: no personal data at rest outside MySQL.
const key = (email: string) => createHash('sha256').update(email).digest('base64url');
