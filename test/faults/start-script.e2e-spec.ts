import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../support/private-redis';
import { copiedDatabase } from '../support/scratch-database';
import { testEnv } from '../support/test-env';

// `npm start` after its build: scripts/start.mjs runs setup, then the built api and worker, and starts
// again whichever of them dies. Its own database (a worker reconciles every reminder in its database).

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('faults: the start script', () => {
  let database: Awaited<ReturnType<typeof copiedDatabase>>;
  let script: ChildProcess;
  let output = '';
  const pids: number[] = [];

  beforeAll(async () => {
    for (const built of ['dist/apps/api/main.js', 'dist/apps/worker/main.js']) {
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the tests`);
    }
    database = await copiedDatabase('start');
  });
  afterAll(async () => {
    if (script && script.exitCode === null) script.kill('SIGKILL');
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await database?.drop();
  });

  const seen = { api: [] as number[], worker: [] as number[] };
  /** Processes running `dist/apps/<name>/main.js` whose parent is `parent` now, added to `into` when new. */
  const children = (parent: number, name: 'api' | 'worker', into: number[]) => {
    let table = '';
    try {
      table = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' });
    } catch {
      // ps exits 1 when there are no children (any more)
    }
    for (const line of table.split('\n')) {
      const [pid, ...args] = line.trim().split(/\s+/);
      // The api's own processes run it by its absolute path.
      if (args.some((arg) => arg.endsWith(`dist/apps/${name}/main.js`)) && !args.includes('setup') && !into.includes(Number(pid))) into.push(Number(pid));
    }
    return into;
  };
  /** The script's api and worker processes now (from the process table), and every one seen so far. */
  const started = (name: 'api' | 'worker') => children(script.pid!, name, seen[name]);
  const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => (r.status === 200 ? true : undefined), () => undefined);

  async function startScript(env: Record<string, string>): Promise<{ port: number; exited: Promise<unknown[]> }> {
    const port = await freePort();
    output = '';
    seen.api = [];
    seen.worker = [];
    script = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        ...testEnv(),
        DATABASE_URL: database.url,
        REDIS_PREFIX: `pendamping-test-start-${randomUUID().slice(0, 8)}`,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: '5000',
        ...env,
      },
      stdio: 'pipe',
    });
    const collect = (chunk: Buffer) => (output += chunk.toString());
    script.stdout!.on('data', collect);
    script.stderr!.on('data', collect);
    const exited = once(script, 'exit');
    // Setup (migrations, the demo's accounts hashed with argon2) and the first start: seconds alone, but CI runs
    // this beside other suites on two cores, where it has taken over 45 s.
    await until('Pendamping is running', () => (/Pendamping is running/.test(output) ? true : undefined), 100_000);
    return { port, exited };
  }

  it('starts a killed worker and a killed api again, and stops everything on SIGTERM', async () => {
    // One api process, as on a one-core machine.
    const { port, exited } = await startScript({ API_PROCESSES: '1' });
    const [worker] = started('worker');
    const [api] = started('api');
    expect(worker && api).toBeTruthy();
    pids.push(worker, api);
    // API_PROCESSES=1: the api serves itself, no processes of its own.
    expect(children(api, 'api', [])).toEqual([]);

    process.kill(worker, 'SIGKILL');
    const [, worker2] = await until('a second worker', () => (started('worker').length === 2 ? started('worker') : undefined));
    pids.push(worker2);
    expect(output).toMatch(/the worker stopped \(SIGKILL\); starting it again in 1 s/);
    expect(alive(worker2)).toBe(true);
    // The api was left alone meanwhile.
    expect(started('api')).toEqual([api]);
    expect(await healthy(port)).toBe(true);

    process.kill(api, 'SIGKILL');
    const [, api2] = await until('a second api', () => (started('api').length === 2 ? started('api') : undefined));
    pids.push(api2);
    await until('the new api to answer', () => healthy(port));

    script.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect([worker2, api2].filter(alive)).toEqual([]);
    // Stopping is not dying: nothing was started again.
    expect(started('worker')).toHaveLength(2);
    expect(started('api')).toHaveLength(2);
  }, 180_000);

  it('runs API_PROCESSES api processes on one port, starts a killed one again leaving the other, ends them with their primary, and stops them all on SIGTERM', async () => {
    const { port, exited } = await startScript({ API_PROCESSES: '2' });
    const [primary] = started('api');
    const [worker] = started('worker');
    pids.push(primary, worker);
    const processes: number[] = [];
    const [first, second] = await until('two api processes', () => (children(primary, 'api', processes).length === 2 ? [...processes] : undefined));
    pids.push(first, second);
    const listening = (pid: number) => (output.includes(`(pid ${pid}) is listening on port ${port}`) ? true : undefined);
    await until('both to listen on the one port', () => (listening(first) && listening(second)));

    process.kill(first, 'SIGKILL');
    await until('the primary to notice', () => (new RegExp(`process \\d of 2 \\(pid ${first}\\) stopped \\(SIGKILL\\); starting it again in 1 s`).test(output) ? true : undefined));
    // The port keeps answering: the other process serves it.
    expect(await healthy(port)).toBe(true);
    const third = await until('a new api process', () => (children(primary, 'api', processes).length === 3 ? processes[2] : undefined));
    pids.push(third);
    await until('the new process to listen', () => listening(third));
    expect(alive(second)).toBe(true);
    // The api's own primary started it again; the script saw no api die.
    expect(started('api')).toEqual([primary]);
    expect(output).not.toMatch(/the api stopped/);

    // The primary killed outright: its processes end with it (none is left holding the port) and the script starts the api again.
    process.kill(primary, 'SIGKILL');
    const [, primary2] = await until('a second api', () => (started('api').length === 2 ? started('api') : undefined));
    pids.push(primary2);
    await until('the old api processes to end', () => ([second, third].some(alive) ? undefined : true));
    const renewed = await until('two new api processes', () => (children(primary2, 'api', []).length === 2 ? children(primary2, 'api', []) : undefined));
    pids.push(...renewed);
    await until('the new api to answer', () => healthy(port));

    script.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect([primary2, worker, ...renewed].filter(alive)).toEqual([]);
    expect(processes).toHaveLength(3);
    expect(output).not.toMatch(/did not stop within/);
  }, 180_000);
});
