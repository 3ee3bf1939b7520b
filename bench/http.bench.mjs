#!/usr/bin/env node
// HTTP reads of the built api, each beside its honest baseline (bench/baselines/http-bare.mjs: node:http +
// mysql2 doing the same SQL and JSON) and the bare node:http ceiling (no work), measured in the same run.
//   npm run build && node bench/http.bench.mjs [seconds]     (BENCH_RUNS=3: median of 3)
// Its own database (pendamping_bench_http): 20 published workshops with 2 sessions each, a mentor with
// availability and bookings, an entrepreneur with a business.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { apiEnv, freePort, freshDatabase, JWT_SECRET, medianRun, record, RUNS, startApp } from './lib.mjs';

const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const env = apiEnv({ database: 'pendamping_bench_http', prefix: 'pendamping-bench-http', port: await freePort() });

process.stdout.write('preparing the database… ');
const db = await freshDatabase(env);
const entrepreneur = randomUUID();
const mentor = randomUUID();
const speaker = randomUUID();
await db.query('INSERT INTO users (id, email, passwordHash, name, roles, organization) VALUES ?', [[
  [entrepreneur, 'siti@bench.local', '!', 'Siti Rahma', 'entrepreneur', null],
  [mentor, 'rina@bench.local', '!', 'Rina Pendamping', 'mentor', null],
  [speaker, 'dewi@bench.local', '!', 'Dewi Narasumber', 'speaker', 'Dinas PPAPP'],
]]);
await db.query("INSERT INTO regions (code, name, level, parentCode) VALUES ('31.01.01.1001', 'Pulau Panggang', 'kelurahan', '31.01.01')");
await db.query("INSERT INTO entrepreneur_profiles (userId, businessName, businessType, kelurahanCode) VALUES (?, 'Kue Siti', 'makanan_minuman', '31.01.01.1001')", [entrepreneur]);
await db.query("INSERT INTO mentor_profiles (userId, topics) VALUES (?, 'permodalan,keuangan')", [mentor]);
const weekly = JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })));
await db.query("INSERT INTO mentor_availability (mentorId, timezone, slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays, weekly) VALUES (?, 'Asia/Jakarta', 30, 10, 120, 30, ?)", [mentor, weekly]);
const day = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
const slotFrom = new Date(day).toISOString();
const slotTo = new Date(day + 7 * 86_400_000).toISOString();
await db.query('INSERT INTO consultations (id, mentorId, entrepreneurId, start, end, topic) VALUES ?', [
  Array.from({ length: 10 }, (_, i) => [randomUUID(), mentor, entrepreneur, new Date(day + i * 86_400_000 / 2 + 3 * 3_600_000), new Date(day + i * 86_400_000 / 2 + 3 * 3_600_000 + 1_800_000), 'permodalan']),
]);
const workshops = Array.from({ length: 20 }, () => randomUUID());
await db.query("INSERT INTO workshops (id, title, description, topic, capacity, status, publishedAt) VALUES ?", [
  workshops.map((id, i) => [id, `Workshop ${i + 1}: Keuangan UMKM`, 'Mencatat arus kas usaha dan memisahkan uang pribadi.', 'keuangan', 100, 'published', new Date()]),
]);
await db.query('INSERT INTO workshop_sessions (id, workshopId, startsAt, endsAt) VALUES ?', [
  workshops.flatMap((id, i) => [0, 7].map((d) => [randomUUID(), id, new Date(day + d * 86_400_000 + i * 3_600_000), new Date(day + d * 86_400_000 + i * 3_600_000 + 7_200_000)])),
]);
await db.query('INSERT INTO workshop_speakers (workshopId, speakerId) VALUES ?', [workshops.map((id) => [id, speaker])]);
await db.query('INSERT INTO workshop_registrations (id, workshopId, userId, status) VALUES ?', [workshops.map((id) => [randomUUID(), id, entrepreneur, 'registered'])]);
await db.end();
console.log('done');

const api = await startApp(env);
const barePort = await freePort();
const bare = spawn(process.execPath, ['bench/baselines/http-bare.mjs', String(barePort)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => bare.kill('SIGKILL'));
await new Promise((resolve, reject) => {
  bare.stdout.once('data', resolve);
  bare.once('exit', (code) => reject(new Error(`the baseline server exited (${code})`)));
});
const authorization = `Bearer ${jwt.sign({ sub: entrepreneur, roles: ['entrepreneur'], ver: 0 }, JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 })}`;

const cases = [
  { scenario: 'GET /api/health', path: '/api/health' },
  { scenario: 'GET /api/me', path: '/api/me', headers: { authorization } },
  { scenario: 'GET /api/workshops?limit=20 (20 × 2 sessions)', path: '/api/workshops?limit=20' },
  { scenario: 'GET /api/regions?level=kecamatan (44 rows)', path: '/api/regions?level=kecamatan&limit=50' },
  { scenario: 'GET /api/mentors/:id/slots (7 days)', path: `/api/mentors/${mentor}/slots?from=${slotFrom}&to=${slotTo}`, headers: { authorization } },
];

async function measure(title, url, headers = {}) {
  const result = await autocannon({ title, url, headers, connections: CONNECTIONS, duration: seconds, renderProgressBar: true, renderResultsTable: false });
  return { rate: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

// Same shape of answer from both, or the comparison means nothing.
for (const c of cases) {
  const [a, b] = await Promise.all([api.origin, `http://127.0.0.1:${barePort}`].map((o) => fetch(`${o}${c.path}`, { headers: c.headers }).then(async (r) => [r.status, Object.keys(await r.json()).join()])));
  if (a.join() !== b.join()) throw new Error(`${c.path}: the api answers ${a}, the baseline ${b}`);
}

const runs = (n, fn) => (async () => { const out = []; for (let i = 0; i < n; i++) out.push(await fn(i)); return medianRun(out); })();
const ceiling = await runs(RUNS, () => measure('bare node:http, no work (ceiling)', `http://127.0.0.1:${barePort}/ceiling`));
record({ scenario: 'bare node:http, no work (ceiling)', platform: ceiling.rate, unit: 'req/s', p50: ceiling.p50, p99: ceiling.p99, errors: ceiling.errors });
for (const c of cases) {
  const pairs = [];
  for (let i = 0; i < RUNS; i++) {
    const platform = await measure(`${c.scenario}, platform (${i + 1}/${RUNS})`, `${api.origin}${c.path}`, c.headers);
    const baseline = await measure(`${c.scenario}, baseline (${i + 1}/${RUNS})`, `http://127.0.0.1:${barePort}${c.path}`, c.headers);
    pairs.push({ rate: platform.rate / baseline.rate, platform, baseline });
  }
  const { platform, baseline, runs: ratios } = medianRun(pairs);
  record({
    scenario: c.scenario, platform: platform.rate, baseline: baseline.rate, ceiling: ceiling.rate, unit: 'req/s', p50: platform.p50, p99: platform.p99,
    baselineP99: baseline.p99, errors: platform.errors + baseline.errors, target: 0.5, note: RUNS > 1 ? `ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}` : undefined,
  });
}
record({ scenario: 'api cold start to healthy', platform: api.coldStartMs, unit: 'ms', lowerIsBetter: true });
bare.kill();
await api.stop();
process.exit(0);
