// Global setup runs outside jest's module mapper: import by path, and only files free of @pendamping/* imports.
import sparticuz from '@sparticuz/chromium';
import { ensureDatabase, runMigrations } from '../../libs/database/src/schema-setup';
import { loadConfig } from '../../libs/platform/src/config/app-config';
import { preflight, PreflightError } from '../../libs/platform/src/preflight';
import { insertTestKelurahan, MYSQL_URL, REDIS_URL, TEST_ENV_KEYS } from './test-env';
import { shareWallClock } from './wall-clock';

/** One database per test run, migrated once; every suite shares it and makes its own rows. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const databaseUrl = `${MYSQL_URL}/pendamping_test_${run}`;
  try {
    await preflight(loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL }));
  } catch (error) {
    if (error instanceof PreflightError) throw new Error(`The tests need MySQL and Redis.\n${error.message}`, { cause: error });
    throw error;
  }
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  await insertTestKelurahan(databaseUrl);
  process.env[TEST_ENV_KEYS.databaseUrl] = databaseUrl;
  process.env[TEST_ENV_KEYS.redisPrefix] = `pendamping-test-${run}`;
  shareWallClock(process.env);
  // The browser suites run in parallel workers: unpack the bundled Chromium once here, so no worker
  // launches a binary another worker is still writing (a clean machine's first run).
  if (!process.env.CHROMIUM_PATH) await sparticuz.executablePath();
}
