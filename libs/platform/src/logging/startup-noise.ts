import type { LoggerService } from '@nestjs/common';

/** Nest's start-up chatter: one line per module and per route (about 160 of them). */
const NOISE = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'WebSocketsController']);

/** The app's logger without the start-up chatter; everything else passes through unchanged. */
export function withoutStartupNoise(logger: LoggerService): LoggerService {
  return {
    log(message: unknown, ...rest: unknown[]) {
      const context = rest[rest.length - 1];
      if (typeof context === 'string' && NOISE.has(context)) return;
      logger.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
  };
}
