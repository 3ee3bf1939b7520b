import { DomainError } from '../errors/domain-error';

/** A unique key refused the row: the database's answer to "does this already exist?", race-free. */
export function isDuplicateKey(error: unknown): boolean {
  return driverCode(error) === 'ER_DUP_ENTRY';
}

/** InnoDB chose this transaction as a deadlock's victim and rolled it back: running it again may succeed. */
export function isDeadlock(error: unknown): boolean {
  return driverCode(error) === 'ER_LOCK_DEADLOCK';
}

/** Two writers met on a lock: a deadlock, or a wait that ran out (innodb_lock_wait_timeout). */
export function isLockConflict(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** Seconds a client waits before sending a request refused with TRY_AGAIN again. */
export const TRY_AGAIN_AFTER_SECONDS = 1;

/** 409 TRY_AGAIN: the change collided with others at once and was rolled back whole; sending it again is safe. */
export function tryAgain(): DomainError {
  return new DomainError('TRY_AGAIN', 'Many changes arrived at once and this one was not saved; please send it again in a moment', {
    retryAfterSeconds: TRY_AGAIN_AFTER_SECONDS,
  });
}

function driverCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.driverError?.code ?? e?.code;
}
