#!/usr/bin/env node
// Realtime gateway through the built api, each case beside a bare socket.io server in the same run (no
// auth, no validation, no Redis adapter; for chat it stores the message with mysql2 before the ack, the
// honest baseline, and answers `ceiling:message` at once, the no-work ceiling):
//   npm run build && node bench/realtime.bench.mjs [seconds]
// 1. Chat round trips: PAIRS consultations, the entrepreneur sends messages one after another (emit → ack,
//    the ack comes after the row is stored), the mentor receives each one. Messages/s and p99 ack latency.
// 2. Workshop broadcast: 1,000 authenticated sockets in one session room; the speaker asks BROADCASTS
//    questions one after another, each timed until the last of the 1,000 sockets has it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { apiEnv, forSeconds, freePort, freshDatabase, JWT_SECRET, mean, percentile, progressBar, record, sleep, startApp } from './lib.mjs';

if (process.argv[2] === '--bare') await bareServer(Number(process.argv[3]));
else await main();

/** The baseline: plain socket.io, the same events and rooms, acks answered at once. */
async function bareServer(port) {
  const store = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
  const server = new Server(port, { transports: ['websocket'] });
  server.on('connection', (socket) => {
    // Who sends: read from the token without checking it (the baseline has no auth).
    const senderId = jwt.decode(socket.handshake.auth?.token ?? '')?.sub;
    socket.on('join', (room, ack) => {
      void socket.join(room);
      ack({ ok: true });
    });
    socket.on('ceiling:message', (message, ack) => {
      socket.to(`consultation:${message.consultationId}`).emit('consultation:message', message);
      ack({ ok: true, data: message });
    });
    // Stored before anyone hears of it, as the gateway does.
    socket.on('consultation:message', async (message, ack) => {
      const row = { id: randomUUID(), consultationId: message.consultationId, senderId, clientMessageId: message.clientMessageId, body: message.body, createdAt: new Date() };
      await store.query('INSERT INTO consultation_messages (id, consultationId, senderId, clientMessageId, body, createdAt) VALUES (?, ?, ?, ?, ?, ?)', Object.values(row));
      socket.to(`consultation:${message.consultationId}`).emit('consultation:message', row);
      ack({ ok: true, data: row });
    });
    socket.on('workshop:question', (question, ack) => {
      server.to(`workshop-session:${question.sessionId}`).emit('workshop:question', question);
      ack({ ok: true, data: question });
    });
  });
  process.stdout.write('ready\n');
}

