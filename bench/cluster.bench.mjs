#!/usr/bin/env node
// Throughput of the built api with 1 and with 2 processes (API_PROCESSES), same run, same load.
//   npm run build && node bench/cluster.bench.mjs [seconds] [rounds]
// Rounds alternate 1 and 2 processes (so a noisy neighbour hurts both alike); each figure is the median.
// Uses its own database (pendamping_bench_cluster, seeded with the demo set) and Redis prefix.
// autocannon runs in this process: on a 2-core machine it takes a core of its own, so 2 api processes
// compete with it for the second; the gain shown is a floor of what 2 cores for the api alone give.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';

const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 3);
const port = 3997;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(port),
  LOG_LEVEL: 'warn',
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/pendamping_bench_cluster',
  REDIS_PREFIX: 'pendamping-bench-cluster',
  DEMO_DATA: 'true',
};

const setup = spawnSync(process.execPath, ['dist/apps/api/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
if (setup.status !== 0) process.exit(setup.status ?? 1);

async function startApi(processes) {
  const api = spawn(process.execPath, ['dist/apps/api/main.js'], { env: { ...env, API_PROCESSES: String(processes) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let listening = 0;
  api.stderr.on('data', (chunk) => (listening += (String(chunk).match(/is listening on port/g) ?? []).length));
  process.on('exit', () => api.kill('SIGKILL'));
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up && (processes === 1 || listening >= processes)) return api;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the api with ${processes} processes did not become healthy`);
}

async function measure(title, path, headers = {}) {
  const result = await autocannon({ title, url: `http://127.0.0.1:${port}${path}`, headers, connections: 50, duration: seconds, renderProgressBar: true, renderResultsTable: false });
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.non2xx + result.errors };
}

const runs = [];
for (let round = 0; round < rounds; round++) for (const processes of [1, 2]) {
  const api = await startApi(processes);
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'siti@demo.pendamping.id', password: 'jakpreneur2026' }),
  }).then((r) => r.json());
  // Warm both processes (JIT, pools) before measuring.
  await autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections: 20, duration: 1 });
  runs.push({ processes, ...(await measure(`GET /api/health, ${processes} process(es)`, '/api/health')) });
  runs.push({ processes, ...(await measure(`GET /api/me, ${processes} process(es)`, '/api/me', { authorization: `Bearer ${login.accessToken}` })) });
  api.kill('SIGTERM');
  await once(api, 'exit');
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [...new Set(runs.map((r) => r.title))].map((title) => {
  const same = runs.filter((r) => r.title === title);
  return { title, processes: same[0].processes, rps: median(same.map((r) => r.rps)), p50: median(same.map((r) => r.p50)), p99: median(same.map((r) => r.p99)), failures: same.reduce((n, r) => n + r.failures, 0) };
});
console.log(`\n${`case (median of ${rounds})`.padEnd(36)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× 1 proc'.padStart(9)} failures`);
for (const row of rows) {
  const single = rows.find((r) => r.processes === 1 && r.title.split(',')[0] === row.title.split(',')[0]);
  const ratio = (row.rps / single.rps).toFixed(2);
  console.log(`${row.title.padEnd(36)} ${row.rps.toFixed(0).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${ratio.padStart(9)} ${row.failures}`);
}
