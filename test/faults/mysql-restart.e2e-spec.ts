import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import mysql from 'mysql2/promise';
import { PrivateMariadb } from '../support/private-mariadb';
import { TestApp, type Session } from '../support/test-app';
import { testEnv } from '../support/test-env';

// MySQL crashes (SIGKILL) and comes back in the middle of a booking burst, under the real api (in-process,
// same bootstrap as production) on a mariadbd of this suite's own.

interface Attempt {
  key: string;
  who: Session;
  body: { mentorId: string; start: string; topic: string };
  status: number;
  code?: string;
  id?: string;
  retryAfter: string | null;
  message?: unknown;
  at: number;
}

const CONCURRENCY = 24;
const LEVELS = ['error', 'warn', 'log'] as const;
/** What a booking may be refused for in this burst: a slot or a person taken, or an entrepreneur's limit. */
const CONFLICTS = ['SLOT_TAKEN', 'ALREADY_BOOKED_THEN', 'BOOKING_LIMIT_MENTOR', 'BOOKING_LIMIT_TOTAL'];
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

describe('faults: MySQL restarted during a booking burst', () => {
  let mariadb: PrivateMariadb;
  let databaseUrl: string;
  let app: TestApp;
  let mentors: Session[];
  let entrepreneurs: Session[];
  let slots: string[];
  const logged: { level: string; message: string }[] = [];
  const originals: Partial<Record<(typeof LEVELS)[number], Logger['log']>> = {};

  beforeAll(async () => {
    mariadb = await PrivateMariadb.create();
    databaseUrl = await mariadb.cloneDatabase(testEnv().DATABASE_URL, 'pendamping');
    app = await TestApp.start({ DATABASE_URL: databaseUrl });
    // Every Nest Logger line of the app, as the log would show it (the app's own log level is silent).
    for (const level of LEVELS) {
      const original = (originals[level] = Logger.prototype[level]);
      Logger.prototype[level] = function (this: Logger, message: unknown, ...rest: unknown[]) {
        logged.push({ level, message: String(message) });
        return original.call(this, message, ...(rest as []));
      };
    }
    mentors = [await app.newUser(['mentor']), await app.newUser(['mentor'])];
    for (const mentor of mentors) {
      const res = await app.request('PUT', '/api/mentors/me/availability', {
        token: mentor.token,
        body: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay },
      });
      expect(res.status).toBe(200);
    }
    entrepreneurs = await app.newEntrepreneurs(150);
    // 240 half-hour slots, 3 to 8 days ahead: enough that bookings keep succeeding through the burst, few
    // enough that requests collide on slots (SLOT_TAKEN) and on people (ALREADY_BOOKED_THEN).
    const first = DateTime.now().setZone('Asia/Jakarta').plus({ days: 3 }).startOf('day');
    slots = Array.from({ length: 240 }, (_, i) => first.plus({ minutes: 30 * i }).toUTC().toISO()!);
  }, 60_000);

  afterAll(async () => {
    for (const level of LEVELS) if (originals[level]) Logger.prototype[level] = originals[level];
    try {
      await app?.close();
    } finally {
      await mariadb?.destroy(); // never leave a mariadbd behind
    }
  });

  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

  async function send(key: string, who: Session, body: Attempt['body']): Promise<Attempt> {
    const res = await app.request('POST', '/api/consultations', { token: who.token, body, headers: { 'idempotency-key': key } });
    return { key, who, body, status: res.status, code: res.body?.code, id: res.body?.id, retryAfter: res.headers.get('retry-after'), message: res.body?.message, at: Date.now() };
  }

  it('answers 201, 409 or 503 with Retry-After (never 500), stores no phantom and no double booking, and recovers without a restart', async () => {
    const attempts: Attempt[] = [];
    let stop = false;
    const burst = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (!stop) {
          const body = { mentorId: pick(mentors).id, start: pick(slots), topic: 'permodalan' };
          attempts.push(await send(randomUUID(), pick(entrepreneurs), body));
        }
      }),
    );

    await sleep(1_500);
    const killedAt = Date.now();
    await mariadb.kill();
    // While MySQL is down the api says so: health is 503 naming MySQL.
    let health = await app.get('/api/health');
    for (let i = 0; i < 20 && health.status !== 503; i++) health = await app.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.checks).toMatchObject({ mysql: { status: 'down' }, redis: { status: 'up' } });
    await sleep(1_500);
    await mariadb.start();
    const restartedAt = Date.now();
    // Keep booking until the api has answered normally again for a while (at most 15 s).
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && attempts.filter((a) => a.at > restartedAt + 1_000 && (a.status === 201 || a.status === 409)).length < 50) await sleep(100);
    stop = true;
    await burst;

    const byStatus = (status: number) => attempts.filter((a) => a.status === status);
    const unexpected = attempts.filter((a) => ![201, 409, 503].includes(a.status));
    expect(unexpected.map((a) => `${a.status} ${a.code}`)).toEqual([]);
    expect(byStatus(201).filter((a) => a.at < killedAt).length).toBeGreaterThan(0);
    const refused = byStatus(503);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
      expect(a.message).toMatch(/coba lagi/);
    }
    expect(byStatus(409).filter((a) => !CONFLICTS.includes(a.code!))).toEqual([]);
    // Recovered without restarting the api: bookings succeed again after MySQL is back.
    expect(byStatus(201).filter((a) => a.at > restartedAt).length).toBeGreaterThan(0);
    expect((await app.get('/api/health')).status).toBe(200);

    // A client retries each 503 with its Idempotency-Key: it gets the booking (also one whose answer was
    // lost after the commit) or learns the slot is taken, never another 5xx.
    const retries = [];
    for (const a of refused) retries.push(await send(a.key, a.who, a.body));
    expect(retries.filter((r) => ![201, 409].includes(r.status)).map((r) => `${r.status} ${r.code}`)).toEqual([]);

    // No phantom: what is stored is exactly what was answered 201, first time or on the retry.
    const answered = new Set([...byStatus(201), ...retries.filter((r) => r.status === 201)].map((a) => a.id));
    const db = await mysql.createConnection(databaseUrl);
    const [rows] = await db.query<mysql.RowDataPacket[]>(
      "SELECT id, mentorId, entrepreneurId, start, end FROM consultations WHERE status = 'booked' ORDER BY start",
    );
    await db.end();
    expect(new Set(rows.map((r) => r.id))).toEqual(answered);
    // No double booking: no mentor and no entrepreneur in two consultations at once.
    for (const person of ['mentorId', 'entrepreneurId'] as const) {
      const seen = new Map<string, string>();
      for (const row of rows) {
        const slot = `${row[person]} ${new Date(row.start).toISOString()}`;
        expect(seen.get(slot)).toBeUndefined();
        seen.set(slot, row.id);
      }
    }

    // The log says when MySQL went away and when it came back, once each, and holds no stack per request.
    expect(logged.filter((l) => /MySQL is unavailable/.test(l.message))).toHaveLength(1);
    expect(logged.filter((l) => /MySQL is back/.test(l.message))).toHaveLength(1);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
