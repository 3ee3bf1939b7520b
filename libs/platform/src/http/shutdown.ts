import type { Server } from 'node:http';
import { Injectable, type INestApplicationContext, type LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const SWEEP_IDLE_EVERY_MS = 100;


/** The HTTP requests being answered now, each settled when its response is done or its client left. */
export class InFlightRequests {
  private readonly open = new Set<Promise<void>>();

  get size(): number {
    return this.open.size;
  }

  add(response: { once(event: 'close', listener: () => void): unknown }): void {
    const done = new Promise<void>((resolve) => response.once('close', resolve));
    this.open.add(done);
    void done.then(() => this.open.delete(done));
  }

  /** Resolves when every request in flight now has finished (later ones are not waited for). */
  async settled(): Promise<void> {
    await Promise.all([...this.open]);
  }

  /** Resolves once no request is in flight, also counting those that arrive meanwhile. */
  async idle(): Promise<void> {
    while (this.open.size > 0) await this.settled();
  }
}

/** Set when a shutdown begins: /api/health answers 503 and responses ask clients to close their connection. */
@Injectable()
export class ShutdownState {
  draining = false;
  readonly inFlight = new InFlightRequests();
}

/**
 * Counts requests in flight and, once draining, answers every request with `Connection: close`, so a
 * kept-alive client does not keep the process serving (and alive) after its current request.
 */
export function trackInFlight(app: NestFastifyApplication): void {
  const state = app.get(ShutdownState);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    state.inFlight.add(reply.raw);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (state.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
}

export interface ShutdownOptions {
  /** The process exits by then, even while clients hold connections open (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  logger: LoggerService;
  /** Before the application closes: e.g. let requests in flight finish. */
  drain?: () => Promise<void>;
}

/**
 * On SIGTERM or SIGINT: drain, close the application (its shutdown hooks close queues and connections), exit.
 * Whatever still runs at the deadline is abandoned and the process exits with 1, so a supervisor can rely on it.
 */
export function shutDownOnSignals(app: INestApplicationContext, options: ShutdownOptions): void {
  let started = false;
  // Kept after the first signal: Ctrl-C reaches the process from the terminal and again from `npm start`,
  // and a second signal must not cut the drain short (the deadline does that).
  const handler = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void shutDown(app, options, signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

async function shutDown(app: INestApplicationContext, { timeoutMs, logger, drain }: ShutdownOptions, signal: NodeJS.Signals): Promise<void> {
  const began = Date.now();
  setTimeout(() => {
    logger.warn(`Shutdown did not finish within ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting anyway`, 'Shutdown');
    process.exit(1);
  }, timeoutMs);
  try {
    await drain?.();
    await app.close();
    logger.log(`Stopped (${signal}) after ${Date.now() - began} ms`, 'Shutdown');
    process.exit(0);
  } catch (error) {
    logger.error(`Shutdown failed: ${error instanceof Error ? error.stack : String(error)}`, undefined, 'Shutdown');
    process.exit(1);
  }
}

/**
 * The api's drain: health turns 503 and responses say `Connection: close` at once, idle kept-alive
 * connections are closed (now and whenever one falls idle), and the requests in flight finish. New
 * connections are still accepted meanwhile, so a load balancer sees the 503 rather than a refusal.
 */
export function httpDrain(app: NestFastifyApplication, logger: LoggerService) {
  return async (): Promise<void> => {
    const state = app.get(ShutdownState);
    const { inFlight } = state;
    state.draining = true;
    const server = app.getHttpServer() as Server;
    logger.log(`Draining: ${inFlight.size} requests in flight; /api/health answers 503`, 'Shutdown');
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_IDLE_EVERY_MS);
    try {
      await inFlight.settled();
      // No new connections from here; those still open end with their current response (or at the deadline).
      server.close();
      await inFlight.idle();
    } finally {
      clearInterval(sweep);
    }
  };
}
