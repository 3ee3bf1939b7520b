#!/usr/bin/env node
// Realtime gateway through the built api, each case beside a bare socket.io server in the same run (no
// auth, no validation, no Redis adapter; for chat it stores the message with mysql2 before the ack, the
// honest baseline, and answers `ceiling:message` at once, the no-work ceiling):
//   npm run build && node bench/realtime.bench.mjs [seconds]
// 1. Chat round trips: PAIRS consultations, the entrepreneur sends messages one after another (emit → ack,
//    the ack comes after the row is stored), the mentor receives each one. Messages/s and p99 ack latency.
//    Then the same at a paced CHAT_RATE messages/s (open loop: latency counts from when each was due).
// 2. Workshop broadcast: 1,000 authenticated sockets in one session room; the speaker asks BROADCASTS
//    questions one after another, each timed until the last of the 1,000 sockets has it.
// Each case warms both servers first (the JIT), then alternates baseline and platform RUNS times: median.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { apiEnv, forSeconds, freePort, freshDatabase, JWT_SECRET, mean, medianRun, paced, percentile, progressBar, record, RUNS, sleep, startApp } from './lib.mjs';

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
  const CHAT_RATE = 500;
  const CHAT_P99_MS = 20;
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

  /** PAIRS senders and their receivers, joined to their consultations. */
  async function openChat(target) {
    const senders = await Promise.all(entrepreneurs.slice(0, PAIRS).map((id) => open(target, { token: token(id, ['entrepreneur']) })));
    const receivers = await Promise.all(mentors.map((id) => open(target, { token: token(id, ['mentor']) })));
    await Promise.all(receivers.map(async (s, i) => expectOk(await target.joinConsultation(s, consultations[i]))));
    const conn = { senders, receivers, delivered: 0 };
    receivers.forEach((s) => s.on('consultation:message', () => conn.delivered++));
    return conn;
  }
  const send = (conn, i, event) =>
    conn.senders[i].timeout(10_000).emitWithAck(event, { consultationId: consultations[i], clientMessageId: randomUUID(), body: 'Selamat pagi, Pak. Omzet bulan ini naik.' }).then(expectOk);

  /** Round trips for `secs`: every sender sends its next message once the last one is acked. */
  async function chat(name, conn, event = 'consultation:message', secs = seconds) {
    const latencies = [];
    const delivered = conn.delivered;
    await forSeconds(name, secs, (until) => Promise.all(
      conn.senders.map(async (_s, i) => {
        while (Date.now() < until) {
          const began = performance.now();
          await send(conn, i, event);
          latencies.push(performance.now() - began);
        }
      }),
    ));
    await sleep(200);
    return { name, rate: latencies.length / secs, p50: percentile(latencies, 50), p99: percentile(latencies, 99), delivered: conn.delivered - delivered, sent: latencies.length };
  }

  /** CHAT_RATE messages/s spread over the senders, whatever the acks do. */
  async function chatPaced(name, conn) {
    const delivered = conn.delivered;
    const result = await paced(name, CHAT_RATE, seconds, (i) => send(conn, i % PAIRS, 'consultation:message').then(() => true));
    await sleep(200);
    return { ...result, delivered: conn.delivered - delivered };
  }

  /** LISTENERS sockets joined to the session, and the speaker's. */
  async function openAudience(name, target) {
    step(`connecting ${LISTENERS} sockets to the session, ${name}`);
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
    console.log(' done');
    return { listeners, host, connectMs };
  }

  /** `count` questions one after another, each timed until the last listener has it. */
  async function broadcast(audience, count) {
    const fanouts = [];
    for (let b = 0; b < count; b++) {
      let pending = LISTENERS;
      const all = new Promise((resolve) => audience.listeners.forEach((s) => s.once('workshop:question', () => --pending === 0 && resolve())));
      const start = performance.now();
      expectOk(await audience.host.emitWithAck('workshop:question', { sessionId, body: `Pertanyaan ${b + 1}: berapa modal awal yang wajar?` }));
      await all;
      fanouts.push(performance.now() - start);
    }
    return { p50: percentile(fanouts, 50), p99: percentile(fanouts, 99), rate: 1000 / mean(fanouts) };
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

  step('chat: connecting both');
  const chatters = { bare: await openChat(targets.bare), gateway: await openChat(targets.gateway) };
  console.log('done');
  // Warm: the first seconds of a path run interpreted; neither side is measured then.
  await chat('warming, bare', chatters.bare, 'consultation:message', 2);
  await chat('warming, gateway', chatters.gateway, 'consultation:message', 2);
  const chatCeiling = await chat('bare socket.io, no work (ceiling)', chatters.bare, 'ceiling:message');
  const chatPairs = [];
  for (let run = 0; run < RUNS; run++) {
    const b = await chat(`bare socket.io + mysql2 INSERT before the ack (${run + 1}/${RUNS})`, chatters.bare);
    const p = await chat(`gateway: auth, validation, MySQL insert, Redis adapter (${run + 1}/${RUNS})`, chatters.gateway);
    chatPairs.push({ rate: p.rate / b.rate, p, b });
  }
  const pacedPairs = [];
  for (let run = 0; run < RUNS; run++) {
    const b = await chatPaced(`chat paced ${CHAT_RATE}/s, bare (${run + 1}/${RUNS})`, chatters.bare);
    const p = await chatPaced(`chat paced ${CHAT_RATE}/s, gateway (${run + 1}/${RUNS})`, chatters.gateway);
    pacedPairs.push({ p99: p.p99, p, b });
  }
  for (const conn of Object.values(chatters)) [...conn.senders, ...conn.receivers].forEach((s) => s.close());

  const audiences = { bare: await openAudience('bare socket.io', targets.bare), gateway: await openAudience('gateway (auth + join check)', targets.gateway) };
  await broadcast(audiences.bare, 5);
  await broadcast(audiences.gateway, 5);
  const castPairs = [];
  for (let run = 0; run < RUNS; run++) {
    const b = await broadcast(audiences.bare, BROADCASTS);
    const p = await broadcast(audiences.gateway, BROADCASTS);
    castPairs.push({ rate: p.rate / b.rate, p, b });
  }
  for (const { listeners, host } of Object.values(audiences)) [...listeners, host].forEach((s) => s.close());
  const [[{ stored }]] = await db.query("SELECT COUNT(*) AS stored FROM consultation_messages WHERE body <> 'raw'");
  await api.stop();
  bare.kill('SIGTERM');
  await db.end();

  const chatRun = medianRun(chatPairs);
  const { p: chatGateway, b: chatBase } = chatRun;
  record({ scenario: 'raw mysql2 INSERT into consultation_messages (no socket)', platform: raw.rate, unit: 'msg/s', p50: raw.p50, p99: raw.p99 });
  record({
    scenario: 'chat round trip (auth, store, adapter)', platform: chatGateway.rate, baseline: chatBase.rate, ceiling: chatCeiling.rate, unit: 'msg/s', p50: chatGateway.p50, p99: chatGateway.p99,
    baselineP99: chatBase.p99, target: 0.5, errors: chatGateway.sent - chatGateway.delivered,
    note: `ratios ${chatRun.runs.map((r) => r.toFixed(2)).join(', ')}; baseline p99 ${chatBase.p99.toFixed(1)} ms; ${stored} stored, ${chatGateway.delivered}/${chatGateway.sent} delivered`,
  });
  const pacedRun = medianRun(pacedPairs, 'p99');
  record({
    scenario: `chat paced ${CHAT_RATE}/s: ack p99`, platform: pacedRun.p.p99, baseline: pacedRun.b.p99, unit: 'ms', lowerIsBetter: true, p50: pacedRun.p.p50, p99: pacedRun.p.p99,
    errors: pacedRun.p.errors + pacedRun.b.errors,
    note: `target p99 < ${CHAT_P99_MS} ms: ${pacedRun.p.p99 < CHAT_P99_MS ? 'met' : 'not met'}; p99 of runs ${pacedRun.runs.map((r) => r.toFixed(1)).join(', ')} ms; achieved ${pacedRun.p.rate.toFixed(0)}/s, ${pacedRun.p.delivered} delivered; baseline p50 ${pacedRun.b.p50.toFixed(1)} ms`,
  });
  const castRun = medianRun(castPairs);
  const { p: castGateway, b: castBase } = castRun;
  record({
    scenario: `broadcast to ${LISTENERS} sockets`, platform: castGateway.rate, baseline: castBase.rate, unit: 'casts/s', p50: castGateway.p50, p99: castGateway.p99, target: 0.8,
    note: `ratios ${castRun.runs.map((r) => r.toFixed(2)).join(', ')}; baseline p99 ${castBase.p99.toFixed(1)} ms`,
  });
  record({ scenario: `connect + join ${LISTENERS} sockets`, platform: audiences.gateway.connectMs, baseline: audiences.bare.connectMs, unit: 'ms', lowerIsBetter: true });
  record({
    scenario: `idle authenticated socket RSS (${IDLE})`, platform: idleGateway.perSocket, baseline: idleBare.perSocket, unit: 'KiB each', lowerIsBetter: true,
    note: `target ≤ 40 KiB: ${idleGateway.perSocket <= 40 ? 'met' : 'not met'}; api RSS ${Math.round(idleGateway.before / 1024)} → ${Math.round(idleGateway.after / 1024)} MiB`,
  });
  process.exit(0);
}

