import { connect } from 'node:net';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { AppConfig } from './config/app-config';

export class PreflightError extends Error {}

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 3306)}`;
}

/** TCP first: a refused connection fails at once, where ioredis would leave timers behind. */
async function pingRedis(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379), timeout: 3_000 });
    socket.once('connect', () => socket.end(resolve));
    socket.once('timeout', () => socket.destroy(new Error('no answer within 3 s')));
    socket.once('error', reject);
  });
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** Checks MySQL and Redis answer before anything starts, and says how to fix it when they do not. */
export async function preflight(config: AppConfig): Promise<void> {
  const problems: string[] = [];
  const db = new URL(config.databaseUrl);
  try {
    const connection = await createConnection({
      host: db.hostname,
      port: Number(db.port || 3306),
      user: decodeURIComponent(db.username || 'root'),
      password: decodeURIComponent(db.password),
      connectTimeout: 3_000,
    });
    await connection.end();
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    problems.push(
      `MySQL is not reachable at ${where(config.databaseUrl)} (DATABASE_URL): ${reason}.\n` +
        '  Start it: `sudo service mariadb start` (or mysql), or `docker compose -f docker/compose.yaml up -d mysql`;\n' +
        '  or point DATABASE_URL (e.g. in .env) at your server: mysql://user:password@host:3306/pendamping',
    );
  }
  try {
    await pingRedis(config.redisUrl);
  } catch (error) {
    problems.push(
      `Redis is not reachable at ${where(config.redisUrl)} (REDIS_URL): ${(error as Error).message}.\n` +
        '  Start it: `redis-server --daemonize yes`, or `docker compose -f docker/compose.yaml up -d redis`;\n' +
        '  or point REDIS_URL (e.g. in .env) at your server: redis://host:6379',
    );
  }
  if (problems.length > 0) throw new PreflightError(problems.join('\n'));
}
