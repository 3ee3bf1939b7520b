import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';

const HASHED_ASSET = /^\/assets\//;

/**
 * Serves the built web app at `/`: hashed assets for a year (their names change with their content),
 * everything else revalidated; `.br` / `.gz` twins made at build time go out when the browser takes them.
 * A path outside `/api` that is no file gets index.html (the app's router takes it from there); `/api`
 * keeps its JSON 404. Without a build (api-only tests, `nest start`), nothing is served.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const root = resolve(config.webRoot);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // Files are listed once at start-up; `.br`/`.gz` are served through their originals.
    globIgnore: ['**/*.br', '**/*.gz', 'index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      const relative = path.slice(root.length).replaceAll('\\', '/');
      reply.header('cache-control', HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    },
  });
  const sendApp = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false });
  };
  fastify.get('/', sendApp);
  fastify.get('/*', sendApp);
  return true;
}
