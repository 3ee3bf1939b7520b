import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { logRedisOutages } from './redis-outage-log';

/** A BullMQ Queue or Worker, by shape (the platform does not depend on BullMQ). */
interface QueueLike {
  name: string;
  on(event: string, listener: (...args: never[]) => void): unknown;
  getBackend(): { on(event: 'ready', listener: () => void): unknown };
}

const isQueueLike = (value: unknown): value is QueueLike =>
  typeof value === 'object' && value !== null && typeof (value as QueueLike).getBackend === 'function' && typeof (value as QueueLike).on === 'function';

/**
 * Every BullMQ queue and worker of the process (each has its own Redis connections) logs a lost Redis
 * once per outage. Found after the workers exist (@nestjs/bullmq makes them in onModuleInit).
 */
@Injectable()
export class QueueOutageLogs implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const seen = new Set<QueueLike>();
    for (const { instance } of this.discovery.getProviders()) {
      // A WorkerHost (a @Processor) keeps its worker in `_worker`.
      for (const candidate of [instance, (instance as { _worker?: unknown } | undefined)?._worker]) {
        if (!isQueueLike(candidate) || seen.has(candidate)) continue;
        seen.add(candidate);
        const kind = candidate.constructor.name === 'Worker' ? 'worker' : 'queue';
        logRedisOutages(`${kind} ${candidate.name}`, candidate as never, candidate.getBackend());
      }
    }
  }
}
