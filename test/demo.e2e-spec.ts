import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createConnection } from 'mysql2/promise';
import { DatabaseModule, ensureDatabase, runMigrations } from '@pendamping/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@pendamping/demo';
import { AuthService } from '@pendamping/identity';
import { ConfigModule, loadConfig, RedisModule } from '@pendamping/platform';
import { MYSQL_URL, testEnv } from './support/test-env';

describe('demo data (on its own empty database)', () => {
  const name = `pendamping_demo_${randomUUID().slice(0, 8)}`;
  const config = loadConfig({ ...testEnv(), DATABASE_URL: `${MYSQL_URL}/${name}` });

  beforeAll(async () => {
    await ensureDatabase(config.databaseUrl);
    await runMigrations(config.databaseUrl);
  });
  afterAll(async () => {
    const connection = await createConnection(MYSQL_URL);
    await connection.query(`DROP DATABASE \`${name}\``);
    await connection.end();
  });

  it('seeds an empty database once, and every printed login works with the demo password', async () => {
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, DemoModule] })
    class Demo {}
    const app = await NestFactory.createApplicationContext(Demo, { logger: false });
    try {
      const logins = await app.get(DemoSeedService).seedIfEmpty();
      expect(logins).not.toBeNull();
      const roles = logins!.map((l) => l.role.split(' ')[0]);
      expect(new Set(roles)).toEqual(new Set(['admin', 'mentor', 'speaker', 'entrepreneur']));
      const types = logins!.filter((l) => l.role.startsWith('entrepreneur')).map((l) => l.role);
      for (const type of ['konveksi', 'kerajinan', 'makanan_minuman', 'katering', 'kelontong']) {
        expect(types.filter((t) => t.includes(type)).length).toBeGreaterThanOrEqual(2);
      }
      for (const login of logins!) {
        const result = await app.get(AuthService).login(login.email, DEMO_PASSWORD, '127.0.0.1');
        expect(result.user.email).toBe(login.email);
      }
      expect(await app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    } finally {
      await app.close();
    }
  });
});
