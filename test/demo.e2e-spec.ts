import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DatabaseModule } from '@pendamping/database';
import { DEMO_PASSWORD, DemoModule, DemoSeedService } from '@pendamping/demo';
import { AssistanceCase, AvailabilityService, Consultation, OutcomeService } from '@pendamping/consultations';
import { AuthService, User } from '@pendamping/identity';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, RedisModule, type AppConfig } from '@pendamping/platform';
import { Certificate, Registration, RegistrationsService, WorkshopReader, Workshop, WorkshopSession, type RegistrationResult } from '@pendamping/workshops';
import { scratchDatabase } from './support/scratch-database';
import { TestApp } from './support/test-app';
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
      const consultations = await db.getRepository(Consultation).find({ order: { start: 'ASC' } });
      const upcoming = consultations.filter((c) => c.start.getTime() > Date.now());
      expect(upcoming).toEqual([expect.objectContaining({ status: 'booked', topic: 'permodalan' })]);
      // The past: four held with the mentor's outcome, one missed, each booked before it took place.
      const past = consultations.filter((c) => c.start.getTime() < Date.now());
      expect(past.map((c) => c.status).sort()).toEqual(['completed', 'completed', 'completed', 'completed', 'no_show']);
      for (const c of past) expect(c.createdAt.getTime()).toBeLessThan(c.start.getTime());
      const workshops = await db.getRepository(Workshop).find({ order: { createdAt: 'DESC' } });
      expect(workshops).toHaveLength(2);
      const series = await app.get(WorkshopReader).one(workshops.find((w) => w.title === 'Pengelolaan Keuangan UMKM')!.id);
      expect(series).toMatchObject({ title: 'Pengelolaan Keuangan UMKM', status: 'published', registeredCount: 8, speakers: [{ organization: 'Bank DKI' }] });
      expect(series.sessions.map((s) => s.start.toISOString().slice(11))).toEqual(Array(4).fill('02:00:00.000Z'));
      expect(await app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('gives the freshly seeded demo a past the api shows: the default funnel is non-zero at every stage, an approved Bank DKI case, an overdue follow-up, a past session with attendance, feedback, certificates and its live report, a failed delivery', async () => {
    const api = await TestApp.start({ DATABASE_URL: database.url });
    try {
      const logIn = async (email: string) => {
        const res = await api.post('/api/auth/login', { email, password: DEMO_PASSWORD });
        expect(res.status).toBe(200);
        return { token: res.body.accessToken as string };
      };
      const admin = await logIn('admin@demo.pendamping.id');
      const rina = await logIn('rina.pendamping@demo.pendamping.id');

      const funnel = await api.get('/api/admin/reports/funnel', admin.token);
      expect(funnel.status).toBe(200);
      // 15 assisted; 6 booked (the coming one, 5 past); 4 held; 3 cases, 1 approved; 11 registered for the
      // two workshops (8 coming, 10 past, 7 in both); 7 attended the past session.
      expect(Object.fromEntries(funnel.body.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]))).toEqual({
        entrepreneurs: 15,
        booked: 6,
        consulted: 4,
        caseOpened: 3,
        caseApproved: 1,
        workshopRegistered: 11,
        certified: 7,
      });
      const tebet = await api.get('/api/admin/reports/funnel?kecamatanCode=31.71.09', admin.token);
      expect(tebet.body.stages).toEqual(funnel.body.stages);

      const cases = await api.get('/api/cases', admin.token);
      expect(cases.status).toBe(200);
      const byType = Object.fromEntries(cases.body.items.map((c: { type: string }) => [c.type, c]));
      expect(byType.permodalan).toMatchObject({ status: 'approved', lender: 'Bank DKI', referenceNumber: 'KUR-DKI/2026/0117' });
      expect(byType.perizinan).toMatchObject({ status: 'submitted', permit: 'NIB' });
      expect(byType.sertifikasi_halal).toMatchObject({ status: 'open' });

      const overdue = await api.get('/api/mentors/me/follow-ups?overdue=true', rina.token);
      expect(overdue.status).toBe(200);
      expect(overdue.body.items).toEqual([expect.objectContaining({ entrepreneurName: 'Joko Prasetyo', overdue: true })]);

      const db = api.app.get(DataSource);
      const [held] = await db.getRepository(Workshop).findBy({ title: 'Pembukuan Sederhana untuk Usaha Rumahan' });
      const [session] = await db.getRepository(WorkshopSession).findBy({ workshopId: held.id });
      expect(session.endsAt.getTime()).toBeLessThan(Date.now());
      const attendance = await api.get(`/api/workshops/${held.id}/attendance`, admin.token);
      expect(attendance.status).toBe(200);
      const people: { name: string; seconds: number; attended: boolean }[] = attendance.body.items;
      expect(people).toHaveLength(10);
      expect(people.filter((a) => a.attended)).toHaveLength(7);
      for (const a of people.filter((x) => x.attended)) expect(a.seconds).toBeGreaterThanOrEqual(0.75 * 7200);
      // Two left after 35 minutes; one registered and never came.
      expect(people.filter((a) => !a.attended).map((a) => a.seconds).sort((a, b) => a - b)).toEqual([0, 2100, 2100]);
      const certificates = await db.getRepository(Certificate).findBy({ workshopId: held.id });
      expect(certificates).toHaveLength(7);
      for (const c of certificates) expect(c.issuedAt.getTime()).toBeLessThanOrEqual(session.endsAt.getTime());
      const feedback = await api.get(`/api/workshops/${held.id}/feedback`, admin.token);
      expect(feedback.body).toMatchObject({ count: 5, averageRating: 4.2 });

      const report = await api.get(`/api/workshops/${held.id}/live-report`, admin.token);
      expect(report.status).toBe(200);
      const [live] = report.body.sessions;
      expect(live.questions.map((q: { votes: number; answered: boolean }) => [q.votes, q.answered])).toEqual([[4, true], [3, false], [2, true]]);
      expect(live.polls).toEqual([expect.objectContaining({ counts: [2, 3, 2], voters: 7, closedAt: expect.any(String) })]);

      const failed = await api.get('/api/admin/notification-deliveries', admin.token);
      expect(failed.status).toBe(200);
      expect(failed.body.items).toEqual([expect.objectContaining({ channel: 'whatsapp', status: 'failed', type: 'consultation.reminder', lastError: expect.stringContaining('131026') })]);
    } finally {
      await api.close();
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
    // The next run dies in the past: at the third consultation's outcome (two held ones are written).
    class CrashingOutcomes extends OutcomeService {
      private calls = 0;
      override record(...args: Parameters<OutcomeService['record']>) {
        if (++this.calls === 3) throw new Error('the process died in the history');
        return super.record(...args);
      }
    }
    const crashingAgain = await Test.createTestingModule({ imports: [Demo] }).overrideProvider(OutcomeService).useClass(CrashingOutcomes).compile();
    const crashedAgain = await crashingAgain.init();
    try {
      await expect(crashedAgain.get(DemoSeedService).seedIfEmpty()).rejects.toThrow('the process died in the history');
      expect(await crashedAgain.get(DataSource).getRepository(AssistanceCase).count()).toBe(2);
    } finally {
      await crashedAgain.close();
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
      expect(await db.getRepository(Consultation).count()).toBe(6);
      expect(await db.getRepository(AssistanceCase).count()).toBe(3);
      expect(await db.query("SELECT COUNT(*) AS n FROM consultation_outcomes")).toEqual([{ n: 4 }]);
      const workshops = await db.getRepository(Workshop).find({ order: { title: 'ASC' } });
      expect(workshops.map((w) => w.title)).toEqual(['Pembukuan Sederhana untuk Usaha Rumahan', 'Pengelolaan Keuangan UMKM']);
      expect(await app.get(WorkshopReader).one(workshops[1].id)).toMatchObject({ status: 'published', registeredCount: 8 });
      expect(await db.getRepository(Registration).count()).toBe(18);
      expect(await db.getRepository(Certificate).count()).toBe(7);
      expect(await app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    } finally {
      await app.close();
      await resumed.drop();
    }
  });
});
