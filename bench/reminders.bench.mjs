#!/usr/bin/env node
// Reminders: schedule 100,000 and deliver them in-app with the built worker, beside raw BullMQ add/process
// of empty jobs measured in the same run on the same Redis.
//   npm run build && node bench/reminders.bench.mjs [count]
// Our path: outbox rows written to MySQL (as the booking transaction writes them), the worker's
// reconciliation relays them to BullMQ (delayed jobs, deterministic ids), the dispatch processor checks
// each against fresh state (session, workshop, registration), renders it, writes the inbox row and its
// in-app delivery record in one transaction and pushes it over the Redis socket emitter.
// Two delivery runs: a burst (everything due at one instant: throughput, delay = queueing) and a paced
// run (due times spread at half the burst throughput, for PACED_SECONDS: the delay a person sees under load
// the worker keeps up with).
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { v7 as uuid } from 'uuid';
import { apiEnv, freshDatabase, progressBar, record, startApp } from './lib.mjs';
import { bareReminderWorker } from './baselines/reminder-bare.mjs';

const COUNT = Number(process.argv[2] ?? 100_000);
const barePrefix = 'pendamping-bench-reminders-bare';
const PACED_SECONDS = 10;
const USERS = 1_000;
const prefix = 'pendamping-bench-reminders';
const rawPrefix = 'pendamping-bench-raw';
const redis = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
const env = apiEnv({ database: 'pendamping_bench_reminders', prefix });

const say = (text) => process.stdout.write(text);
const rate = (n, ms) => Math.round((n / ms) * 1000);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- setup: a fresh database, people, one published workshop with sessions everybody registered for
const db = await freshDatabase(env);
for (const p of [prefix, rawPrefix, barePrefix]) await obliterateAll(p);

say('preparing people, a workshop and its sessions… ');
const users = Array.from({ length: USERS }, () => uuid());
await db.query('INSERT INTO users (id, email, passwordHash, name, roles) VALUES ?', [users.map((id) => [id, `${id}@bench.local`, '!', 'Pelaku Usaha', 'entrepreneur'])]);
const workshopId = uuid();
await db.query("INSERT INTO workshops (id, title, description, topic, capacity, status) VALUES (?, 'Keuangan UMKM', 'bench', 'keuangan', ?, 'published')", [workshopId, USERS]);
const sessionsNeeded = Math.ceil((2 * COUNT + Math.min(COUNT, 20_000)) / USERS) + 2;
const day = Date.now() + 86_400_000;
const sessions = Array.from({ length: sessionsNeeded }, (_, i) => ({ id: uuid(), start: new Date(day + i * 7_200_000) }));
await db.query('INSERT INTO workshop_sessions (id, workshopId, startsAt, endsAt) VALUES ?', [sessions.map((s) => [s.id, workshopId, s.start, new Date(s.start.getTime() + 3_600_000)])]);
await db.query('INSERT INTO workshop_registrations (id, workshopId, userId, status) VALUES ?', [users.map((u) => [uuid(), workshopId, u, 'registered'])]);
console.log('done');

/** Outbox rows as the booking/registration transaction writes them: one per person, session and offset. */
async function writeOutbox(count, firstSession, dueAt) {
  const started = performance.now();
  const ids = [];
  for (let i = 0; i < count; i += 5_000) {
    const rows = [];
    for (let k = i; k < Math.min(count, i + 5_000); k++) {
      const session = sessions[firstSession + Math.floor(k / USERS)];
      const payload = JSON.stringify({ title: 'Keuangan UMKM', workshopId, start: session.start.toISOString(), end: new Date(session.start.getTime() + 3_600_000).toISOString(), offsetMs: 600_000 });
      const id = uuid();
      ids.push(id);
      rows.push([id, users[k % USERS], 'workshop.session.reminder', 'workshop_session', session.id, workshopId, payload, dueAt(k), 'scheduled']);
    }
    await db.query('INSERT INTO notifications (id, userId, type, refKind, refId, subjectId, payload, dueAt, state) VALUES ?', [rows]);
  }
  return { ids, ms: performance.now() - started };
}

