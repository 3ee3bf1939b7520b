import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '@pendamping/identity';
import { AppConfig, contentSecurityPolicy, toErrorResponse, DomainError, forbidden } from '@pendamping/platform';
import { NotificationRelay } from '../queue/notification-relay';

export const DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'pendamping_queues';

/**
 * bull-board at /api/admin/queues, for admins only. A browser cannot send a bearer header when it opens
 * a page, so the first visit may carry `?token=<accessToken>`: it is checked, moved into an HttpOnly
 * cookie scoped to the dashboard's path, and the address is reloaded without it. The dashboard's own
 * requests then carry the cookie; API clients may send `Authorization: Bearer` instead.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly relay: NotificationRelay,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    // The worker and other application contexts have no HTTP server to mount on.
    if (!http || http.getType() !== 'fastify') return;
    const fastify = http.getInstance<FastifyInstance>();
    const board = new FastifyAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [this.relay.dispatchQueue, this.relay.deliveryQueue].map((q) => new BullMQAdapter(q)), serverAdapter: board });
    // bull-board's page loads its typeface from Google Fonts; the rest of the app's policy holds.
    const policy = contentSecurityPolicy(this.config, { 'style-src': ['https://fonts.googleapis.com'], 'font-src': ['https://fonts.gstatic.com'] });
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', async (_request, reply) => void reply.header('content-security-policy', policy));
      scope.addHook('onRequest', (request, reply) => this.guard(request, reply));
      await scope.register(board.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
  }

  private async guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = request.query as Record<string, string | undefined>;
    const header = request.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
    const token = header ?? query.token ?? readCookie(request.headers.cookie, COOKIE);
    const caller = token ? await this.auth.verify(token) : undefined;
    const refusal = !caller
      ? new DomainError('UNAUTHORIZED', 'Sign in as an admin: open the dashboard with ?token=<accessToken>')
      : !caller.roles.includes('admin')
        ? forbidden('This needs one of these roles: admin')
        : null;
    if (refusal) {
      const { body } = toErrorResponse(refusal);
      return void reply.status(body.statusCode).send(body);
    }
    if (query.token) {
      const url = new URL(request.url, 'http://localhost');
      url.searchParams.delete('token');
      reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(query.token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict`);
      return void reply.redirect(url.pathname + url.search, 303);
    }
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  const pair = header?.split(';').map((p) => p.trim()).find((p) => p.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}
