import mysql2 from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
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

/** MySQL or MariaDB: TypeORM reads their schemas differently, so it must know which one it talks to. */
export async function serverFlavour(databaseUrl: string): Promise<'mysql' | 'mariadb'> {
  const url = new URL(databaseUrl);
  const connection = await mysql2.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  }).promise();
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as { version: string }[])[0].version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function dataSourceOptions(databaseUrl: string): Promise<DataSourceOptions> {
  return {
    type: await serverFlavour(databaseUrl),
    driver: mysqlInUtc,
    url: databaseUrl,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    poolSize: 20,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  };
}