async function startWorker() {
  return (await startApp(env, { app: 'worker' })).child;
}
async function stopWorker(worker) {
  worker.kill('SIGTERM');
  await once(worker, 'exit');
}

/** Waits for `done()` to reach `total`, with a progress bar; returns when it did. */
async function progress(label, total, done) {
  const bar = progressBar(label, total);
  for (;;) {
    const n = await done();
    bar(n);
    if (n >= total) return void bar.end();
    await sleep(250);
  }
}

async function delays(ids) {
  const out = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    const [rows] = await db.query('SELECT TIMESTAMPDIFF(MICROSECOND, dueAt, dispatchedAt) / 1000 AS ms FROM notifications WHERE id IN (?)', [ids.slice(i, i + 10_000)]);
    out.push(...rows.map((r) => Number(r.ms)));
  }
  return out.sort((a, b) => a - b);
}

const dispatched = async (ids) => {
  const [[row]] = await db.query("SELECT COUNT(*) AS n FROM notifications WHERE subjectId = ? AND state = 'dispatched' AND id IN (?)", [workshopId, ids]);
  return Number(row.n);
};
const dispatchedCount = (since) => async () => {
  const [[row]] = await db.query("SELECT COUNT(*) AS n FROM notifications WHERE state = 'dispatched' AND dueAt >= ?", [since]);
  return Number(row.n);
};

// --- ours, burst: all due at one instant after scheduling
console.log(`\nPendamping reminders (${COUNT.toLocaleString('en')} in-app, worker from dist/, MySQL + Redis on this machine)`);
// Everything due at one moment, far enough out for the relay to finish first.
const BURST_LEAD_MS = Math.max(20_000, COUNT / 2);
const burstDue = new Date(Date.now() + BURST_LEAD_MS);
const burst = await writeOutbox(COUNT, 0, () => burstDue);
const queue = new Queue('notifications', { connection: redis, prefix });
const scheduleStart = performance.now();
let worker = await startWorker();
await progress('relayed to BullMQ (worker start → all delayed jobs in Redis)', COUNT, async () => (await queue.getJobCounts('delayed')).delayed);
const scheduleMs = performance.now() - scheduleStart;
if (Date.now() > burstDue.getTime()) console.log('  (the relay finished after the due time: raise BURST_LEAD_MS)');
await progress('delivered in-app', COUNT, dispatchedCount(burstDue));
const [[span]] = await db.query("SELECT TIMESTAMPDIFF(MICROSECOND, ?, MAX(dispatchedAt)) / 1000 AS ms FROM notifications WHERE subjectId = ? AND dueAt = ?", [burstDue, workshopId, burstDue]);
const burstDelays = await delays(burst.ids);

// --- ours, paced: due times spread over PACED_SECONDS at half the burst throughput
const burstRate = rate(COUNT, Number(span.ms));
const pacedRate = Math.max(10, Math.floor(burstRate / 2));
const PACED = Math.min(COUNT, 20_000, pacedRate * PACED_SECONDS);
await stopWorker(worker);
const pacedStart = Date.now() + 15_000;
const paced = await writeOutbox(PACED, Math.ceil(COUNT / USERS), (k) => new Date(pacedStart + Math.floor((k / PACED) * PACED_SECONDS * 1000)));
worker = await startWorker();
await progress('paced delivered', PACED, () => dispatched(paced.ids));
const pacedDelays = await delays(paced.ids);
await stopWorker(worker);
await queue.obliterate({ force: true });
await queue.close();

