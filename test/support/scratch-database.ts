import { randomUUID } from 'node:crypto';
import mysql, { createConnection } from 'mysql2/promise';
import { ensureDatabase, runMigrations } from '@pendamping/database';
import { insertTestKelurahan, MYSQL_URL, testEnv } from './test-env';

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

/**
 * Creates `database` on the server at `serverUrl` with the tables of `from` (a migrated database) as they
 * are, plus the rows of `rowsOf` (reference data and the migrations done). A second or two, where running
 * every migration again takes ten or more on a busy machine.
 */
export async function copySchema(from: string, serverUrl: string, database: string, rowsOf = ['regions', 'migrations']): Promise<string> {
  const source = await createConnection(from);
  const target = await createConnection({ uri: serverUrl, multipleStatements: true });
  try {
    await target.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await target.query(`USE \`${database}\``);
    await target.query('SET FOREIGN_KEY_CHECKS = 0');
    const [tables] = await source.query<mysql.RowDataPacket[]>("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'");
    for (const row of tables) {
      const table = String(Object.values(row)[0]);
      const [[created]] = await source.query<mysql.RowDataPacket[]>(`SHOW CREATE TABLE \`${table}\``);
      await target.query(created['Create Table'] as string);
      if (!rowsOf.includes(table)) continue;
      const [rows] = await source.query<mysql.RowDataPacket[]>(`SELECT * FROM \`${table}\``);
      if (rows.length === 0) continue;
      await target.query(`INSERT INTO \`${table}\` (${Object.keys(rows[0]).map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [rows.map((r) => Object.values(r))]);
    }
  } finally {
    await source.end();
    await target.end();
  }
  return `${serverUrl}/${database}`;
}

/** An empty copy of the test run's database (schema, regions, test kelurahan): for a suite that runs the worker, or locks tables. */
export async function copiedDatabase(purpose: string) {
  const name = `pendamping_${purpose}_${randomUUID().slice(0, 8)}`;
  const url = await copySchema(testEnv().DATABASE_URL, MYSQL_URL, name);
  return {
    name,
    url,
    async drop() {
      const connection = await createConnection(MYSQL_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
