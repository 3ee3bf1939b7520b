import { QueryFailedError } from 'typeorm';
import { unavailableDependency } from './dependency-errors';
import { toErrorResponse } from './error-response';

/** mysql2's error objects carry these fields; the real ones are made by the driver, not by us. */
const mysqlError = (code: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...fields });

describe('unavailableDependency', () => {
  it.each([
    ['a refused connection from the pool', mysqlError('ECONNREFUSED', { errno: -111, syscall: 'connect', fatal: true })],
    ['a connection lost mid-query', mysqlError('PROTOCOL_CONNECTION_LOST', { fatal: true })],
    ['a server shutting down', mysqlError('ER_SERVER_SHUTDOWN', { errno: 1053, sqlState: '08S01' })],
    ['a killed connection (MariaDB)', mysqlError('ER_CONNECTION_KILLED', { errno: 1927 })],
    ['too many connections', mysqlError('ER_CON_COUNT_ERROR', { errno: 1040 })],
    ['a query on a closed connection', new Error("Can't add new command when connection is in closed state")],
    ['TypeORM wrapping a lost connection', new QueryFailedError('SELECT 1', [], mysqlError('PROTOCOL_CONNECTION_LOST', { fatal: true }))],
    ['TypeORM wrapping a reset socket', new QueryFailedError('SELECT 1', [], mysqlError('ECONNRESET', { errno: -104, syscall: 'read' }))],
    ['a cause chain', new Error('booking failed', { cause: mysqlError('ETIMEDOUT', { fatal: true }) })],
  ])('MySQL: %s', (_name, error) => {
    expect(unavailableDependency(error)).toBe('mysql');
  });

  it.each([
    ['the offline queue off', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a closed connection', new Error('Connection is closed.')],
    ['retries used up', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })],
  ])('Redis: %s', (_name, error) => {
    expect(unavailableDependency(error)).toBe('redis');
  });

  it.each([
    ['a duplicate key', new QueryFailedError('INSERT', [], mysqlError('ER_DUP_ENTRY', { errno: 1062 }))],
    ['a deadlock', mysqlError('ER_LOCK_DEADLOCK', { errno: 1213 })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'oops'],
  ])('not an outage: %s', (_name, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});

describe('toErrorResponse for an unreachable dependency', () => {
  it('is a 503 SERVICE_UNAVAILABLE with Retry-After and a readable Indonesian message, without internals', () => {
    const mapped = toErrorResponse(new QueryFailedError('SELECT 1', [], mysqlError('ECONNREFUSED', { fatal: true, address: '10.0.0.5', port: 3306 })));
    expect(mapped).toMatchObject({ body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE' }, unavailable: 'mysql' });
    expect(mapped.internal).toBeUndefined();
    expect(mapped.retryAfterSeconds).toBeGreaterThan(0);
    expect(mapped.body.message).toMatch(/Silakan coba lagi/);
    expect(JSON.stringify(mapped.body)).not.toMatch(/10\.0\.0\.5|ECONNREFUSED|3306/);
  });
});

describe('toErrorResponse for a lock conflict that escaped the transaction helper', () => {
  it.each(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'])('answers %s with 409 TRY_AGAIN and Retry-After, not a 500', (code) => {
    const mapped = toErrorResponse(new QueryFailedError('UPDATE consultations', [], mysqlError(code)));
    expect(mapped.body).toMatchObject({ statusCode: 409, code: 'TRY_AGAIN' });
    expect(mapped.retryAfterSeconds).toBe(1);
    expect(mapped.internal).toBeUndefined();
  });
});
