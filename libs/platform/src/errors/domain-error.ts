/** What went wrong, independent of transport; mapped to HTTP statuses and socket acks in one place. */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: { retryAfterSeconds?: number; messages?: string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A 400 for a value that passed the DTO but fails a rule that needs the database (unknown kelurahan, …). */
export function validationFailed(...messages: string[]): DomainError {
  return new DomainError('invalid', 'VALIDATION_FAILED', messages.join('; '), { messages });
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', 'NOT_FOUND', `${what} not found`);
}

export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return new DomainError('forbidden', 'FORBIDDEN', message);
}
