import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorKind } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string | string[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

export interface MappedError {
  body: ErrorBody;
  retryAfterSeconds?: number;
  /** Set for failures that are ours, not the caller's: these are logged with their stack. */
  internal?: unknown;
}

/** Turns anything thrown into the contract's error shape. Never leaks internals on a 500. */
export function toErrorResponse(error: unknown): MappedError {
  if (error instanceof DomainError) {
    const statusCode = STATUS_BY_KIND[error.kind];
    const message = error.code === 'VALIDATION_FAILED' && error.details.messages ? error.details.messages : error.message;
    return { body: { statusCode, code: error.code, message }, retryAfterSeconds: error.details.retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const code = typeof raw.code === 'string' ? raw.code : CODE_BY_STATUS[statusCode] ?? 'ERROR';
    const message = (raw.message as string | string[] | undefined) ?? error.message;
    if (statusCode >= 500) return internalError(error);
    return { body: { statusCode, code, message } };
  }
  // Errors from fastify itself (malformed JSON, body too large, …) carry a readable message of their own.
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { body: { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', message: (error as Error).message } };
  }
  return internalError(error);
}

function internalError(error: unknown): MappedError {
  return {
    body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; please try again' },
    internal: error,
  };
}
