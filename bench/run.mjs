#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/ against the production build (npm run build first), one after
// another, each bounded in time, then bench/results.md with one row per scenario.
//   BENCH_SECONDS (default 4) per measured run, BENCH_RUNS (default 3) runs per case (median),
//   BENCH_ONLY=http,booking to run some of them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';

const seconds = process.env.BENCH_SECONDS ?? '4';
const runs = process.env.BENCH_RUNS ?? '3';
// name, arguments, the longest it may take (it is stopped then and its rows so far kept)
const BENCHES = [
  ['http', [], 240],
  ['booking', [], 200],
  ['realtime', [], 240],
  ['reminders', ['5000'], 200],
  ['web', ['3'], 120],
];
const only = process.env.BENCH_ONLY?.split(',');
const results = join('bench', 'results.jsonl');
rmSync(results, { force: true });
if (!existsSync('dist/apps/api/main.js')) throw new Error('no build: run npm run build first (npm run bench does)');

const began = Date.now();
const outcomes = [];
for (const [name, args, limit] of BENCHES.filter(([n]) => !only || only.includes(n))) {
  console.log(`\n=== ${name} (at most ${limit} s)`);
  const started = Date.now();
  const child = spawn(process.execPath, [`bench/${name}.bench.mjs`, ...args], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results, BENCH_NAME: name, BENCH_SECONDS: seconds, BENCH_RUNS: runs },
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), limit * 1000);
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(signal ?? c)));
  clearTimeout(timer);
  outcomes.push({ name, code, seconds: Math.round((Date.now() - started) / 1000) });
}

const rows = existsSync(results) ? readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const fmt = (n, digits = 0) => (typeof n === 'number' && Number.isFinite(n) ? (Math.abs(n) < 10 && digits === 0 ? n.toFixed(1) : n.toFixed(digits)) : (n ?? '–'));
const lines = [
  '# Benchmark results',
  '',
  `\`npm run bench\` on ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
    `production build, real MySQL and Redis on loopback; ${seconds} s per run, median of ${runs} where a case repeats. Total ${Math.round((Date.now() - began) / 1000)} s.`,
  '',
  'ratio = platform ÷ its honest baseline (the same work on the bare libraries, same run); ≥ target is met.',
  '',
  '| bench | scenario | platform | baseline | ceiling | unit | ratio | target | p50 ms | p99 ms | errors | note |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) =>
    `| ${r.bench} | ${r.scenario} | ${fmt(r.platform)} | ${fmt(r.baseline)} | ${fmt(r.ceiling)} | ${r.unit ?? ''} | ${r.ratio == null ? '–' : r.ratio.toFixed(2)} | ` +
    `${r.target == null ? '' : `≥ ${r.target}${r.ratio == null ? '' : r.ratio >= r.target ? ' ✓' : ' ✗'}`} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors ?? 0} | ${r.note ?? ''} |`,
  ),
  '',
  '| bench | exit | seconds |',
  '|---|---|---|',
  ...outcomes.map((o) => `| ${o.name} | ${o.code} | ${o.seconds} |`),
  '',
];
writeFileSync(join('bench', 'results.md'), lines.join('\n'));
rmSync(results, { force: true });
console.log(`\nwrote bench/results.md (${rows.length} rows, ${Math.round((Date.now() - began) / 1000)} s)`);
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1);
