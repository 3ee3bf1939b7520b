import { ERROR_CODES, type ErrorCode } from './error-codes';

/**
 * What went wrong, independent of transport: a code from the catalogue (`ERROR_CODES`), which alone decides
 * the HTTP status; socket acks carry the same code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { retryAfterSeconds?: number; messages?: string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** A 400 for a value that passed the DTO but fails a rule that needs the database (unknown kelurahan, …). */
export function validationFailed(...messages: string[]): DomainError {
  return new DomainError('VALIDATION_FAILED', messages.join('; '), { messages });
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}

export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return new DomainError('FORBIDDEN', message);
}
