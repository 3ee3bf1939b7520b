import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DatabaseModule } from '@pendamping/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@pendamping/demo';
import { AvailabilityService, Consultation } from '@pendamping/consultations';
import { AuthService, User } from '@pendamping/identity';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, RedisModule, type AppConfig } from '@pendamping/platform';
import { Registration, RegistrationsService, WorkshopReader, Workshop, type RegistrationResult } from '@pendamping/workshops';
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

  it('completes a demo set that a crash left half-written: the next run writes the rest, and the set exists once', async () => {
    const resumed = await scratchDatabase('demo_resume', { migrate: true });
    const resumedConfig = loadConfig({ ...testEnv(), DATABASE_URL: resumed.url });
    @Module({ imports: [ConfigModule.forRoot(resumedConfig), DatabaseModule, RedisModule, DemoModule] })
    class Demo {}
    // The process dies at the fourth workshop registration: accounts, the consultation and the series exist.
    class CrashingRegistrations extends RegistrationsService {
      private calls = 0;
      override register(...args: Parameters<RegistrationsService['register']>): Promise<RegistrationResult> {
        if (++this.calls === 4) throw new Error('the process died here');
        return super.register(...args);
      }
    }
    const crashing = await Test.createTestingModule({ imports: [Demo] }).overrideProvider(RegistrationsService).useClass(CrashingRegistrations).compile();
    const crashed = await crashing.init();
    try {
      await expect(crashed.get(DemoSeedService).seedIfEmpty()).rejects.toThrow('the process died here');
      expect(await crashed.get(DataSource).getRepository(Registration).count()).toBe(3);
    } finally {
      await crashed.close();
    }

    const app = await NestFactory.createApplicationContext(Demo, { logger: false });
    try {
      const logins = await app.get(DemoSeedService).seedIfEmpty();
      expect(logins?.map((l) => l.email)).toContain('siti@demo.pendamping.id');
      expect(logins?.filter((l) => l.role.startsWith('admin'))).toHaveLength(1);
      const db = app.get(DataSource);
      const emails: { email: string }[] = await db.query('SELECT email FROM users');
      expect(emails).toHaveLength(logins!.length);
      expect(new Set(emails.map((e) => e.email))).toEqual(new Set(logins!.map((l) => l.email)));
      expect(await db.getRepository(Consultation).count()).toBe(1);
      const workshops = await db.getRepository(Workshop).find();
      expect(workshops).toHaveLength(1);
      expect(await app.get(WorkshopReader).one(workshops[0].id)).toMatchObject({ status: 'published', registeredCount: 8 });
      expect(await db.getRepository(Registration).count()).toBe(8);
      expect(await app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    } finally {
      await app.close();
      await resumed.drop();
    }
  });
});
