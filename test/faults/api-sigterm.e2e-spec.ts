import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { ApiProcess, get, requireBuiltApi, type Answer } from '../support/api-process';
import { copiedDatabase } from '../support/scratch-database';
import { TestApp, type Session } from '../support/test-app';

// The built api (as `npm start` runs it) in a child process, sent SIGTERM while requests are in flight and
// a kept-alive client sits idle. Requests are held in flight by a table lock the test takes in MySQL, on a
// database of its own so that the lock holds up no other suite.

describe('faults: api SIGTERM under traffic', () => {
  let database: Awaited<ReturnType<typeof copiedDatabase>>;
  let fixtures: TestApp;
  let people: Session[];
  let db: mysql.Connection;
  const started: ApiProcess[] = [];

  beforeAll(async () => {
    requireBuiltApi();
    database = await copiedDatabase('sigterm');
    fixtures = await TestApp.start({ DATABASE_URL: database.url });
    people = await fixtures.newEntrepreneurs(8);
    db = await mysql.createConnection(database.url);
  });
  afterAll(async () => {
    for (const api of started) api.kill();
    await db?.query('UNLOCK TABLES').catch(() => undefined);
    await db?.end();
    await fixtures?.close();
    await database?.drop();
  });

  /** Each person's consultation list: held in flight for as long as the test keeps `consultations` locked. */
  async function holdRequests(api: ApiProcess, agent: http.Agent): Promise<Promise<Answer>[]> {
    await db.query('LOCK TABLES consultations WRITE');
    const held = people.map((p) => get(api.port, '/api/consultations', { agent, token: p.token }));
    held.forEach((h) => h.catch(() => undefined)); // awaited by the test; a failed one must not go unhandled meanwhile
    // They are in flight once the api's queries wait for the lock.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await waiting()) < people.length) await sleep(50);
    return held;
  }

  async function waiting(): Promise<number> {
    const [rows] = await db.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND = 'Query' AND STATE LIKE '%lock%' AND ID <> CONNECTION_ID()",
    );
    return Number(rows[0].n);
  }

  it('finishes the requests in flight, turns health 503 at once, closes kept-alive connections and exits 0 well within the deadline', async () => {
    const api = await ApiProcess.start(database.url, { SHUTDOWN_TIMEOUT_MS: '10000' });
    started.push(api);
    const idleAgent = new http.Agent({ keepAlive: true });
    const idle = await get(api.port, '/api/health', { agent: idleAgent });
    expect(idle.headers.connection).toBe('keep-alive');
    const idleClosed = once(idle.socket, 'close');
    const busyAgent = new http.Agent({ keepAlive: true });
    const held = await holdRequests(api, busyAgent);
    expect(await waiting()).toBe(people.length);

    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    let health = await get(api.port, '/api/health', { agent: false });
    for (let i = 0; i < 10 && health.status === 200; i++) health = await get(api.port, '/api/health', { agent: false });
    expect(health.status).toBe(503);
    expect(Date.now() - signalledAt).toBeLessThan(1_000);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'error', draining: true });
    expect(health.headers.connection).toBe('close');
    // The idle kept-alive connection is closed by the server, not left for the client to end.
    await idleClosed;

    // The requests in flight are still running; let them finish.
    await sleep(500);
    expect(api.child.exitCode).toBeNull();
    await db.query('UNLOCK TABLES');
    const answers = await Promise.all(held);
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));
    expect(answers.every((a) => a.headers.connection === 'close')).toBe(true);

    const { code, at } = await api.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5_000);
    // Nobody is let in once the answers are out.
    await expect(get(api.port, '/api/health', { agent: false })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(api.output.join('')).toMatch(/Draining: \d+ requests in flight/);
    idleAgent.destroy();
    busyAgent.destroy();
  }, 60_000);

  it('with API_PROCESSES=2, drains both processes on SIGTERM: the requests in flight on each finish, then all exit 0', async () => {
    const api = await ApiProcess.start(database.url, { SHUTDOWN_TIMEOUT_MS: '10000', API_PROCESSES: '2' });
    started.push(api);
    // Health answers once one process listens; the other may still be starting.
    const deadline = Date.now() + 30_000;
    while ((api.output.join('').match(/is listening on port/g) ?? []).length < 2 && Date.now() < deadline) await sleep(100);
    const agent = new http.Agent({ keepAlive: true });
    // One connection per person, handed to the two processes in turn.
    const held = await holdRequests(api, agent);
    expect(await waiting()).toBe(people.length);

    api.child.kill('SIGTERM');
    let health = await get(api.port, '/api/health', { agent: false });
    let healthChecks = 1;
    for (; healthChecks <= 10 && health.status === 200; healthChecks++) health = await get(api.port, '/api/health', { agent: false });
    expect(health.status).toBe(503);
    await sleep(500);
    expect(api.child.exitCode).toBeNull();
    await db.query('UNLOCK TABLES');
    const answers = await Promise.all(held);
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));

    const { code } = await api.exited;
    expect(code).toBe(0);
    const log = api.output.join('');
    expect(log.match(/is listening on port/g)).toHaveLength(2);
    // Each process had some of the requests in hand when it began to drain.
    const inHand = [...log.matchAll(/Draining: (\d+) requests in flight/g)].map((m) => Number(m[1]));
    expect(inHand).toHaveLength(2);
    expect(inHand.every((n) => n > 0)).toBe(true);
    // The held ones, and perhaps a health check that reached a process just before the signal did.
    expect(inHand[0] + inHand[1]).toBeGreaterThanOrEqual(people.length);
    expect(inHand[0] + inHand[1]).toBeLessThanOrEqual(people.length + healthChecks);
    expect(log.match(/Stopped \(SIGTERM\)/g)).toHaveLength(2);
    await expect(get(api.port, '/api/health', { agent: false })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  }, 60_000);

  it('exits by SHUTDOWN_TIMEOUT_MS even while a request never finishes and a client holds its connection open', async () => {
    const api = await ApiProcess.start(database.url, { SHUTDOWN_TIMEOUT_MS: '2000' });
    started.push(api);
    const agent = new http.Agent({ keepAlive: true });
    await holdRequests(api, agent);

    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    await db.query('UNLOCK TABLES');
    expect(code).toBe(1);
    expect(at - signalledAt).toBeGreaterThanOrEqual(1_900);
    expect(at - signalledAt).toBeLessThan(4_000);
    expect(api.output.join('')).toMatch(/Shutdown did not finish within 2000 ms/);
    agent.destroy();
  }, 60_000);
});
