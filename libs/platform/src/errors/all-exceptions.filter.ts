import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DependencyOutages } from '../health/dependency-outages';
import { toErrorResponse } from './error-response';

/** The one place HTTP errors are shaped and logged. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  /** `outages` logs a MySQL or Redis outage once, instead of a stack per refused request. */
  constructor(private readonly outages?: DependencyOutages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    this.answer(exception, host.switchToHttp().getResponse<FastifyReply>());
  }

  /** Also fastify's error handler for the routes registered before Nest's (the API docs' own files). */
  answer(exception: unknown, reply: FastifyReply): void {
    const { body, retryAfterSeconds, internal, unavailable } = toErrorResponse(exception);
    if (unavailable && this.outages) this.outages.report(unavailable, exception);
    else if (unavailable) this.logger.warn(`${unavailable} unavailable: answered 503`);
    else if (internal) this.logger.error(internal instanceof Error ? internal.stack : String(internal));
    if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
    void reply.status(body.statusCode).send(body);
  }
}
