#!/usr/bin/env node
// The first screen on a phone's slow line: bytes transferred for /login and the time until its email field
// is usable under Chromium's slow-3G emulation (400 ms latency, ~400 kbit/s each way), cold (empty cache)
// and warm (the same browser opening it again), beside the targets.
//   npm run build && node bench/web.bench.mjs [runs]
// Uses its own database (pendamping_bench_web) and Redis prefix. WEB_ROOT picks another build of the app.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import { apiEnv, freePort, freshDatabase, record, startApp } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const TARGET = { kb: 200, seconds: 5 };
const env = apiEnv({ database: 'pendamping_bench_web', prefix: 'pendamping-bench-web', port: await freePort() });
await (await freshDatabase(env)).end();
const api = await startApp(env);
const { origin } = api;

// The Chromium of @sparticuz/chromium (or CHROMIUM_PATH's), as the browser tests launch it.
const own = process.env.CHROMIUM_PATH;
const browser = await chromium.launch({
  executablePath: own || (await sparticuz.executablePath()),
  args: [...(own ? ['--no-sandbox', '--headless=new'] : sparticuz.args.filter((a) => a !== '--single-process')), '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  headless: true,
});

const kind = (type, url) => (type === 'Script' || url.endsWith('.js') ? 'js' : type === 'Stylesheet' || url.endsWith('.css') ? 'css' : 'other');

/** Opens /login on a slow line in this context; bytes on the wire until the page is quiet, and the time to a usable form. */
async function visit(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const responses = new Map();
  const bytes = { js: 0, css: 0, other: 0 };
  const files = [];
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { kind: kind(e.type, e.response.url), url: e.response.url, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none' }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId) ?? { kind: 'other', url: '?', encoding: 'none' };
    bytes[r.kind] += e.encodedDataLength;
    // Served from the cache: nothing on the wire.
    if (e.encodedDataLength > 0) files.push({ ...r, bytes: e.encodedDataLength });
  });
  const start = performance.now();
  await page.goto(`${origin}/login`, { waitUntil: 'commit' });
  const email = page.locator('input[type="email"]');
  await email.waitFor({ state: 'visible', timeout: 120_000 });
  while (!(await email.isEnabled())) await sleep(10);
  const usable = (performance.now() - start) / 1000;
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.close();
  return { usable, requests: files.length, files, ...bytes, total: bytes.js + bytes.css + bytes.other };
}

const median = (rows, key) => rows.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
const summary = (rows) => Object.fromEntries(['usable', 'requests', 'js', 'css', 'other', 'total'].map((k) => [k, median(rows, k)]));

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
  cold.push(await visit(context));
  warm.push(await visit(context));
  await context.close();
  process.stdout.write(`run ${i + 1}/${runs}: cold ${cold.at(-1).usable.toFixed(2)} s, warm ${warm.at(-1).usable.toFixed(2)} s\n`);
}
await browser.close();
await api.stop();

const kb = (n) => (n / 1024).toFixed(1);
const rows = [
  ['cold cache (first visit)', summary(cold)],
  ['warm cache (visit again)', summary(warm)],
];
console.log(`\n/login on slow 3G (${SLOW_3G.latency} ms, ${(SLOW_3G.downloadThroughput * 8) / 1000} kbit/s), median of ${runs}; KB on the wire (compressed, with headers)`);
console.log(`${'case'.padEnd(26)} ${'JS'.padStart(7)} ${'CSS'.padStart(6)} ${'other'.padStart(6)} ${'total'.padStart(7)} ${'req'.padStart(4)} ${'usable s'.padStart(9)}`);
for (const [title, r] of rows) {
  console.log(`${title.padEnd(26)} ${kb(r.js).padStart(7)} ${kb(r.css).padStart(6)} ${kb(r.other).padStart(6)} ${kb(r.total).padStart(7)} ${String(r.requests).padStart(4)} ${r.usable.toFixed(2).padStart(9)}`);
}
const [c, w] = [rows[0][1], rows[1][1]];
console.log(`${'target (cold)'.padEnd(26)} ${''.padStart(7)} ${''.padStart(6)} ${''.padStart(6)} ${`≤${TARGET.kb}`.padStart(7)} ${''.padStart(4)} ${`≤${TARGET.seconds}`.padStart(9)}`);
console.log(`\ncold: ${kb(c.total)} KB (${((c.total / 1024 / TARGET.kb) * 100).toFixed(0)}% of the budget) ${c.total / 1024 <= TARGET.kb ? 'within' : 'OVER'}; ${c.usable.toFixed(2)} s ${c.usable <= TARGET.seconds ? 'within' : 'OVER'} target`);
record({ scenario: '/login cold, slow 3G: KB on the wire', platform: c.total / 1024, baseline: TARGET.kb, unit: 'KB', lowerIsBetter: true, note: `target ≤ ${TARGET.kb} KB; median of ${runs}` });
record({ scenario: '/login cold, slow 3G: seconds to a usable form', platform: c.usable, baseline: TARGET.seconds, unit: 's', lowerIsBetter: true, note: `target ≤ ${TARGET.seconds} s; warm ${w.usable.toFixed(2)} s` });
console.log(`warm/cold: time ${(w.usable / c.usable).toFixed(2)}, bytes ${(w.total / c.total).toFixed(3)}`);

const first = cold[0].files;
console.log(`content-encoding seen: ${[...new Set(first.map((f) => f.encoding))].join(', ')}`);
console.log('largest transfers (cold):');
for (const f of [...first].sort((a, b) => b.bytes - a.bytes).slice(0, 6)) console.log(`  ${kb(f.bytes).padStart(6)} KB  ${new URL(f.url).pathname}`);
