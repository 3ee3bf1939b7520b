#!/usr/bin/env node
// `npm start`: set up (check MySQL and Redis, create the database, migrate, first admin, demo data),
// then run the api and the worker together until Ctrl-C / SIGTERM, which both drain before exiting.
import { spawn, spawnSync } from 'node:child_process';

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

const children = new Map([
  ['api', spawn(node, ['dist/apps/api/main.js'], { stdio: 'inherit' })],
  ['worker', spawn(node, ['dist/apps/worker/main.js'], { stdio: 'inherit' })],
]);
let stopping = false;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) if (child.exitCode === null) child.kill(signal);
}

for (const [name, child] of children) {
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(`pendamping: the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest\n`);
      process.exitCode = 1;
      stop('SIGTERM');
    }
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

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
