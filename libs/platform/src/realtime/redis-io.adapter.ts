import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
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
    const server: Server = super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
      // Stateless nodes behind any load balancer: no long-polling, so no sticky sessions needed.
      allowUpgrades: false,
      // A page of another site may not open a socket (CORS does not cover WebSockets): same rule as HTTP.
      allowRequest: (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) =>
        socketOriginAllowed(this.config, request) ? callback(null, true) : callback('origin not allowed', false),
    } as ServerOptions);
    // The subscriber connection is dedicated (SUBSCRIBE mode); both queue commands while Redis reconnects.
    const pub = new Redis(redisOptions(this.config));
    const sub = pub.duplicate();
    logRedisOutages('socket.io adapter (publish)', pub);
    logRedisOutages('socket.io adapter (subscribe)', sub);
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketIoRedisKey(this.config) }));
    return server;
  }

  /** After the servers closed (their adapters unsubscribed): end the Redis connections. */
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  }
}
