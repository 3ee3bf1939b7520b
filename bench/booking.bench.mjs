#!/usr/bin/env node
// Consultation bookings per second through the built api, beside raw mysql2 single-row inserts measured
// in the same run on the same database.
//   npm run build && node bench/booking.bench.mjs [seconds]
// Cases: bookings on distinct slots (every request creates a consultation) and contention (every request
// races for one slot of one mentor: one 201, the rest 409 SLOT_TAKEN, each still locking and checking).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';

const seconds = Number(process.argv[2] ?? 5);
const port = 3997;
const databaseUrl = 'mysql://root@127.0.0.1:3306/pendamping_bench_booking';
const secret = 'bench-secret-0123456789-0123456789-abcdef';
const env = { ...process.env, NODE_ENV: 'development', PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, JWT_SECRET: secret, REDIS_PREFIX: 'pendamping-bench-booking', DEMO_DATA: 'false' };
const MENTORS = 100;
const ENTREPRENEURS = 20_000;
const CONNECTIONS = 50;

const server = await mysql.createConnection('mysql://root@127.0.0.1:3306');
await server.query('DROP DATABASE IF EXISTS pendamping_bench_booking');
await server.end();
const setup = spawnSync(process.execPath, ['dist/apps/api/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const db = await mysql.createPool({ uri: databaseUrl, connectionLimit: 20, timezone: 'Z' });
const people = async (count, role, profile) => {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await db.query('INSERT INTO users (id, email, passwordHash, name, roles) VALUES ?', [chunk.map((id) => [id, `${id}@bench.local`, '!', `Bench ${role}`, role])]);
    if (profile) await db.query(profile.sql, [chunk.map(profile.row)]);
  }
  return ids;
};
process.stdout.write('preparing people and availability… ');
const mentors = await people(MENTORS, 'mentor', { sql: 'INSERT INTO mentor_profiles (userId, topics) VALUES ?', row: (id) => [id, 'permodalan'] });
// Booking needs only the entrepreneur's account and token, not a business profile.
const entrepreneurs = await people(ENTREPRENEURS, 'entrepreneur');
const weekly = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));
await db.query('INSERT INTO mentor_availability (mentorId, timezone, slotMinutes, bufferMinutes, minNoticeMinutes, horizonDays, weekly) VALUES ?', [
  mentors.map((id) => [id, 'Asia/Jakarta', 10, 0, 0, 120, weekly]),
]);
console.log('done');

const api = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'dist/apps/api/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => api.kill());
for (let i = 0; i < 50; i++) {
  if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}

const token = (id) => jwt.sign({ sub: id, roles: ['entrepreneur'] }, secret, { algorithm: 'HS256', expiresIn: 3600 });
const tokens = entrepreneurs.map(token);
// Slots on 10-minute boundaries from tomorrow on; request i takes mentor i % MENTORS, slot i / MENTORS.
const firstSlot = Math.ceil((Date.now() + 86_400_000) / 600_000) * 600_000;
let next = 0;
const distinct = () => {
  const i = next++;
  const start = new Date(firstSlot + Math.floor(i / MENTORS) * 600_000).toISOString();
  return { token: tokens[i % ENTREPRENEURS], body: { mentorId: mentors[i % MENTORS], start, topic: 'permodalan' } };
};
const contestedStart = new Date(firstSlot - 600_000 * 6).toISOString();
const contested = () => ({ token: tokens[next++ % ENTREPRENEURS], body: { mentorId: mentors[0], start: contestedStart, topic: 'permodalan' } });

async function measure(title, pick) {
  const result = await autocannon({
    title,
    url: `http://127.0.0.1:${port}/api/consultations`,
    connections: CONNECTIONS,
    duration: seconds,
    renderProgressBar: true,
    renderResultsTable: false,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { token, body } = pick();
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  return { title, rps: result.requests.average, p99: result.latency.p99, statuses: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] } };
}

/** The floor: single-row inserts through mysql2 with as many callers as autocannon has connections. */
async function rawInserts() {
  await db.query('CREATE TABLE IF NOT EXISTS bench_inserts (id char(36) PRIMARY KEY, mentorId char(36), start datetime(3), `end` datetime(3)) ENGINE=InnoDB');
  let count = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await db.query('INSERT INTO bench_inserts VALUES (?, ?, ?, ?)', [randomUUID(), mentors[0], new Date(), new Date()]);
        count++;
      }
    }),
  );
  return { title: 'raw mysql2 single-row INSERT', rps: count / ((Date.now() - started) / 1000), p99: '-', statuses: {} };
}

const baseline = await rawInserts();
const rows = [baseline, await measure('POST /api/consultations, distinct slots', distinct), await measure('POST /api/consultations, one contested slot', contested)];
api.kill('SIGTERM');
const [[{ booked }]] = await db.query('SELECT COUNT(*) AS booked FROM consultations WHERE mentorId = ? AND start = ?', [mentors[0], new Date(contestedStart)]);
await db.end();

console.log(`\n${'case'.padEnd(44)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'vs raw insert'.padStart(14)}  statuses`);
for (const row of rows) {
  const ratio = (row.rps / baseline.rps).toFixed(3);
  console.log(`${row.title.padEnd(44)} ${row.rps.toFixed(0).padStart(8)} ${String(row.p99).padStart(7)} ${ratio.padStart(14)}  ${JSON.stringify(row.statuses)}`);
}
console.log(`contested slot holds ${booked} booking(s) (must be 1)`);
