import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from './redis-token';

/** How often the marker is looked at; a restart is noticed sooner, on the connection's 'ready'. */
export const REDIS_MARKER_CHECK_MS = 5_000;
/**
 * After a reconnect, other processes (api nodes) may take a few seconds longer to reconnect, and what
 * they could not put on the queues meanwhile is only in MySQL: one more rebuild after this long finds it.
 */
export const REDIS_SETTLE_MS = 10_000;

type Rebuild = () => Promise<unknown>;

/**
 * MySQL is the source of truth and Redis holds the schedule; this notices when Redis lost that schedule
 * and has it rebuilt, without a restart. The process keeps a marker key in Redis: when it is gone (a
 * FLUSHALL, a Redis restarted without its data, a failover to an empty replica) or the connection comes
 * back after an outage, every registered rebuild runs (job schedulers, reconciliation with MySQL).
 * Rebuilds must be idempotent; they also run once at start. Only a process that registers one (the
 * worker) watches at all.
 */
@Injectable()
export class RedisLossWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisLossWatch.name);
  private readonly rebuilds: { name: string; run: Rebuild }[] = [];
  private readonly markerKey: string;
  private timer?: NodeJS.Timeout;
  private settle?: NodeJS.Timeout;
  /** True until a rebuild has finished since the last loss (or the start). */
  private pending = true;
  private running?: Promise<void>;
  private connectedBefore = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.markerKey = `${config.redisPrefix}:marker`;
  }

  /** Call from onModuleInit: `run` puts back what this feature keeps in Redis. */
  register(name: string, run: Rebuild): void {
    this.rebuilds.push({ name, run });
  }

  onApplicationBootstrap(): void {
    if (this.rebuilds.length === 0) return;
    this.connectedBefore = this.redis.status === 'ready';
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check(), REDIS_MARKER_CHECK_MS);
    // Not awaited: a large backlog must not hold the process's start.
    void this.check();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    clearTimeout(this.settle);
    this.redis.off('ready', this.onReady);
  }

  private readonly onReady = () => {
    if (!this.connectedBefore) {
      this.connectedBefore = true;
      return void this.check();
    }
    this.logger.warn('Redis is back after an outage: rebuilding what it holds from MySQL');
    this.pending = true;
    void this.check();
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.pending = true;
      void this.check();
    }, REDIS_SETTLE_MS);
  };

  /** Looks at the marker and rebuilds when it is gone or a rebuild is still owed. One at a time. */
  check(): Promise<void> {
    this.running ??= this.checkOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkOnce(): Promise<void> {
    // Away: nothing to look at, and nothing to log on every tick (the connection logs the outage once).
    if (this.redis.status !== 'ready') return;
    try {
      const present = (await this.redis.exists(this.markerKey)) === 1;
      if (present && !this.pending) return;
      if (!present && !this.pending) this.logger.warn(`Redis lost its data (no ${this.markerKey}): rebuilding it from MySQL`);
      this.pending = true;
      // The marker first: a loss during the rebuild is then seen at the next check.
      await this.redis.set(this.markerKey, new Date().toISOString());
      for (const { name, run } of this.rebuilds) {
        await run().catch((error: unknown) => {
          throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      this.pending = false;
    } catch (error) {
      // Gone again meanwhile, or a rebuild failed: the next check or 'ready' tries again.
      this.logger.warn(`rebuild of the Redis schedule not done yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
