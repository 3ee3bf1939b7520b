import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DEPENDENCY_NAMES, outageReason, type Dependency } from '../errors/dependency-errors';
import { REDIS } from '../redis/redis.module';

const PROBE_EVERY_MS = 500;
const PROBE_TIMEOUT_MS = 1_500;

interface Outage {
  since: number;
  refused: number;
  timer: NodeJS.Timeout;
  probing: boolean;
}

/**
 * Tells the log when MySQL or Redis goes away and when it is back: one line each, however many requests
 * were answered 503 meanwhile. While one is down it is pinged every half second, so the "back" line does
 * not wait for the next request (nor for a request that happens to need it).
 */
@Injectable()
export class DependencyOutages implements OnApplicationShutdown {
  private readonly logger = new Logger('Dependencies');
  private readonly outages = new Map<Dependency, Outage>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  isDown(dependency: Dependency): boolean {
    return this.outages.has(dependency);
  }

  /** A request (or a health probe) found `dependency` unreachable. */
  report(dependency: Dependency, error: unknown, { refused = true } = {}): void {
    const outage = this.outages.get(dependency);
    if (outage) {
      if (refused) outage.refused++;
      return;
    }
    this.logger.warn(`${DEPENDENCY_NAMES[dependency]} is unavailable (${outageReason(error)}); answering 503 SERVICE_UNAVAILABLE until it is back`);
    const timer = setInterval(() => void this.probe(dependency), PROBE_EVERY_MS).unref();
    this.outages.set(dependency, { since: Date.now(), refused: refused ? 1 : 0, timer, probing: false });
  }

  /** `dependency` answered again. */
  recovered(dependency: Dependency): void {
    const outage = this.outages.get(dependency);
    if (!outage) return;
    clearInterval(outage.timer);
    this.outages.delete(dependency);
    const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
    this.logger.log(`${DEPENDENCY_NAMES[dependency]} is back after ${seconds} s; ${outage.refused} requests were answered 503 meanwhile`);
  }

  onApplicationShutdown(): void {
    for (const outage of this.outages.values()) clearInterval(outage.timer);
    this.outages.clear();
  }

  private async probe(dependency: Dependency): Promise<void> {
    const outage = this.outages.get(dependency);
    if (!outage || outage.probing) return;
    outage.probing = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const ping = dependency === 'mysql' ? this.dataSource.query('SELECT 1') : this.redis.ping();
      await Promise.race([ping, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS)))]);
      this.recovered(dependency);
    } catch {
      // still down: the first line said so
    } finally {
      clearTimeout(timer);
      outage.probing = false;
    }
  }
}
