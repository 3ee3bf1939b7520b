import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, RouteOptions } from 'fastify';
import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { toErrorResponse } from '../errors/error-response';
import { createValidationPipe } from '../errors/validation.pipe';
import { DependencyOutages } from '../health/dependency-outages';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { enableCors } from './cors';
import { registerSecurityHeaders } from './security-headers';
import { serveWebApp } from './web-app';
import { withoutStartupNoise } from '../logging/startup-noise';
import { API_PREFIX, openApiDocument } from './openapi';
import { trackInFlight } from './shutdown';

const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Behind proxies, the client IP (login and registration limits) is the X-Forwarded-For entry the outermost
 * trusted proxy added, counted from the right: never the left-most one, which the client writes itself.
 * Fastify ignores a bare hop count (it cannot check the peer), so a count is a proxy-addr trust function:
 * the socket's peer and the next `hops - 1` entries are proxies.
 */
function trustedProxies(trust: AppConfig['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (Array.isArray(trust)) return trust;
  if (trust === 0) return false;
  return (_address, hop) => hop < trust;
}

export interface HttpAppHooks {
  /** Sees every route fastify registers, from the first (the authorization matrix reads the route table with it). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Builds the HTTP application exactly as production runs it; the e2e tests use the same function.
 * Fastify rather than express: express alone costs most of Nest's throughput on this hardware.
 */
export async function createHttpApp(config: AppConfig, rootModule: Type<unknown> | DynamicModule, hooks: HttpAppHooks = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(config.trustProxy),
    // A caller's X-Request-Id (when sane) or a new UUID ties together every log line of one request.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // The router refuses a malformed URL (bad percent-encoding) or an over-long parameter before any route,
    // so before Nest's filter: answer those in the error catalogue's shape too.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const { body } = toErrorResponse(error);
      void reply.status(body.statusCode).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true, abortOnError: false });
  // Before any route: the API docs' and the web app's are registered here, Nest's controllers at listen.
  if (hooks.onRoute) app.getHttpAdapter().getInstance().addHook('onRoute', hooks.onRoute);
  app.useLogger(withoutStartupNoise(app.get(Logger)));
  registerSecurityHeaders(app, config);
  enableCors(app, config);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  const errors = new AllExceptionsFilter(app.get(DependencyOutages));
  app.useGlobalFilters(errors);
  // A route registered before Nest sets fastify's error handler (at listen) keeps the default one: the docs'
  // below get ours instead, so a refusal there has the catalogue's shape too.
  let nestHandlesErrors = false;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (!nestHandlesErrors) route.errorHandler ??= (error, _request, reply) => errors.answer(error, reply);
    });
  // Signals are the composition root's (shutDownOnSignals with httpDrain): drain first, then close.
  trackInFlight(app);
  // socket.io gateways (if the root module has any) share this server, and reach other nodes through Redis.
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));

  SwaggerModule.setup(`${API_PREFIX}/docs`, app, openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  nestHandlesErrors = true;
  await serveWebApp(app, config);
  return app;
}
