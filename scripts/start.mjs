#!/usr/bin/env node
// `npm start`: set up (check MySQL and Redis, create the database, migrate, first admin, demo data),
// then run the api and the worker together until Ctrl-C / SIGTERM, which both drain before exiting.
// A process that dies on its own is started again (after 1 s, then longer while it keeps dying).
// The api runs one process per core (API_PROCESSES=auto) unless API_PROCESSES says otherwise; those
// processes are the api's own (node's cluster module, see superviseApiProcesses), restarted by it.
import { spawn, spawnSync } from 'node:child_process';
import { clearTimeout } from 'node:timers';

try {
  process.loadEnvFile('.env'); // as the apps do, so PORT below matches theirs
} catch {
  // no .env
}
const node = process.execPath;
const setup = spawnSync(node, ['dist/apps/api/main.js', 'setup'], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
process.stdout.write(setup.stdout ?? '');
if (setup.status !== 0) process.exit(setup.status ?? 1);
// The demo accounts setup listed (only when it created the demo), repeated under the app's address.
// One account per role is enough to start with; the full list is above.
const seen = new Set();
const demo = (setup.stdout ?? '')
  .split('\n')
  .filter((line) => /^ {2}\S/.test(line))
  .filter((line) => {
    const role = line.trim().split(/\s/)[0];
    return role === 'password' || (!seen.has(role) && seen.add(role));
  });

const PROGRAMS = { api: 'dist/apps/api/main.js', worker: 'dist/apps/worker/main.js' };
// Validated by the api's config like every variable; the script only chooses the default.
const ENV = { api: { ...process.env, API_PROCESSES: process.env.API_PROCESSES || 'auto' }, worker: process.env };
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
// A process that ran this long before dying starts its backoff again from 1 s.
const STABLE_MS = 30_000;
// The apps exit by SHUTDOWN_TIMEOUT_MS after a signal; one that does not by then (and a bit) is killed.
// A bit more than the api's own primary waits for its processes (5 s), so it can kill them first.
const STOP_GRACE_MS = (Number(process.env.SHUTDOWN_TIMEOUT_MS) || 10_000) + 8_000;

const say = (line) => process.stderr.write(`pendamping: ${line}\n`);
const children = new Map();
const restarts = new Map();
let stopping = false;

function run(name, failures = 0) {
  const startedAt = Date.now();
  const child = spawn(node, [PROGRAMS[name]], { stdio: 'inherit', env: ENV[name] });
  children.set(name, child);
  say(`started the ${name} (pid ${child.pid})`);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) {
      if (code !== 0) process.exitCode = 1;
      if (children.size === 0) process.exit();
      return;
    }
    const streak = Date.now() - startedAt >= STABLE_MS ? 0 : failures;
    const delay = BACKOFF_MS[Math.min(streak, BACKOFF_MS.length - 1)];
    say(`the ${name} stopped (${signal ?? `exit code ${code}`}); starting it again in ${delay / 1000} s`);
    restarts.set(name, setTimeout(() => run(name, streak + 1), delay));
  });
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const timer of restarts.values()) clearTimeout(timer);
  if (children.size === 0) process.exit();
  for (const child of children.values()) child.kill(signal);
  setTimeout(() => {
    for (const [name, child] of children) {
      say(`the ${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }
    process.exitCode = 1;
  }, STOP_GRACE_MS).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const name of Object.keys(PROGRAMS)) run(name);

const port = process.env.PORT || '3000';
for (let attempt = 0; attempt < 60 && !stopping; attempt++) {
  const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
  if (healthy) {
    const logins = demo.length ? `Log in with a demo account:\n${demo.join('\n')}\n` : 'Demo accounts: see the README (password jakpreneur2026).\n';
    process.stdout.write(`\nPendamping is running: http://localhost:${port}\n${logins}API docs: http://localhost:${port}/api/docs · Ctrl-C stops the api and the worker\n\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
