import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { socketOriginAllowed } from '../http/cors';
import { redisOptions } from '../redis/redis.module';
import { logRedisOutages } from '../redis/redis-outage-log';

/** Largest socket.io frame a client may send; larger ones close that connection (the protocol's own cap). */
export const SOCKET_MAX_PAYLOAD_BYTES = 16 * 1024;

// The server class of Nest's own socket.io copy (it may differ in patch version from the top-level one).
type Server = ReturnType<IoAdapter['createIOServer']>;
type ServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

/** The pub/sub channel prefix shared by every api node's adapter and by emitters (the worker). */
export function socketIoRedisKey(config: AppConfig): string {
  return `${config.redisPrefix}:socket.io`;
}

/**
 * Whether the adapter's subscriber hears the other nodes. A lost subscriber connection misses what they
 * publish meanwhile (Redis keeps no backlog for subscribers), so `lost` runs once when it goes; it listens
 * again once the subscriptions ioredis renews on 'ready' are answered (a PING after them, in order).
 */
function listenState(sub: Redis, lost: () => void): () => boolean {
  let listening = false;
  const check = () => {
    if (sub.status !== 'ready') return;
    sub.ping().then(
      () => (listening = sub.status === 'ready'),
      () => undefined,
    );
  };
  // ioredis renews the subscriptions right after emitting 'ready': ask after them.
  sub.on('ready', () => setImmediate(check));
  sub.on('close', () => {
    if (!listening) return;
    listening = false;
    lost();
  });
  return () => listening;
}

/**
 * Ends every connection of this node, as a dropped line: the clients reconnect by themselves, and their
 * join brings what they missed from MySQL (the database is the chat's record; Redis only carries it).
 */
function closeAll(server: Server): void {
  // engine.io keeps its connections in a field its types mark protected; every namespace's sockets ride on them.
  const { clients } = server.engine as unknown as { clients: Record<string, { close(): void }> };
  for (const client of Object.values(clients)) client.close();
}

/**
 * The adapter drops the promise of every PUBLISH it issues; after a long outage ioredis rejects the queued
 * ones (MaxRetriesPerRequestError), and an unhandled rejection ends the process. A PUBLISH that failed
 * reached nobody: it answers 0 subscribers (the outage itself is logged by `logRedisOutages`).
 */
export function publishReachingNobodyOnFailure<T extends { publish(channel: string, message: string | Buffer): Promise<number> }>(client: T): T {
  const publish = client.publish.bind(client);
  client.publish = (channel: string, message: string | Buffer) => publish(channel, message).catch(() => 0);
  return client;
}

/** The subscription commands the adapter issues and drops (at its start, and as it closes). */
const SUBSCRIPTION_COMMANDS = ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const;

/** ioredis's words for a command that never got its answer because the connection went (or gave up retrying). */
const CONNECTION_GONE = /^(Connection is closed|Reached the max retries per request limit)/;

/**
 * The adapter drops the promises of its SUBSCRIBE and UNSUBSCRIBE too. A node that closes while one is
 * unanswered (a node stopped right after its start) has ioredis reject it ("Connection is closed"), and the
 * rejection nobody handles ends the process. That one is harmless: while the connection lives, ioredis
 * renews the subscriptions it holds on every reconnect, and `listenState` admits nobody until it is answered.
 * Any other refusal (say an ACL's NOPERM on a live connection) still ends the process, loudly, as before:
 * a node that cannot subscribe must not let sockets in.
 */
export function subscriptionFailuresHandled<T extends Redis>(client: T): T {
  for (const name of SUBSCRIPTION_COMMANDS) {
    const command = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client);
    (client as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const reply = command(...args);
      reply.catch((error: unknown) => {
        if (!(error instanceof Error && CONNECTION_GONE.test(error.message))) throw error;
      });
      return reply;
    };
  }
  return client;
}

/**
 * socket.io for every api node: websocket transport only, a payload cap, and the Redis adapter so a
 * broadcast on one node reaches sockets connected to the others.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // The subscriber connection is dedicated (SUBSCRIBE mode); both queue commands while Redis reconnects.
    // PUBLISHes issued in one tick (many sockets' broadcasts) go out in one write (auto-pipelining).
    const pub = publishReachingNobodyOnFailure(new Redis(redisOptions(this.config, { enableAutoPipelining: true })));
    const sub = subscriptionFailuresHandled(pub.duplicate({ enableAutoPipelining: false }));
    const listening = listenState(sub, () => closeAll(server));
    const server: Server = super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
      // Stateless nodes behind any load balancer: no long-polling, so no sticky sessions needed.
      allowUpgrades: false,
      // A page of another site may not open a socket (CORS does not cover WebSockets): same rule as HTTP.
      // While this node does not hear the other nodes, nobody is let in: the client retries until it does.
      allowRequest: (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) => {
        if (!socketOriginAllowed(this.config, request)) return callback('origin not allowed', false);
        callback(listening() ? null : 'realtime unavailable', listening());
      },
    } as ServerOptions);
    logRedisOutages('socket.io adapter (publish)', pub);
    logRedisOutages('socket.io adapter (subscribe)', sub);
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketIoRedisKey(this.config) }));
    return server;
  }

  /**
   * Nest's own binding gives every socket an rxjs pipeline per handler (fromEvent, mergeMap, takeUntil on a
   * shared disconnect stream): most of what an idle socket weighs, with a dozen handlers on the namespace,
   * and a few more rxjs steps for every message. The same behaviour on plain listeners and promises: the
   * handler's answer (a value, a promise or an observable, as Nest's own `transform` would take it) is the
   * ack unless the handler acks itself, an `{event, data}` answer is emitted instead, and a handler's
   * failure is logged without silencing the event. What comes after the disconnect is dropped by socket.io
   * itself (a closed socket sends nothing). One difference: Nest unsubscribes from an observable answer at
   * the disconnect; here one that never completes would outlive its socket (every handler answers with a
   * promise, through SocketHandler.run).
   */
  override bindMessageHandlers(socket: Parameters<IoAdapter['bindMessageHandlers']>[0], handlers: MessageMappingProperties[]): void {
    const fail = (error: unknown) => this.logger.error(error);
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        const answer = (value: unknown) => {
          if (value == null) return;
          const { event, data: payload } = value as { event?: string; data?: unknown };
          if (event) socket.emit(event, payload);
          else if (!isAckHandledManually && typeof ack === 'function') ack(value);
        };
        new Promise((resolve) => resolve(callback(data, ack)))
          .then((value) => (isObservable(value) ? value.subscribe({ next: answer, error: fail }) : answer(value)))
          .catch(fail);
      });
    }
  }

  /** After the servers closed (their adapters unsubscribed): end the Redis connections. */
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  }
}
