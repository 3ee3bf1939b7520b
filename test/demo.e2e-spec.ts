import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@pendamping/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@pendamping/demo';
import { AuthService } from '@pendamping/identity';
import { ConfigModule, loadConfig, RedisModule, type AppConfig } from '@pendamping/platform';
import { scratchDatabase } from './support/scratch-database';
import { testEnv } from './support/test-env';

describe('demo data (on its own empty database)', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let config: AppConfig;

  beforeAll(async () => {
    database = await scratchDatabase('demo', { migrate: true });
    config = loadConfig({ ...testEnv(), DATABASE_URL: database.url });
  });
  afterAll(() => database.drop());

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
