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
  /** The script's api and worker processes now (from the process table), and every one seen so far. */
  const started = (name: 'api' | 'worker') => {
    let table = '';
    try {
      table = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(script.pid)], { encoding: 'utf8' });
    } catch {
      // ps exits 1 when the script has no children (any more)
    }
    for (const line of table.split('\n')) {
      const [pid, ...args] = line.trim().split(/\s+/);
      if (args.includes(`dist/apps/${name}/main.js`) && !args.includes('setup') && !seen[name].includes(Number(pid))) seen[name].push(Number(pid));
    }
    return seen[name];
  };
  const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => (r.status === 200 ? true : undefined), () => undefined);

  it('starts a killed worker and a killed api again, and stops everything on SIGTERM', async () => {
    const port = await freePort();
    script = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        ...testEnv(),
        DATABASE_URL: database.url,
        REDIS_PREFIX: `pendamping-test-start-${randomUUID().slice(0, 8)}`,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
      stdio: 'pipe',
    });
    const collect = (chunk: Buffer) => (output += chunk.toString());
    script.stdout!.on('data', collect);
    script.stderr!.on('data', collect);
    const exited = once(script, 'exit');

    await until('Pendamping is running', () => (/Pendamping is running/.test(output) ? true : undefined), 45_000);
    const [worker] = started('worker');
    const [api] = started('api');
    expect(worker && api).toBeTruthy();
    pids.push(worker, api);

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
  }, 90_000);
});
