import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { connectionOptions, serverConnectionOptions } from './connection';

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** Creates the database named in the URL when it does not exist yet (utf8mb4). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!DATABASE_NAME.test(name)) throw new Error(`DATABASE_URL must name a database of letters, digits and _ (got "${name}")`);
  const connection = await createConnection(serverConnectionOptions(databaseUrl, false));
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** Runs pending migrations; returns the names of those it ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(await connectionOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
