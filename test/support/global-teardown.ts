import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { MYSQL_URL, REDIS_URL, TEST_ENV_KEYS } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env[TEST_ENV_KEYS.databaseUrl];
  const prefix = process.env[TEST_ENV_KEYS.redisPrefix];
  if (databaseUrl && process.env.KEEP_TEST_DATABASE !== 'true') {
    const connection = await createConnection(MYSQL_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${new URL(databaseUrl).pathname.slice(1)}\``);
    await connection.end();
  }
  if (prefix) {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}