async function main() {
  const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 5);
  const barePort = await freePort();
  const PAIRS = 50;
  const LISTENERS = 1000;
  const IDLE = 2000;
  const BROADCASTS = 30;
  const secret = JWT_SECRET;
  // The per-socket limit would cap a single sender; the bench measures the gateway, not the limiter.
  const env = apiEnv({ database: 'pendamping_bench_realtime', prefix: 'pendamping-bench-realtime', port: await freePort(), REALTIME_EVENTS_PER_SECOND: '100000' });
  const step = (text) => process.stdout.write(`${text}… `);

  step('preparing database');
  const db = await freshDatabase(env);
  const people = async (count, role) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.query('INSERT INTO users (id, email, passwordHash, name, roles) VALUES ?', [ids.map((id, i) => [id, `${id}@bench.local`, '!', `Bench ${role} ${i}`, role])]);
    return ids;
  };
  const mentors = await people(PAIRS, 'mentor');
  const entrepreneurs = await people(Math.max(PAIRS, LISTENERS, IDLE), 'entrepreneur');
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
  const api = await startApp(env);
  const apiPort = api.port;
  const bare = spawn(process.execPath, [new URL(import.meta.url).pathname, '--bare', String(barePort)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => bare.kill());
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

  async function chat(name, target, event = 'consultation:message') {
    step(`chat round trips, ${name} (${seconds}s)`);
    const senders = await Promise.all(entrepreneurs.slice(0, PAIRS).map((id) => open(target, { token: token(id, ['entrepreneur']) })));
    const receivers = await Promise.all(mentors.map((id) => open(target, { token: token(id, ['mentor']) })));
    await Promise.all(receivers.map(async (s, i) => expectOk(await target.joinConsultation(s, consultations[i]))));
    let delivered = 0;
    receivers.forEach((s) => s.on('consultation:message', () => delivered++));
    const latencies = [];
    console.log();
    await forSeconds(name, seconds, (until) => Promise.all(
      senders.map(async (s, i) => {
        while (Date.now() < until) {
          const began = performance.now();
          expectOk(await s.emitWithAck(event, { consultationId: consultations[i], clientMessageId: randomUUID(), body: 'Selamat pagi, Pak. Omzet bulan ini naik.' }));
          latencies.push(performance.now() - began);
        }
      }),
    ));
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

  /** Resident memory of a process, KiB (Linux). */
  const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  /** RSS growth per idle authenticated socket: IDLE sockets connected (and joined to nothing), then measured. */
  async function idle(name, target, pid) {
    // Warm: the first connections compile the handshake and auth paths, which is not the sockets' cost.
    const warm = await Promise.all(entrepreneurs.slice(0, 100).map((id) => open(target, { token: token(id, ['entrepreneur']) })));
    warm.forEach((s) => s.close());
    await sleep(1000);
    const before = rss(pid);
    const bar = progressBar(`${IDLE} idle sockets, ${name}`, IDLE);
    const sockets = [];
    for (let i = 0; i < IDLE; i += 100) {
      sockets.push(...(await Promise.all(entrepreneurs.slice(i, i + 100).map((id) => open(target, { token: token(id, ['entrepreneur']) })))));
      bar(sockets.length);
    }
    bar.end();
    await sleep(1500);
    const after = rss(pid);
    sockets.forEach((s) => s.close());
    await sleep(500);
    return { perSocket: (after - before) / IDLE, before, after };
  }

  // First, while the processes hold little garbage: a collection during the measurement would hide the sockets' cost.
  const idleBare = await idle('bare socket.io', targets.bare, bare.pid);
  const idleGateway = await idle('gateway', targets.gateway, api.child.pid);
  const raw = await rawInserts();
  const chats = [await chat('bare socket.io, no work', targets.bare, 'ceiling:message'), await chat('bare socket.io + mysql2 INSERT before the ack', targets.bare), await chat('gateway (auth, validation, MySQL insert, Redis adapter)', targets.gateway)];
  const casts = [await broadcast('bare socket.io', targets.bare), await broadcast('gateway (auth + join check, MySQL insert, Redis adapter)', targets.gateway)];
  const [[{ stored }]] = await db.query("SELECT COUNT(*) AS stored FROM consultation_messages WHERE body <> 'raw'");
  await api.stop();
  bare.kill('SIGTERM');
  await db.end();

  const [chatCeiling, chatBase, chatGateway] = chats;
  record({ scenario: 'raw mysql2 INSERT into consultation_messages (no socket)', platform: raw.rate, unit: 'msg/s', p50: raw.p50, p99: raw.p99 });
  record({
    scenario: 'chat round trip (auth, store, adapter)', platform: chatGateway.rate, baseline: chatBase.rate, ceiling: chatCeiling.rate, unit: 'msg/s', p50: chatGateway.p50, p99: chatGateway.p99,
    baselineP99: chatBase.p99, target: 0.5, errors: chatGateway.sent - chatGateway.delivered, note: `baseline p99 ${chatBase.p99.toFixed(1)} ms; ${stored} stored, ${chatGateway.delivered}/${chatGateway.sent} delivered`,
  });
  const [castBase, castGateway] = casts;
  record({ scenario: `broadcast to ${LISTENERS} sockets`, platform: castGateway.rate, baseline: castBase.rate, unit: 'casts/s', p50: castGateway.p50, p99: castGateway.p99, target: 0.8, note: `baseline p99 ${castBase.p99.toFixed(1)} ms` });
  record({ scenario: `connect + join ${LISTENERS} sockets`, platform: castGateway.connectMs, baseline: castBase.connectMs, unit: 'ms', lowerIsBetter: true });
  record({
    scenario: `idle authenticated socket RSS (${IDLE})`, platform: idleGateway.perSocket, baseline: idleBare.perSocket, unit: 'KiB each', lowerIsBetter: true,
    note: `target ≤ 40 KiB: ${idleGateway.perSocket <= 40 ? 'met' : 'not met'}; api RSS ${Math.round(idleGateway.before / 1024)} → ${Math.round(idleGateway.after / 1024)} MiB`,
  });
  process.exit(0);
}

