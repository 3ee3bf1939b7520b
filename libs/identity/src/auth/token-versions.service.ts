import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, DomainEvents, REDIS } from '@pendamping/platform';
import { User } from '../entities/user.entity';
import { identityEvent } from '../identity.events';

/**
 * How long a version read from MySQL is cached in Redis. A raise writes the new value into the shared key
 * at once, so every api node sees it immediately; the expiry only bounds staleness when that write failed
 * (Redis away at the time): then old tokens end within this time.
 */
const CACHE_SECONDS = 60;
const UNKNOWN = 'none';

// Only ever moves the cached version forward: two raises announced out of order leave the newer one.
const RAISE = `
local current = redis.call('GET', KEYS[1])
if current and current ~= '${UNKNOWN}' and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

/** The token version of each account: what a token must carry to be valid, read on every request. */
@Injectable()
export class TokenVersions {
  private readonly logger = new Logger(TokenVersions.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  /** The current version of the account, or undefined when there is no such account. */
  async current(userId: string): Promise<number | undefined> {
    const key = this.key(userId);
    const cached = await this.redis.get(key).catch(() => undefined);
    if (cached === UNKNOWN) return undefined;
    if (cached != null) return Number(cached);
    // Plain SQL: a cache miss is one per person per minute, on every kind of request.
    const [row]: { tokenVersion: number }[] = await this.dataSource.query('SELECT tokenVersion FROM users WHERE id = ?', [userId]);
    // NX: a raise that wrote the key meanwhile wins over this (possibly older) read.
    await this.redis.set(key, row ? String(row.tokenVersion) : UNKNOWN, 'EX', CACHE_SECONDS, 'NX').catch(() => undefined);
    return row?.tokenVersion;
  }

  /**
   * Raises the account's version inside the caller's transaction, together with `changes` to the same row,
   * and answers the new version with the roles it now stands for (read under the row's lock). Call
   * `announce` once the transaction has committed.
   */
  async raise(em: EntityManager, userId: string, changes: Partial<Pick<User, 'passwordHash' | 'roles' | 'disabledAt'>> = {}): Promise<Pick<User, 'tokenVersion' | 'roles'>> {
    await em
      .createQueryBuilder()
      .update(User)
      .set({ ...changes, tokenVersion: () => 'tokenVersion + 1' })
      .where('id = :userId', { userId })
      .execute();
    const row = await em.getRepository(User).findOneOrFail({ select: { id: true, tokenVersion: true, roles: true }, where: { id: userId } });
    return { tokenVersion: row.tokenVersion, roles: row.roles };
  }

  /** After the commit: every node sees the new version at once, and the person's older sockets are disconnected. */
  async announce(userId: string, tokenVersion: number): Promise<void> {
    try {
      await this.redis.eval(RAISE, 1, this.key(userId), String(tokenVersion), String(CACHE_SECONDS));
    } catch (error) {
      this.logger.warn({ err: error }, `token version not cached; older tokens end within ${CACHE_SECONDS} s`);
    }
    await this.events.publishCommitted([identityEvent({ type: 'identity.tokens_revoked', userId, tokenVersion })]);
  }

  private key(userId: string): string {
    return `${this.config.redisPrefix}:token-version:${userId}`;
  }
}
