import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@pendamping/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@pendamping/demo';
import { AvailabilityService, Consultation } from '@pendamping/consultations';
import { AuthService, User } from '@pendamping/identity';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, RedisModule, type AppConfig } from '@pendamping/platform';
import { WorkshopReader, Workshop } from '@pendamping/workshops';
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
      const db = app.get(DataSource);
      const mentors = await db.getRepository(User).createQueryBuilder('u').where("FIND_IN_SET('mentor', u.roles) > 0").getMany();
      for (const mentor of mentors) expect((await app.get(AvailabilityService).view(mentor.id))?.weekly.length).toBeGreaterThan(0);
      const consultations = await db.getRepository(Consultation).find();
      expect(consultations).toEqual([expect.objectContaining({ status: 'booked', topic: 'permodalan' })]);
      expect(consultations[0].start.getTime()).toBeGreaterThan(Date.now());
      const [workshop] = await db.getRepository(Workshop).find();
      const series = await app.get(WorkshopReader).one(workshop.id);
      expect(series).toMatchObject({ title: 'Pengelolaan Keuangan UMKM', status: 'published', registeredCount: 8, speakers: [{ organization: 'Bank DKI' }] });
      expect(series.sessions.map((s) => s.start.toISOString().slice(11))).toEqual(Array(4).fill('02:00:00.000Z'));
      expect(await app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    } finally {
      await app.close();
    }
  });
});