// --- the honest baseline: a BullMQ worker doing the same reads and writes on mysql2, same burst
console.log(`\nBaseline (${COUNT.toLocaleString('en')} reminders, BullMQ + mysql2 doing the dispatch's reads and writes)`);
const bareLead = Math.max(15_000, COUNT / 4);
const bareDue = new Date(Date.now() + bareLead);
const bareRows = await writeOutbox(COUNT, Math.ceil((COUNT + PACED) / USERS) + 1, () => bareDue);
const bareQueue = new Queue('notifications', { connection: redis, prefix: barePrefix });
for (let i = 0; i < COUNT; i += 1_000) {
  const now = Date.now();
  await bareQueue.addBulk(bareRows.ids.slice(i, i + 1_000).map((id) => ({ name: 'dispatch', data: { notificationId: id }, opts: { jobId: `n-${id}`, delay: bareDue.getTime() - now, removeOnComplete: true } })));
}
let bareDone = 0;
let bareLast = 0;
const bareWorker = bareReminderWorker(db, { prefix: barePrefix, connection: redis, onDone: () => ((bareDone += 1), (bareLast = Date.now())) });
await progress('baseline delivered in-app', COUNT, async () => bareDone);
const bareRate = rate(COUNT, bareLast - bareDue.getTime());
const bareDelays = await delays(bareRows.ids);
await bareWorker.close();
await bareQueue.obliterate({ force: true });
await bareQueue.close();

// --- raw BullMQ: empty jobs, same chunking, same concurrency, same Redis
console.log(`\nRaw BullMQ (${COUNT.toLocaleString('en')} empty jobs, addBulk of 1000, concurrency 20)`);
const raw = new Queue('raw', { connection: redis, prefix: rawPrefix });
const rawLead = 30_000;
const rawDue = Date.now() + rawLead;
const rawAddStart = performance.now();
for (let i = 0; i < COUNT; i += 1_000) {
  const now = Date.now();
  await raw.addBulk(Array.from({ length: Math.min(1_000, COUNT - i) }, (_, k) => ({ name: 'x', data: {}, opts: { jobId: `r-${i + k}`, delay: rawDue - now, removeOnComplete: { count: 1_000 } } })));
}
const rawAddMs = performance.now() - rawAddStart;
say(`  added ${COUNT} in ${Math.round(rawAddMs)} ms\n`);
const rawLatency = [];
let rawLast = 0;
const rawWorker = new Worker('raw', async (job) => {
  rawLatency.push(Date.now() - (job.timestamp + job.opts.delay));
  rawLast = Date.now();
}, { connection: redis, prefix: rawPrefix, concurrency: 20 });
await progress('raw processed', COUNT, async () => rawLatency.length);
const rawProcessMs = rawLast - rawDue;
rawLatency.length = 0;
const rawPacedStart = Date.now() + 2_000;
for (let i = 0; i < PACED; i += 1_000) {
  const now = Date.now();
  await raw.addBulk(Array.from({ length: Math.min(1_000, PACED - i) }, (_, k) => ({ name: 'x', data: {}, opts: { jobId: `p-${i + k}`, delay: rawPacedStart + Math.floor(((i + k) / PACED) * PACED_SECONDS * 1000) - now, removeOnComplete: { count: 1_000 } } })));
}
await progress('raw paced processed', PACED, async () => rawLatency.length);
const rawPaced = [...rawLatency].sort((a, b) => a - b);
await rawWorker.close();
await raw.obliterate({ force: true });
await raw.close();
await db.end();

// --- report
record({ scenario: 'outbox rows written (MySQL)', platform: rate(COUNT, burst.ms), unit: 'rows/s' });
record({ scenario: 'reminders scheduled (relay to BullMQ)', platform: rate(COUNT, scheduleMs), baseline: rate(COUNT, rawAddMs), unit: 'jobs/s', note: 'baseline: raw BullMQ addBulk' });
record({
  scenario: 'in-app reminder delivery (burst)', platform: burstRate, baseline: bareRate, ceiling: rate(COUNT, rawProcessMs), unit: 'jobs/s', target: 0.5,
  p50: pct(burstDelays, 50), p99: pct(burstDelays, 99), note: `due → delivered; baseline p99 ${Math.round(pct(bareDelays, 99))} ms; ceiling: empty BullMQ jobs`,
});
record({ scenario: `in-app reminder delivery, paced ${pacedRate}/s`, platform: pacedRate, unit: 'jobs/s', p50: pct(pacedDelays, 50), p99: pct(pacedDelays, 99), note: `raw BullMQ paced p99 ${Math.round(pct(rawPaced, 99))} ms` });
process.exit(0);

async function obliterateAll(p) {
  for (const name of ['notifications', 'notification-deliveries', 'raw']) {
    const q = new Queue(name, { connection: redis, prefix: p });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
}
