// Shared by every bench/*.bench.mjs: free ports, a fresh database, the built api started and waited for,
// percentile maths, a progress bar and the results rows `npm run bench` collects into bench/results.md.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import mysql from 'mysql2/promise';

export const MYSQL = 'mysql://root@127.0.0.1:3306';
export const REDIS = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
/** Seconds each measured run lasts (BENCH_SECONDS, or the script's first argument). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Runs per case; the median is reported (the issue's targets are medians of 3). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 1);
/** A strong random secret: the api runs with NODE_ENV=production, which refuses weak or published ones. */
export const JWT_SECRET = randomBytes(48).toString('base64');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port nobody listens on now (the kernel picks it), so benches never collide with each other or a dev server. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The production build's environment for one bench: its own database, Redis prefix and port. */
export function apiEnv({ database, prefix, port, ...extra }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port ?? 0),
    LOG_LEVEL: 'warn',
    DATABASE_URL: `${MYSQL}/${database}`,
    REDIS_PREFIX: prefix,
    JWT_SECRET,
    LIVEKIT_API_KEY: 'APIbenchkey',
    LIVEKIT_API_SECRET: randomBytes(24).toString('hex'),
    DEMO_DATA: 'false',
    SMTP_URL: '',
    WHATSAPP_API_URL: '',
    ...extra,
  };
}

/** Drops and recreates `database` through the api's own `setup` (migrations, fixed regions). */
export async function freshDatabase(env) {
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  const server = await mysql.createConnection(MYSQL);
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.end();
  const setup = spawnSync(process.execPath, ['dist/apps/api/main.js', 'setup'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup of ${database} failed (exit ${setup.status}); did you run npm run build?\n${setup.stderr}`);
  return mysql.createPool({ uri: env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
}

/**
 * Starts a built app (`dist/apps/<app>/main.js`) and, for the api, waits until /api/health answers 200.
 * BENCH_PROFILE=<dir> writes a CPU profile there. Answers the child, its origin and the cold start in ms.
 */
export async function startApp(env, { app = 'api', timeoutMs = 60_000 } = {}) {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const began = performance.now();
  const child = spawn(process.execPath, [...profile, `dist/apps/${app}/main.js`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
    process.stderr.write(chunk);
  });
  process.on('exit', () => child.kill('SIGKILL'));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  if (app !== 'api') return { child, stop };
  const origin = `http://127.0.0.1:${env.PORT}`;
  await waitHealthy(origin, timeoutMs, child, () => stderr);
  return { child, origin, port: Number(env.PORT), coldStartMs: performance.now() - began, stop };
}

/** Polls /api/health until 200; a clear error when the process exits or the time is up. */
export async function waitHealthy(origin, timeoutMs, child, stderr = () => '') {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (child?.exitCode != null) throw new Error(`the api exited (code ${child.exitCode}) before ${origin}/api/health answered\n${stderr()}`);
    const status = await fetch(`${origin}/api/health`).then((r) => r.status, (e) => e.cause?.code ?? e.message);
    if (status === 200) return;
    last = String(status);
    await sleep(100);
  }
  child?.kill('SIGKILL');
  throw new Error(`${origin}/api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})\n${stderr()}`);
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
export const median = (values) => percentile(values, 50);
export const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

/** The run (of several of the same case) with the median rate. */
export function medianRun(runs, key = 'rate') {
  const sorted = [...runs].sort((a, b) => a[key] - b[key]);
  return { ...sorted[Math.floor(sorted.length / 2)], runs: runs.map((r) => r[key]) };
}

/** A one-line progress bar on stderr: `bar(done)` redraws, `bar.end()` finishes the line. */
export function progressBar(label, total) {
  const width = 30;
  const began = performance.now();
  const draw = (done) => {
    const filled = Math.min(width, Math.round((done / total) * width));
    const secs = ((performance.now() - began) / 1000).toFixed(0);
    process.stderr.write(`\r  ${label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${Math.min(done, total)}/${total} ${secs}s `);
  };
  draw(0);
  const bar = (done) => draw(done);
  bar.end = () => {
    draw(total);
    process.stderr.write('\n');
  };
  return bar;
}

/** A time-bounded loop with a progress bar over its seconds. */
export async function forSeconds(label, seconds, body) {
  const bar = progressBar(label, seconds);
  const timer = setInterval(() => bar(Math.floor((Date.now() - (until - seconds * 1000)) / 1000)), 250);
  const until = Date.now() + seconds * 1000;
  try {
    return await body(until);
  } finally {
    clearInterval(timer);
    bar.end();
  }
}

/**
 * One results row. `platform` and `baseline` are rates (higher is better) or, with `lowerIsBetter`, costs;
 * `ceiling` is the bare library doing no work. Printed at once; appended to BENCH_RESULTS (JSON lines) for
 * `npm run bench`.
 */
export function record(row) {
  const ratio = row.baseline ? (row.lowerIsBetter ? row.baseline / row.platform : row.platform / row.baseline) : null;
  const full = { ...row, ratio };
  const fmt = (n) => (typeof n === 'number' ? (Number.isInteger(n) || n >= 100 ? Math.round(n) : n.toFixed(2)) : (n ?? '-'));
  console.log(
    `${row.scenario.padEnd(52)} ${String(fmt(row.platform)).padStart(8)} ${String(fmt(row.baseline)).padStart(8)} ${(ratio == null ? '-' : ratio.toFixed(2)).padStart(6)} ${row.unit ?? ''}  p50 ${fmt(row.p50)} p99 ${fmt(row.p99)} errors ${row.errors ?? 0}${row.note ? `  ${row.note}` : ''}`,
  );
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ bench: process.env.BENCH_NAME, ...full })}\n`);
  return full;
}

/**
 * An open-loop load at a fixed rate: `send(i)` starts every 1/rate s whether or not the earlier ones are
 * done, and each latency counts from when it was due, not from when it was sent (a slow server cannot
 * hide its queue by slowing the sender: no coordinated omission). `send` resolves to true when the answer
 * was the expected one. Answers the rate of expected answers over the whole run (the last ones' wait
 * included, so below `rate` when the server falls behind), p50/p99 in ms and the count of other answers.
 */
export async function paced(label, rate, seconds, send) {
  const total = Math.round(rate * seconds);
  const latencies = [];
  let errors = 0;
  const bar = progressBar(label, total);
  const began = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(
      send(i).then(
        (ok) => (ok ? latencies.push(performance.now() - due) : errors++),
        () => errors++,
      ),
    );
    if (Math.floor((i * 10) / rate) !== Math.floor(((i - 1) * 10) / rate)) bar(i);
  }
  await Promise.all(inflight);
  bar.end();
  return { rate: latencies.length / ((performance.now() - began) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}
