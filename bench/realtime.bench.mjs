#!/usr/bin/env node
// Realtime gateway through the built api, each case beside a bare socket.io server doing the same work in
// the same run (no auth, no validation, no database, no Redis adapter):
//   npm run build && node bench/realtime.bench.mjs [seconds]
// 1. Chat round trips: PAIRS consultations, the entrepreneur sends messages one after another (emit → ack,
//    the ack comes after the row is stored), the mentor receives each one. Messages/s and p99 ack latency.
// 2. Workshop broadcast: 1,000 authenticated sockets in one session room; the speaker asks BROADCASTS
//    questions one after another, each timed until the last of the 1,000 sockets has it.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';

if (process.argv[2] === '--bare') await bareServer(Number(process.argv[3]));
else await main();

/** The baseline: plain socket.io, the same events and rooms, acks answered at once. */
async function bareServer(port) {
  const server = new Server(port, { transports: ['websocket'] });
  server.on('connection', (socket) => {
    socket.on('join', (room, ack) => {
      void socket.join(room);
      ack({ ok: true });
    });
    socket.on('consultation:message', (message, ack) => {
      socket.to(`consultation:${message.consultationId}`).emit('consultation:message', message);
      ack({ ok: true, data: message });
    });
    socket.on('workshop:question', (question, ack) => {
      server.to(`workshop-session:${question.sessionId}`).emit('workshop:question', question);
      ack({ ok: true, data: question });
    });
  });
  process.stdout.write('ready\n');
}

