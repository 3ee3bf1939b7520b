import mysql2 from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/**
 * mysql2 with every pooled connection pinned to UTC, so CURRENT_TIMESTAMP defaults and DATETIME values
 * agree with the UTC the application writes, whatever the server's own zone.
 */
const mysqlInUtc = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions) {
    const pool = mysql2.createPool(options);
    pool.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));
    return pool;
  },
};

export function serverConnectionOptions(databaseUrl: string, withDatabase = true): mysql2.ConnectionOptions {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: withDatabase ? decodeURIComponent(url.pathname.slice(1)) || undefined : undefined,
    connectTimeout: 5_000,
  };
}

/** MySQL or MariaDB: TypeORM reads their schemas differently, so it must know which one it talks to. */
export async function serverFlavour(databaseUrl: string): Promise<'mysql' | 'mariadb'> {
  const connection = await mysql2.createConnection(serverConnectionOptions(databaseUrl, false)).promise();
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as { version: string }[])[0].version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Connection and migrations, without entities (enough to migrate). */
export async function connectionOptions(databaseUrl: string): Promise<DataSourceOptions> {
  return {
    type: await serverFlavour(databaseUrl),
    driver: mysqlInUtc,
    url: databaseUrl,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns are calendar days (a follow-up date, a day off), not instants: keep them as 'YYYY-MM-DD'.
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: false,
    poolSize: 20,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Off: expected errors (a duplicate key is how we detect races) would log personal data.
    // Unexpected ones reach the exception filter, which logs them once.
    logging: false,
  };
}
