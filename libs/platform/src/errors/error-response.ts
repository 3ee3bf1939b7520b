import { HttpException } from '@nestjs/common';
import { isLockConflict, tryAgain } from '../database/db-errors';
import { DEPENDENCY_RETRY_AFTER_SECONDS, unavailableDependency, type Dependency } from './dependency-errors';
import { DomainError } from './domain-error';
import { ERROR_CODES, GENERIC_CODES, type ErrorCode } from './error-codes';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string | string[];
}

export interface MappedError {
  body: ErrorBody;
  retryAfterSeconds?: number;
  /** Set for failures that are ours, not the caller's: these are logged with their stack. */
  internal?: unknown;
  /** Set when MySQL or Redis is unreachable: a 503, logged once per outage rather than per request. */
  unavailable?: Dependency;
}

/** While a dependency is away: the caller may retry, and is told when. */
export const SERVICE_UNAVAILABLE_MESSAGE = 'Layanan sedang tidak dapat diakses sebentar. Silakan coba lagi dalam beberapa detik.';

/** Turns anything thrown into the contract's error shape. Never leaks internals on a 500. */
export function toErrorResponse(error: unknown): MappedError {
  // A deadlock or lock wait that escaped the transaction helper's retries: nothing was written, send it again.
  if (isLockConflict(error)) return toErrorResponse(tryAgain());
  if (error instanceof DomainError) {
    const statusCode = error.status;
    const message = error.code === 'VALIDATION_FAILED' && error.details.messages ? error.details.messages : error.message;
    return { body: { statusCode, code: error.code, message }, retryAfterSeconds: error.details.retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    if (error.getStatus() >= 500) return internalError(error);
    const response = error.getResponse();
    const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    return { body: generic(error.getStatus(), (raw.message as string | string[] | undefined) ?? error.message) };
  }
  // Errors from fastify itself (malformed JSON, body too large, …) carry a readable message of their own.
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return { body: generic(statusCode, (error as Error).message) };
  const unavailable = unavailableDependency(error);
  if (unavailable) {
    return {
      body: { statusCode: ERROR_CODES.SERVICE_UNAVAILABLE, code: 'SERVICE_UNAVAILABLE', message: SERVICE_UNAVAILABLE_MESSAGE },
      retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
      unavailable,
    };
  }
  return internalError(error);
}

/** An error with only a status: its generic code, and that code's status (another 4xx reads as 400 BAD_REQUEST). */
function generic(status: number, message: string | string[]): ErrorBody {
  const code = GENERIC_CODES[status] ?? 'BAD_REQUEST';
  return { statusCode: ERROR_CODES[code], code, message };
}

function internalError(error: unknown): MappedError {
  return {
    body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; please try again' },
    internal: error,
  };
}
