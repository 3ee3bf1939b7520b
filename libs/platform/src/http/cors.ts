import type { IncomingMessage } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/**
 * Browsers on other sites may call the api only from the origins in CORS_ORIGINS; without any, no CORS
 * headers are sent and browsers keep the api to pages of its own origin. Tokens travel in the
 * Authorization header, never in cookies, so no credentials mode.
 */
export function enableCors(app: NestFastifyApplication, config: AppConfig): void {
  if (config.corsOrigins.length === 0) return;
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'accept', 'accept-language'],
    exposedHeaders: ['retry-after', 'x-request-id', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
}

/**
 * May this WebSocket handshake go ahead? Browsers send their page's Origin (CORS does not cover
 * WebSockets, so the server must look): the api's own (the Host it was asked at, or PUBLIC_URL) or one in
 * CORS_ORIGINS. Clients that are not browsers send no Origin and are let through to the token check.
 */
export function socketOriginAllowed(config: AppConfig, request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === new URL(config.publicUrl).origin || config.corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
