import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import mysql from 'mysql2/promise';
import { ApiProcess, requireBuiltApi } from '../support/api-process';
import { freePort } from '../support/private-redis';
import { RoundRobinProxy } from '../support/round-robin-proxy';
import { copiedDatabase } from '../support/scratch-database';
import { TestApp, type Session } from '../support/test-app';

// Two built api processes on one database and one Redis behind a round-robin proxy (test/support, as nginx
// with proxy_next_upstream), steady reads and bookings through it, and one api sent SIGTERM mid-traffic.
// Requests are held in flight on both apis by a lock on `workshops`, which neither the steady reads nor the
// bookings touch; the database is the suite's own, so the lock holds up no other suite.

interface Seen {
  method: string;
  path: string;
  status: number;
  body: any;
}

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const HELD = 8;

describe('faults: api SIGTERM with two api processes behind a proxy', () => {
  let database: Awaited<ReturnType<typeof copiedDatabase>>;
  let fixtures: TestApp;
  let db: mysql.Connection;
  let proxy: RoundRobinProxy | undefined;
  const started: ApiProcess[] = [];

  beforeAll(async () => {
    requireBuiltApi();
    database = await copiedDatabase('sigterm_two');
    fixtures = await TestApp.start({ DATABASE_URL: database.url });
    db = await mysql.createConnection(database.url);
  });
  afterAll(async () => {
    for (const api of started) api.kill();
    await proxy?.close();
    await db?.query('UNLOCK TABLES').catch(() => undefined);
    await db?.end();
    await fixtures?.close();
    await database?.drop();
  });

  async function waiting(): Promise<number> {
    const [rows] = await db.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND = 'Query' AND STATE LIKE '%lock%' AND ID <> CONNECTION_ID()",
    );
    return Number(rows[0].n);
  }

  it('answers every request (in flight on the stopping api, or sent on to the other), the stopped api exits 0, and each booking is stored once', async () => {
    const mentors = [await fixtures.newUser(['mentor']), await fixtures.newUser(['mentor'])];
    for (const mentor of mentors) {
      const body = { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay };
      expect((await fixtures.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body })).status).toBe(200);
    }
    const people = await fixtures.newEntrepreneurs(60);
    const first = DateTime.now().setZone('Asia/Jakarta').plus({ days: 3 }).startOf('day');
    const slotOf = (i: number) => first.plus({ minutes: 30 * i }).toUTC().toISO()!;

    const env = { SHUTDOWN_TIMEOUT_MS: '10000', LOG_LEVEL: 'warn' };
    const [stopping, staying] = await Promise.all([ApiProcess.start(database.url, env), ApiProcess.start(database.url, env)]);
    started.push(stopping, staying);
    proxy = await RoundRobinProxy.start([stopping.port, staying.port]);
    const base = `http://127.0.0.1:${proxy.port}`;

    const seen: Seen[] = [];
    const call = async (method: string, path: string, options: { token?: string; body?: unknown; key?: string } = {}): Promise<Seen> => {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.key) headers['idempotency-key'] = options.key;
      const res = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await res.text();
      const answer = { method, path, status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
      seen.push(answer);
      return answer;
    };

    // Steady traffic: three readers and one person after another booking (each booking with its own key).
    let stop = false;
    const booked = new Map<string, string>();
    const bookedAt: number[] = [];
    const readers = Array.from({ length: 3 }, async (_, r) => {
      for (let n = 0; !stop; n++) {
        const who: Session = people[(r * 17 + n) % people.length];
        await call('GET', n % 2 ? '/api/consultations' : '/api/me', { token: who.token });
      }
    });
    const booker = (async () => {
      for (let i = 0; !stop && i < people.length; i++) {
        const body = { mentorId: mentors[i % 2].id, start: slotOf(i), topic: 'permodalan' };
        const answer = await call('POST', '/api/consultations', { token: people[i].token, body, key: randomUUID() });
        if (answer.status === 201) booked.set(people[i].id, answer.body.id);
        bookedAt.push(Date.now());
        await sleep(50);
      }
    })();
    await sleep(1_000);

    // Requests held in flight on both apis, then SIGTERM to one of them.
    await db.query('LOCK TABLES workshops WRITE');
    const held = Array.from({ length: HELD }, () => call('GET', '/api/workshops'));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await waiting()) < HELD) await sleep(50);
    expect(await waiting()).toBeGreaterThanOrEqual(HELD);
    const signalledAt = Date.now();
    stopping.child.kill('SIGTERM');
    await sleep(1_000); // traffic goes on meanwhile
    expect(stopping.child.exitCode).toBeNull(); // still waiting for its held requests
    await db.query('UNLOCK TABLES');
    expect((await Promise.all(held)).map((a) => a.status)).toEqual(Array(HELD).fill(200));

    const { code, at } = await stopping.exited;
    expect(code).toBe(0); // 1 had SHUTDOWN_TIMEOUT_MS cut the drain short
    // And on, with one api, for a few more bookings.
    const more = Date.now() + 10_000;
    while (Date.now() < more && bookedAt.filter((t) => t > at).length < 3) await sleep(50);
    stop = true;
    await Promise.all([...readers, booker]);

    // Clients saw no failure: the proxy only sent on what it could repeat.
    expect(seen.filter((a) => a.status !== 200 && a.status !== 201).map((a) => `${a.method} ${a.path}: ${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    const served = proxy.served;
    // Held requests were answered by the stopping api too, and it served traffic before the signal; after it exited, only the other one did.
    expect(served.filter((s) => s.path === '/api/workshops' && s.backend === 0).length).toBeGreaterThan(0);
    expect(served.some((s) => s.backend === 0 && s.at < signalledAt && s.path !== '/api/workshops')).toBe(true);
    expect(served.filter((s) => s.at > at).every((s) => s.backend === 1)).toBe(true);
    expect(served.filter((s) => s.at > at).length).toBeGreaterThan(0);

    // Each booking answered 201 is in MySQL once; nobody has a second one.
    expect(bookedAt.some((t) => t < signalledAt) && bookedAt.some((t) => t > at)).toBe(true);
    const [rows] = await db.query<mysql.RowDataPacket[]>('SELECT id, entrepreneurId FROM consultations WHERE mentorId IN (?, ?)', [mentors[0].id, mentors[1].id]);
    expect(new Map(rows.map((r) => [r.entrepreneurId as string, r.id as string]))).toEqual(booked);
    expect(rows).toHaveLength(booked.size);
  }, 90_000);

  it('the proxy itself skips a backend that refuses connections and one whose health answers 503', async () => {
    const stand = async (status: number) => {
      const server = http.createServer((req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status })));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return server;
    };
    const [draining, up] = [await stand(503), await stand(200)];
    const balancer = await RoundRobinProxy.start([await freePort(), (draining.address() as { port: number }).port, (up.address() as { port: number }).port]);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${balancer.port}/api/health`).then((r) => r.status)));
      expect(answers).toEqual(Array(6).fill(200));
      expect(balancer.served.map((s) => s.backend)).toEqual(Array(6).fill(2));
    } finally {
      await balancer.close();
      draining.close();
      up.close();
    }
  });
});
