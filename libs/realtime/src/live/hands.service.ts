import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, REDIS } from '@pendamping/platform';

export interface RaisedHand {
  userId: string;
  name: string;
}

/**
 * Raised hands are live state only (nothing to report on later), so they live in Redis where every api
 * node sees them: a speaker who joins late, or on another node, gets the current list.
 */
@Injectable()
export class HandsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async set(sessionId: string, hand: RaisedHand, raised: boolean, sessionEndsAt: Date): Promise<void> {
    const key = this.key(sessionId);
    if (!raised) {
      await this.lower(sessionId, hand.userId);
      return;
    }
    // Kept an hour past the session's end, then Redis forgets it.
    await this.redis.multi().hset(key, hand.userId, hand.name).pexpireat(key, sessionEndsAt.getTime() + 3_600_000).exec();
  }

  /** Lowers the person's hand; the hand when it was raised. */
  async lower(sessionId: string, userId: string): Promise<RaisedHand | null> {
    const key = this.key(sessionId);
    const [[, name], [, removed]] = (await this.redis.multi().hget(key, userId).hdel(key, userId).exec()) as [[null, string | null], [null, number]];
    return removed > 0 && name !== null ? { userId, name } : null;
  }

  /** Lowers every hand of the session (its room closed). */
  async clear(sessionId: string): Promise<void> {
    await this.redis.del(this.key(sessionId));
  }

    async list(sessionId: string): Promise<RaisedHand[]> {
    const hands = await this.redis.hgetall(this.key(sessionId));
    return Object.entries(hands).map(([userId, name]) => ({ userId, name }));
  }

  private key(sessionId: string): string {
    return `${this.config.redisPrefix}:realtime:hands:${sessionId}`;
  }
}
