#!/usr/bin/env node
// HTTP throughput of the built api beside a bare node:http server measured in the same run.
//   npm run build && node bench/http.bench.mjs [seconds]
// Uses its own database (pendamping_bench, created and seeded with the demo set) and Redis prefix.
import { spawn, spawnSync } from 'node:child_process';
import autocannon from 'autocannon';

const seconds = Number(process.argv[2] ?? 5);
const port = 3999;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(port),
  LOG_LEVEL: 'warn',
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/pendamping_bench',
  REDIS_PREFIX: 'pendamping-bench',
  DEMO_DATA: 'true',
};

const setup = spawnSync(process.execPath, ['dist/apps/api/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const api = spawn(process.execPath, ['dist/apps/api/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => api.kill());
for (let i = 0; i < 50; i++) {
  if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'siti@demo.pendamping.id', password: 'jakpreneur2026' }),
}).then((r) => r.json());

// The baseline runs in its own process, like the api, so both compete with autocannon alike.
const barePort = port + 1;
const bare = spawn(process.execPath, ['-e', `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(${barePort}, '127.0.0.1')`]);
process.on('exit', () => bare.kill());
await new Promise((r) => setTimeout(r, 300));

async function measure(title, url, headers = {}) {
  const result = await autocannon({ title, url, headers, connections: 50, duration: seconds, renderProgressBar: true, renderResultsTable: false });
  const failures = result.non2xx + result.errors;
  return { title, rps: result.requests.average, p99: result.latency.p99, failures };
}

const baseline = await measure('bare node:http', `http://127.0.0.1:${barePort}/`);
const rows = [
  baseline,
  await measure('GET /api/health (MySQL + Redis ping)', `http://127.0.0.1:${port}/api/health`),
  await measure('GET /api/me (JWT + MySQL read)', `http://127.0.0.1:${port}/api/me`, { authorization: `Bearer ${login.accessToken}` }),
];
bare.kill();
api.kill('SIGTERM');

console.log(`\n${'case'.padEnd(40)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'vs bare'.padStart(8)} failures`);
for (const row of rows) {
  const ratio = (row.rps / baseline.rps).toFixed(2);
  console.log(`${row.title.padEnd(40)} ${row.rps.toFixed(0).padStart(9)} ${String(row.p99).padStart(7)} ${ratio.padStart(8)} ${row.failures}`);
}
