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
const setup = spawnSync(node, ['dist/apps/api/main.js', 'setup'], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

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
    process.stdout.write(`\nPendamping is running: http://localhost:${port}/api/docs (api and worker; Ctrl-C stops both)\n\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
