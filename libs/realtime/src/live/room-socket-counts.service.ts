import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, REDIS } from '@pendamping/platform';

/** How long a node counts after its last heartbeat: a node that crashed stops counting after this. */
export const NODE_ALIVE_MS = 30_000;
const HEARTBEAT_MS = 10_000;

// Takes one socket off the node's count (a field at 0 goes) and answers the whole hash, one node a field.
const LEAVE = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return redis.call('HGETALL', KEYS[1])`;

/**
 * How many sockets a person has in a session's live room, on all api nodes, without asking the other
 * nodes (a node that is restarting would hold every answer up). A hash per session and person in Redis
 * holds one count per node; each node keeps a heartbeat key alive, and counts of a node whose heartbeat
 * expired (it crashed, so its sockets never said goodbye) are left out and cleared. The hash itself goes
 * an hour after the session's end, like the raised hands.
 */
@Injectable()
export class RoomSocketCounts implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoomSocketCounts.name);
  private readonly node = randomUUID();
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
  }

  /** Stops counting this node at once: counts its sockets could not take back on the way out stop counting. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.redis.del(this.nodeKey(this.node)).catch(() => undefined);
  }

  /** A socket of `userId` entered the session's room. */
  async joined(sessionId: string, userId: string, sessionEndsAt: Date): Promise<void> {
    const key = this.key(sessionId, userId);
    await this.redis
      .multi()
      .hincrby(key, this.node, 1)
      .pexpireat(key, sessionEndsAt.getTime() + 3_600_000)
      // Alive from the first count on, also before the first heartbeat.
      .set(this.nodeKey(this.node), '1', 'PX', NODE_ALIVE_MS)
      .exec();
  }

  /** A socket of `userId` left the session's room; answers how many of their sockets are still in it. */
  async left(sessionId: string, userId: string): Promise<number> {
    const key = this.key(sessionId, userId);
    const flat = (await this.redis.eval(LEAVE, 1, key, this.node)) as string[];
    const counts = new Map<string, number>();
    for (let i = 0; i < flat.length; i += 2) counts.set(flat[i], Number(flat[i + 1]));
    const others = [...counts.keys()].filter((node) => node !== this.node);
    const alive = others.length ? await this.redis.mget(others.map((node) => this.nodeKey(node))) : [];
    const dead = others.filter((_, i) => alive[i] === null);
    if (dead.length) await this.redis.hdel(key, ...dead);
    let total = 0;
    for (const [node, count] of counts) if (!dead.includes(node)) total += Math.max(count, 0);
    return total;
  }

  private async beat(): Promise<void> {
    try {
      await this.redis.set(this.nodeKey(this.node), '1', 'PX', NODE_ALIVE_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'live room heartbeat failed; retrying');
    }
  }

  private key(sessionId: string, userId: string): string {
    return `${this.config.redisPrefix}:realtime:sockets:${sessionId}:${userId}`;
  }

  private nodeKey(node: string): string {
    return `${this.config.redisPrefix}:realtime:node:${node}`;
  }
}