async function main() {
  const seconds = Number(process.argv[2] ?? 5);
  const apiPort = 3996;
  const barePort = 3995;
  const PAIRS = 50;
  const LISTENERS = 1000;
  const BROADCASTS = 30;
  const databaseUrl = 'mysql://root@127.0.0.1:3306/pendamping_bench_realtime';
  const secret = 'bench-secret-0123456789-0123456789-abcdef';
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: secret,
    REDIS_PREFIX: 'pendamping-bench-realtime',
    DEMO_DATA: 'false',
    // The per-socket limit would cap a single sender; the bench measures the gateway, not the limiter.
    REALTIME_EVENTS_PER_SECOND: '100000',
  };
  const step = (text) => process.stdout.write(`${text}… `);

  step('preparing database');
  const admin = await mysql.createConnection('mysql://root@127.0.0.1:3306');
  await admin.query('DROP DATABASE IF EXISTS pendamping_bench_realtime');
  await admin.end();
  const setup = spawnSync(process.execPath, ['dist/apps/api/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const db = await mysql.createPool({ uri: databaseUrl, connectionLimit: 10, timezone: 'Z' });
  const people = async (count, role) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.query('INSERT INTO users (id, email, passwordHash, name, roles) VALUES ?', [ids.map((id, i) => [id, `${id}@bench.local`, '!', `Bench ${role} ${i}`, role])]);
    return ids;
  };
  const mentors = await people(PAIRS, 'mentor');
  const entrepreneurs = await people(Math.max(PAIRS, LISTENERS), 'entrepreneur');
  const [speaker] = await people(1, 'speaker');
  const consultations = mentors.map(() => randomUUID());
  const tomorrow = new Date(Date.now() + 86_400_000);
  await db.query('INSERT INTO consultations (id, mentorId, entrepreneurId, start, end, topic, status) VALUES ?', [
    consultations.map((id, i) => [id, mentors[i], entrepreneurs[i], tomorrow, new Date(tomorrow.getTime() + 1_800_000), 'permodalan', 'booked']),
  ]);
  // A published workshop whose session runs now (the room is open) with LISTENERS registrants.
  const workshopId = randomUUID();
  const sessionId = randomUUID();
  await db.query("INSERT INTO workshops (id, title, description, topic, capacity, status, publishedAt) VALUES (?, 'Bench', 'Bench', 'pemasaran', ?, 'published', NOW(3))", [workshopId, LISTENERS]);
  await db.query('INSERT INTO workshop_sessions (id, workshopId, startsAt, endsAt) VALUES (?, ?, ?, ?)', [sessionId, workshopId, new Date(Date.now() - 300_000), new Date(Date.now() + 7_200_000)]);
  await db.query('INSERT INTO workshop_speakers (workshopId, speakerId) VALUES (?, ?)', [workshopId, speaker]);
  await db.query('INSERT INTO workshop_registrations (id, workshopId, userId, status) VALUES ?', [entrepreneurs.slice(0, LISTENERS).map((id) => [randomUUID(), workshopId, id, 'registered'])]);
  console.log('done');

  step('starting the api and the bare server');
  const api = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-realtime'] : []), 'dist/apps/api/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const bare = spawn(process.execPath, [new URL(import.meta.url).pathname, '--bare', String(barePort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => [api, bare].forEach((child) => child.kill()));
  for (let i = 0; i < 100 && !(await fetch(`http://127.0.0.1:${apiPort}/api/health`).then((r) => r.ok, () => false)); i++) await sleep(200);
  await new Promise((resolve) => bare.stdout.once('data', resolve));
  console.log('done');

  const token = (id, roles) => jwt.sign({ sub: id, roles }, secret, { algorithm: 'HS256', expiresIn: 3600 });
  const targets = {
    gateway: {
      url: `http://127.0.0.1:${apiPort}/realtime`,
      joinConsultation: (s, consultationId) => s.emitWithAck('consultation:join', { consultationId }),
      joinSession: (s) => s.emitWithAck('workshop:join', { sessionId }),
    },
    bare: {
      url: `http://127.0.0.1:${barePort}`,
      joinConsultation: (s, consultationId) => s.emitWithAck('join', `consultation:${consultationId}`),
      joinSession: (s) => s.emitWithAck('join', `workshop-session:${sessionId}`),
    },
  };
  const open = (target, auth) =>
    new Promise((resolve, reject) => {
      const socket = connectClient(target.url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const expectOk = (ack) => {
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    return ack;
  };

  async function chat(name, target) {
    step(`chat round trips, ${name} (${seconds}s)`);
    const senders = await Promise.all(entrepreneurs.slice(0, PAIRS).map((id) => open(target, { token: token(id, ['entrepreneur']) })));
    const receivers = await Promise.all(mentors.map((id) => open(target, { token: token(id, ['mentor']) })));
    await Promise.all(receivers.map(async (s, i) => expectOk(await target.joinConsultation(s, consultations[i]))));
    let delivered = 0;
    receivers.forEach((s) => s.on('consultation:message', () => delivered++));
    const latencies = [];
    const until = Date.now() + seconds * 1000;
    const progress = setInterval(() => process.stdout.write('.'), 1000);
    await Promise.all(
      senders.map(async (s, i) => {
        while (Date.now() < until) {
          const began = performance.now();
          expectOk(await s.emitWithAck('consultation:message', { consultationId: consultations[i], clientMessageId: randomUUID(), body: 'Selamat pagi, Pak. Omzet bulan ini naik.' }));
          latencies.push(performance.now() - began);
        }
      }),
    );
    clearInterval(progress);
    await sleep(200);
    [...senders, ...receivers].forEach((s) => s.close());
    console.log(' done');
    return { name, rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), delivered, sent: latencies.length };
  }

  async function broadcast(name, target) {
    step(`workshop broadcast to ${LISTENERS} sockets, ${name}`);
    const began = performance.now();
    const listeners = [];
    for (let i = 0; i < LISTENERS; i += 100) {
      const batch = await Promise.all(entrepreneurs.slice(i, Math.min(i + 100, LISTENERS)).map((id) => open(target, { token: token(id, ['entrepreneur']) })));
      await Promise.all(batch.map(async (s) => expectOk(await target.joinSession(s))));
      listeners.push(...batch);
      process.stdout.write('.');
    }
    const connectMs = performance.now() - began;
    const host = await open(target, { token: token(speaker, ['speaker']) });
    expectOk(await target.joinSession(host));
    const fanouts = [];
    for (let b = 0; b < BROADCASTS; b++) {
      let pending = LISTENERS;
      const all = new Promise((resolve) => listeners.forEach((s) => s.once('workshop:question', () => --pending === 0 && resolve())));
      const start = performance.now();
      expectOk(await host.emitWithAck('workshop:question', { sessionId, body: `Pertanyaan ${b + 1}: berapa modal awal yang wajar?` }));
      await all;
      fanouts.push(performance.now() - start);
    }
    [...listeners, host].forEach((s) => s.close());
    console.log(' done');
    return { name, connectMs, p50: percentile(fanouts, 50), p99: percentile(fanouts, 99), rate: 1000 / mean(fanouts) };
  }

  /** The storage floor: the same single-row INSERTs through mysql2 (10 connections, like the api's pool), PAIRS callers. */
  async function rawInserts() {
    step(`raw mysql2 INSERT into consultation_messages (${seconds}s)`);
    const latencies = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      consultations.map(async (consultationId, i) => {
        while (Date.now() < until) {
          const began = performance.now();
          await db.query('INSERT INTO consultation_messages (id, consultationId, senderId, clientMessageId, body, createdAt) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), consultationId, mentors[i], randomUUID(), 'raw', new Date()]);
          latencies.push(performance.now() - began);
        }
      }),
    );
    console.log('done');
    return { name: 'raw mysql2 INSERT (no socket at all)', rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), delivered: '-', sent: '-' };
  }

  const raw = await rawInserts();
  const chats = [await chat('bare socket.io', targets.bare), await chat('gateway (auth, validation, MySQL insert, Redis adapter)', targets.gateway)];
  const casts = [await broadcast('bare socket.io', targets.bare), await broadcast('gateway (auth + join check, MySQL insert, Redis adapter)', targets.gateway)];
  const [[{ stored }]] = await db.query("SELECT COUNT(*) AS stored FROM consultation_messages WHERE body <> 'raw'");
  api.kill('SIGTERM');
  bare.kill('SIGTERM');
  await db.end();

  const [chatBase, chatGateway] = chats;
  console.log(`\n${'chat round trips'.padEnd(58)} ${'msg/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'delivered'.padStart(10)}`);
  for (const r of [raw, ...chats]) console.log(`${r.name.padEnd(58)} ${r.rate.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)} ${`${r.delivered}/${r.sent}`.padStart(10)}`);
  console.log(`gateway / bare: throughput ${(chatGateway.rate / chatBase.rate).toFixed(3)}, p99 latency ${(chatGateway.p99 / chatBase.p99).toFixed(2)}x; gateway / raw INSERT ${(chatGateway.rate / raw.rate).toFixed(3)}; ${stored} messages stored (gateway sent ${chatGateway.sent})`);

  const [castBase, castGateway] = casts;
  console.log(`\n${`broadcast to ${LISTENERS} sockets (${BROADCASTS} questions)`.padEnd(58)} ${'conn ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'casts/s'.padStart(10)}`);
  for (const r of casts) console.log(`${r.name.padEnd(58)} ${r.connectMs.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)} ${r.rate.toFixed(1).padStart(10)}`);
  console.log(`gateway / bare: broadcasts/s ${(castGateway.rate / castBase.rate).toFixed(3)}, p99 fan-out ${(castGateway.p99 / castBase.p99).toFixed(2)}x, connect+join of ${LISTENERS} ${(castGateway.connectMs / castBase.connectMs).toFixed(2)}x`);
  process.exit(0);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
