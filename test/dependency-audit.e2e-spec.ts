import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// scripts/audit.mjs (CI's dependency audit) against a registry on loopback that answers as we script it:
// the real `npm audit` talks to it.

type Answer = { status: 405 } | { status: 200; severity: 'high' | 'critical' | 'moderate' };

describe('dependency audit (scripts/audit.mjs, npm audit --omit=dev at high)', () => {
  let server: Server;
  let registry: string;
  let answer: Answer = { status: 405 };
  const cache = mkdtempSync(join(tmpdir(), 'pendamping-npm-cache-'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method !== 'POST' || !req.url?.includes('/-/npm/v1/security/')) return void res.writeHead(404).end();
        if (answer.status === 405) return void res.writeHead(405, { allow: 'GET,HEAD' }).end();
        // luxon is a production dependency (and the dev tree's too): one advisory for every version.
        const advisory = { id: 1, url: 'https://advisories.example/GHSA-uji', title: 'Uji: regex denial of service', severity: answer.severity, vulnerable_versions: '<99.0.0', cwe: [], cvss: { score: 7.5 } };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ luxon: [advisory] }));
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    registry = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(cache, { recursive: true, force: true });
  });

  // A cache of its own each run: npm keeps answers, and every test scripts another.
  const audit = (...args: string[]) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      const env = { ...process.env, npm_config_registry: registry, npm_config_cache: mkdtempSync(join(cache, 'run-')) };
      execFile('node', ['scripts/audit.mjs', ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }));
    });

  it('says plainly that nothing was checked when the advisory database does not answer, and does not fail (exit 2 with --require)', async () => {
    answer = { status: 405 };
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.output).toContain('npm audit: NOT CHECKED: the advisory database did not answer (405 Method Not Allowed');
    expect((await audit('--require')).code).toBe(2);
  }, 60_000);

  it.each(['high', 'critical'] as const)('fails for a %s advisory in a production dependency, naming the package and the advisory', async (severity) => {
    answer = { status: 200, severity };
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.output).toContain(`${severity.toUpperCase()} luxon: Uji: regex denial of service (https://advisories.example/GHSA-uji)`);
    expect(run.output).toMatch(/npm audit: FAILED: \d+ production package\(s\) with high or critical advisories/);
  }, 60_000);

  it('passes with only a moderate advisory, and counts it', async () => {
    answer = { status: 200, severity: 'moderate' };
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/npm audit: ok: no high or critical advisory in \d+ production dependencies \(0 critical, 0 high, \d+ moderate/);
  }, 60_000);
});
