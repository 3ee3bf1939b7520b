import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { ensureDatabase, runMigrations } from '@pendamping/database';
import { insertTestKelurahan, MYSQL_URL } from './test-env';

/** A database of its own for a test that needs one empty (or un-migrated); drop() removes it. */
export async function scratchDatabase(purpose: string, options: { migrate: boolean }) {
  const name = `pendamping_${purpose}_${randomUUID().slice(0, 8)}`;
  const url = `${MYSQL_URL}/${name}`;
  await ensureDatabase(url);
  const migrations = options.migrate ? await runMigrations(url) : [];
  return {
    name,
    url,
    migrations,
    async drop() {
      const connection = await createConnection(MYSQL_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/**
 * A migrated database with the test kelurahan, for a suite that runs the worker: a worker reconciles
 * every pending notification in its database, so on the shared one it would deliver (or, configured
 * differently, skip) other suites' reminders.
 */
export async function workerDatabase(purpose: string) {
  const database = await scratchDatabase(purpose, { migrate: true });
  await insertTestKelurahan(database.url);
  return database;
}
