import { Logger } from '@nestjs/common';

/** What ioredis clients, BullMQ queues and workers have in common: 'error' while away, 'ready' when back. */
interface ErrorSource {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface ReadySource {
  on(event: 'ready', listener: () => void): unknown;
}

const logger = new Logger('Redis');

const CONNECTION_MESSAGES = ['Connection is closed', "Stream isn't writeable", 'Reached the max retries per request limit', 'connect ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET'];

/** A lost or refused connection (ioredis, BullMQ), as opposed to a failing command. */
export function isRedisConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return error.name === 'MaxRetriesPerRequestError' || CONNECTION_MESSAGES.some((m) => error.message.includes(m));
}

/**
 * Gives a Redis connection an 'error' listener (without one ioredis prints "[ioredis] Unhandled error
 * event" on every reconnect attempt, and an EventEmitter may throw) that logs a lost connection once per
 * outage: the first error, then nothing until the connection is ready again, which is logged with the
 * outage's length. Other errors are logged each time. `ready` is a second emitter, for BullMQ, whose
 * queues report errors but say on their backend when they are back.
 */
export function logRedisOutages(name: string, source: ErrorSource & Partial<ReadySource>, ready: ReadySource = source as ReadySource): void {
  let downSince: number | undefined;
  source.on('error', (error: Error) => {
    if (!isRedisConnectionError(error)) {
      logger.warn(`${name}: ${error.message}`);
      return;
    }
    if (downSince !== undefined) return;
    downSince = Date.now();
    logger.warn(`${name}: Redis unreachable (${error.message}); retrying, logged again once it is back`);
  });
  ready.on('ready', () => {
    if (downSince === undefined) return;
    logger.log(`${name}: Redis reachable again after ${Math.round((Date.now() - downSince) / 1000)} s`);
    downSince = undefined;
  });
}
