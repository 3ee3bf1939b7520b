/** A service the api cannot answer without; while one is away requests get 503, not 500. */
export type Dependency = 'mysql' | 'redis';

export const DEPENDENCY_NAMES: Record<Dependency, string> = { mysql: 'MySQL', redis: 'Redis' };

/** How long a client should wait before retrying while a dependency is away (most outages are restarts). */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

// Socket-level failures: the server is not there, or the connection to it broke.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
// mysql2's and the server's own words for "the connection is gone" (a restart, a kill, too many clients).
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'POOL_CLOSED',
]);
const MYSQL_MESSAGES = [/^Can't add new command when connection is in closed state/, /^Pool is closed/, /^Queue limit reached/];
// ioredis while its connection is down (offline queue off, or retries used up), and BullMQ on top of it.
const REDIS_MESSAGES = [/^Stream isn't writeable/, /^Connection is closed/, /^Reached the max retries per request limit/];

interface Failure {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  fatal?: unknown;
  sqlState?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * Which dependency an error says is unreachable, or undefined for any other failure. Looks through
 * TypeORM's wrappers (`driverError`) and `cause` chains, so a QueryFailedError over a lost connection counts.
 */
export function unavailableDependency(error: unknown, depth = 0): Dependency | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const e = error as Failure;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((m) => m.test(message))) return 'redis';
  if (MYSQL_CODES.has(code) || MYSQL_MESSAGES.some((m) => m.test(message))) return 'mysql';
  // mysql2 marks connection-level errors fatal, and TypeORM wraps its errors (copying the code up); a bare
  // network code without either is most likely ioredis'.
  if (NETWORK_CODES.has(code)) return e.fatal === true || e.sqlState !== undefined || e.driverError !== undefined || depth > 0 ? 'mysql' : 'redis';
  return unavailableDependency(e.driverError, depth + 1) ?? unavailableDependency(e.cause, depth + 1);
}

/** The error's own short reason for the outage log line (a code, not a stack). */
export function outageReason(error: unknown): string {
  const e = (error ?? {}) as Failure;
  const inner = (e.driverError ?? e.cause ?? {}) as Failure;
  const code = [e.code, inner.code].find((c) => typeof c === 'string');
  const message = [e.message, inner.message].find((m) => typeof m === 'string');
  return [code, message].filter(Boolean).join(': ') || String(error);
}
