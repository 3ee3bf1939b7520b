import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHandler, ExecutionContext, Injectable, Logger, Module, NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { toErrorResponse } from '../errors/error-response';
import type { Caller } from './auth.decorators';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 50;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

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

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * `Idempotency-Key` on any authenticated POST: the first request runs, and every retry with the same key
 * (per user and path) answers the first status and body, also when both arrive at once. Kept in MySQL
 * for a day (IdempotencyStore), not in Redis: a lost Redis must not make a retry book twice, and MySQL
 * is where the request writes anyway. A 5xx is not remembered, so the caller can retry it; a 4xx is,
 * like any answer the caller acted on. A request that ran is never turned into a failure by this layer:
 * if its answer cannot be stored, it is still given (and a retry after a minute runs again).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly store: IdempotencyStore) {}

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
    const keyHash = sha256(`${request.user.id}\n${request.url.split('?')[0]}\n${key}`);
    const requestHash = sha256(JSON.stringify(request.body ?? null));

    return from(this.claim(keyHash, requestHash)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          reply.code(earlier.status);
          return of(earlier.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.settle(keyHash, () => this.store.answer(keyHash, (reply as { statusCode?: number }).statusCode ?? 201, body));
            return body;
          }),
          catchError(async (error: unknown) => {
            const mapped = toErrorResponse(error);
            // A failure of ours, or a "send it again" (TRY_AGAIN, RATE_LIMITED: nothing was done), is not the
            // key's answer: the retry with the same key runs again.
            if (mapped.body.statusCode >= 500 || mapped.retryAfterSeconds !== undefined) await this.settle(keyHash, () => this.store.release(keyHash));
            else await this.settle(keyHash, () => this.store.answer(keyHash, mapped.body.statusCode, mapped.body));
            throw error;
          }),
        );
      }),
    );
  }

  /** Returns the first request's answer, or undefined when this request holds the key and should run. */
  private async claim(keyHash: string, requestHash: string): Promise<{ status: number; body: unknown } | undefined> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      if (await this.store.claim(keyHash, requestHash)) return undefined;
      const stored = await this.store.read(keyHash);
      if (!stored) continue; // the first one failed with a 5xx meanwhile: run again
      if (stored.requestHash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
      }
      if (stored.status !== null) return { status: stored.status, body: stored.body };
      if (Date.now() > deadline) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running; retry shortly');
      }
      await sleep(POLL_MS);
    }
  }

  /** After the request ran: storing its answer may fail (the database went away), the answer stands. */
  private async settle(keyHash: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.warn(`could not store the answer for idempotency key ${keyHash}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Registers the interceptor for the whole api. */
@Module({ providers: [IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
