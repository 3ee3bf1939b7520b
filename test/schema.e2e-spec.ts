import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@pendamping/database';
import { scratchDatabase } from './support/scratch-database';
import { testEnv } from './support/test-env';

async function pendingSchemaChanges(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(await dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

describe('database schema', () => {
  it('has migrations that match the entities exactly (no drift)', async () => {
    // Fails when an entity changed without `npm run migration:generate -- <Name>`.
    expect(await pendingSchemaChanges(testEnv().DATABASE_URL)).toEqual([]);
  });

  it('migrates a fresh database, reverts every migration and migrates again', async () => {
    const { name, url, drop } = await scratchDatabase('schema', { migrate: false });
    try {
      const ran = await runMigrations(url);
      expect(ran.length).toBeGreaterThan(0);
      const dataSource = new DataSource(await dataSourceOptions(url));
      await dataSource.initialize();
      for (let i = 0; i < ran.length; i++) await dataSource.undoLastMigration();
      const [tables] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name <> 'migrations'`,
        [name],
      );
      expect(Number(tables.n)).toBe(0);
      await dataSource.destroy();
      expect(await runMigrations(url)).toEqual(ran);
      expect(await pendingSchemaChanges(url)).toEqual([]);
    } finally {
      await drop();
    }
  });

  it('pins every pooled connection to UTC, whatever the server zone', async () => {
    const dataSource = new DataSource(await dataSourceOptions(testEnv().DATABASE_URL));
    await dataSource.initialize();
    try {
      const rows = await Promise.all(Array.from({ length: 5 }, () => dataSource.query('SELECT @@session.time_zone AS zone')));
      expect(rows.map(([row]) => row.zone)).toEqual(Array(5).fill('+00:00'));
    } finally {
      await dataSource.destroy();
    }
  });
});
