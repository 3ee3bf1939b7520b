import { createConnection } from 'mysql2/promise';

// The environment every test app starts from. Global setup fills in the per-run database and prefix.
export const TEST_ENV_KEYS = { databaseUrl: 'PENDAMPING_TEST_DATABASE_URL', redisPrefix: 'PENDAMPING_TEST_REDIS_PREFIX' } as const;

export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Kelurahan every test may use (Kecamatan Tebet). */
export const TEST_KELURAHAN = ['31.71.09.1001', '31.71.09.1002', '31.71.09.1003'];

/** Adds the test kelurahan to a migrated database. */
export async function insertTestKelurahan(databaseUrl: string): Promise<void> {
  const connection = await createConnection(databaseUrl);
  try {
    await connection.query(
      `INSERT INTO regions (code, name, level, parentCode) VALUES ${TEST_KELURAHAN.map(() => "(?, ?, 'kelurahan', '31.71.09')").join(', ')}`,
      TEST_KELURAHAN.flatMap((code, i) => [code, `Kelurahan Uji ${i + 1}`]),
    );
  } finally {
    await connection.end();
  }
}

export function testEnv(): Record<string, string> {
  const databaseUrl = process.env[TEST_ENV_KEYS.databaseUrl];
  const redisPrefix = process.env[TEST_ENV_KEYS.redisPrefix];
  if (!databaseUrl || !redisPrefix) throw new Error('Run the tests with `npm test`: global setup prepares the test database');
  return {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    DEMO_DATA: 'false',
    // Every suite registers its people from 127.0.0.1; the identity suite tests the limit with its own.
    REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
  };
}
