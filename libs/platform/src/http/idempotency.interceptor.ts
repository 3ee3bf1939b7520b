import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHandler, ExecutionContext, Inject, Injectable, Module, NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { toErrorResponse } from '../errors/error-response';
import { REDIS } from '../redis/redis.module';
import type { Caller } from './auth.decorators';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_SECONDS = 24 * 60 * 60;
const WAIT_FOR_FIRST_MS = 15_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Stored {
  hash: string;
  status?: number;
  body?: unknown;
}

interface HttpRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  user?: Caller;
}

interface HttpReply {
  code(status: number): unknown;
}

/**
 * `Idempotency-Key` on any authenticated POST: the first request runs, and every retry with the same key
 * (per user and path) answers the first status and body, also when both arrive at once. Kept in Redis for a
 * day. A 5xx is not remembered, so the caller can retry it; a 4xx is, like any answer the caller acted on.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || raw === undefined || !request.user) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1-255 visible ASCII characters', {
        messages: ['Idempotency-Key must be 1-255 visible ASCII characters'],
      });
    }
    const reply = context.switchToHttp().getResponse<HttpReply>();
    const redisKey = `${this.config.redisPrefix}idem:${request.user.id}:${request.url.split('?')[0]}:${key}`;
    const hash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('base64url');

    return from(this.claim(redisKey, hash)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          reply.code(earlier.status!);
          return of(earlier.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.remember(redisKey, { hash, status: (reply as { statusCode?: number }).statusCode ?? 201, body });
            return body;
          }),
          catchError(async (error: unknown) => {
            const mapped = toErrorResponse(error);
            if (mapped.body.statusCode >= 500) await this.redis.del(redisKey);
            else await this.remember(redisKey, { hash, status: mapped.body.statusCode, body: mapped.body });
            throw error;
          }),
        );
      }),
    );
  }

  /** Returns the first request's answer, or undefined when this request is the first and should run. */
  private async claim(redisKey: string, hash: string): Promise<Stored | undefined> {
    const claimed = await this.redis.set(redisKey, JSON.stringify({ hash }), 'EX', TTL_SECONDS, 'NX');
    if (claimed) return undefined;
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const value = await this.redis.get(redisKey);
      if (value === null) return this.claim(redisKey, hash); // the first one failed with a 5xx: run again
      const stored = JSON.parse(value) as Stored;
      if (stored.hash !== hash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
      }
      if (stored.status !== undefined) return stored;
      if (Date.now() > deadline) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running; retry shortly');
      }
      await sleep(25);
    }
  }

  private async remember(redisKey: string, stored: Stored): Promise<void> {
    await this.redis.set(redisKey, JSON.stringify(stored), 'EX', TTL_SECONDS);
  }
}

/** Registers the interceptor for the whole api. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
