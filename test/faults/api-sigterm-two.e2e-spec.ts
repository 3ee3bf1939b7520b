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

// Two built api processes on one database and one Redis behind a round-robin proxy (test/support: health
// checked backends and proxy_next_upstream), steady reads and bookings through it, and one api sent SIGTERM
// mid-traffic. Requests are held in flight on both apis by a lock on `workshops`, which neither the steady
// reads nor the bookings touch; the database is the suite's own, so the lock holds up no other suite.
// Between the signal and the proxy's next health check (tens of ms) a new request may still reach the
// stopping api, which answers it, or it meets a kept-alive connection the drain has just closed (ECONNRESET)
// and the proxy sends it on, as every request here may be repeated. The claim is that none fails, and that
// none reaches the stopping api once the proxy has seen its 503.

interface Seen {
  method: string;
  path: string;
  status: number;
  body: any;
}

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const HELD = 8;
// New requests counted while the stopping api still holds its own: enough that round robin would send it some.
const NEW = 20;

describe('faults: api SIGTERM with two api processes behind a proxy', () => {
  let database: Awaited<ReturnType<typeof copiedDatabase>>;
  let fixtures: TestApp;
  let db: mysql.Connection;
  let proxy: RoundRobinProxy | undefined;
  const started: ApiProcess[] = [];
  // The steady traffic, stopped before the proxy closes (also when the test failed half-way).
  let stop = false;
  const traffic: Promise<void>[] = [];

  beforeAll(async () => {
    requireBuiltApi();
    database = await copiedDatabase('sigterm_two');
    fixtures = await TestApp.start({ DATABASE_URL: database.url });
    db = await mysql.createConnection(database.url);
  });
  afterAll(async () => {
    stop = true;
    await Promise.allSettled(traffic);
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

  it("sends new requests to the other api once the proxy sees the stopping one's health 503, while that one finishes its own; no client sees an error, it exits 0, and each booking is stored once", async () => {
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
    traffic.push(...readers, booker);
    await sleep(1_000);

    // Requests held in flight on both apis, at least HELD / 2 on each, sent one by one until they are.
    await db.query('LOCK TABLES workshops WRITE');
    const held: Promise<Seen>[] = [];
    const heldOn = (backend: number) => proxy!.inFlight().filter((r) => r.path === '/api/workshops' && r.tried.at(-1) === backend).length;
    while (heldOn(0) < HELD / 2 || heldOn(1) < HELD / 2) {
      expect(held.length).toBeLessThan(4 * HELD);
      held.push(call('GET', '/api/workshops'));
      await proxy.until('a held request sent on', () => (heldOn(0) + heldOn(1) === held.length ? true : undefined));
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await waiting()) < held.length) await sleep(50);
    expect(await waiting()).toBeGreaterThanOrEqual(held.length);

    // SIGTERM to one api; its health turns 503 at once, and the proxy's next health check takes it out.
    // Until then new requests may still reach it, and it answers them (with Connection: close).
    const signalledAt = Date.now();
    stopping.child.kill('SIGTERM');
    const noticed = await proxy.until('the stopping api answering health with 503', () => proxy!.checks.find((c) => c.backend === 0 && c.status === 503 && c.at > signalledAt), 5_000);
    // New requests: those that reached the proxy after that. Wait for reads and bookings among them.
    const fresh = () => proxy!.served.filter((s) => s.arrived > noticed.at);
    await proxy.until('new reads and bookings answered', () => (fresh().length >= NEW && fresh().some((s) => s.method === 'POST') ? true : undefined));
    const lastFresh = Math.max(...fresh().map((s) => s.arrived));
    // Meanwhile the stopping api was alive and took connections, so the proxy could have sent them there:
    // its held requests are still open, and it answers health (503, not refused) after the last of them.
    const stillUp = await proxy.until('the stopping api answering health after the new requests', () => proxy!.checks.find((c) => c.backend === 0 && c.sent > lastFresh));
    expect(stillUp.status).toBe(503);
    expect(stopping.child.exitCode).toBeNull();
    expect(heldOn(0)).toBeGreaterThanOrEqual(HELD / 2);
    await db.query('UNLOCK TABLES');
    expect((await Promise.all(held)).map((a) => a.status)).toEqual(Array(held.length).fill(200));

    const { code, at } = await stopping.exited;
    expect(code).toBe(0); // 1 had SHUTDOWN_TIMEOUT_MS cut the drain short
    // And on, with one api, for a few more bookings.
    const more = Date.now() + 10_000;
    while (Date.now() < more && bookedAt.filter((t) => t > at).length < 3) await sleep(50);
    stop = true;
    await Promise.all(traffic);

    // Clients saw no failure: the proxy only sent on what it could repeat.
    expect(seen.filter((a) => a.status !== 200 && a.status !== 201).map((a) => `${a.method} ${a.path}: ${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    const served = proxy.served;
    // The stopping api served traffic before the signal, and answered its held requests itself.
    expect(served.some((s) => s.backend === 0 && s.arrived < signalledAt && s.path !== '/api/workshops')).toBe(true);
    expect(served.filter((s) => s.path === '/api/workshops' && s.backend === 0).length).toBeGreaterThanOrEqual(HELD / 2);
    // From the proxy's 503 on, no request was sent to the stopping api, not even as a retry.
    const after = served.filter((s) => s.arrived > noticed.at);
    expect(after.filter((s) => s.tried.includes(0)).map((s) => `${s.method} ${s.path} tried ${s.tried.join(', ')}`)).toEqual([]);
    expect(after.filter((s) => s.arrived <= lastFresh).length).toBeGreaterThanOrEqual(NEW);

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
