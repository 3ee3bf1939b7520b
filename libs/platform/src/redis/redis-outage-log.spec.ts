import { EventEmitter } from 'node:events';
import { Logger, type LoggerService } from '@nestjs/common';
import { isRedisConnectionError, logRedisOutages } from './redis-outage-log';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });

describe('logRedisOutages', () => {
  const lines: string[] = [];
  const sink: LoggerService = { log: (m: string) => lines.push(`log ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
  beforeEach(() => {
    lines.length = 0;
    Logger.overrideLogger(sink);
  });
  afterAll(() => Logger.overrideLogger(false));

  it('logs a lost connection once per outage, however often it retries, and once when it is back', () => {
    const client = new EventEmitter();
    logRedisOutages('shared connection', client);
    for (let i = 0; i < 29; i++) client.emit('error', refused());
    client.emit('ready');
    client.emit('error', refused());
    client.emit('error', new Error('Connection is closed.'));
    expect(lines).toEqual([
      'warn shared connection: Redis unreachable (connect ECONNREFUSED 127.0.0.1:6379); retrying, logged again once it is back',
      expect.stringMatching(/^log shared connection: Redis reachable again after \d+ s$/),
      'warn shared connection: Redis unreachable (connect ECONNREFUSED 127.0.0.1:6379); retrying, logged again once it is back',
    ]);
  });

  it('logs every other error (a failing command), also in the middle of an outage, and takes "ready" from a second emitter', () => {
    const queue = new EventEmitter();
    const backend = new EventEmitter();
    logRedisOutages('queue notifications', queue, backend);
    queue.emit('error', new Error('ERR Error running script'));
    queue.emit('error', refused());
    queue.emit('error', refused());
    queue.emit('error', new Error('ERR Error running script'));
    backend.emit('ready');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['warn queue notifications', 'warn queue notifications', 'warn queue notifications', 'log queue notifications']);
    expect(lines[1]).toContain('Redis unreachable');
  });

  it('tells connection errors from command errors', () => {
    expect(isRedisConnectionError(refused())).toBe(true);
    expect(isRedisConnectionError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isRedisConnectionError(Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
    expect(isRedisConnectionError(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
    expect(isRedisConnectionError('ECONNREFUSED')).toBe(false);
  });
});
