#!/usr/bin/env node
// `npm audit --omit=dev --audit-level=high`, saying plainly what it checked. It fails (exit 1) for a high or
// critical advisory in a production dependency. When the registry's advisory database does not answer
// (unreachable, or an endpoint that refuses audits, as some mirrors answer 405), it prints that nothing was
// checked and exits 0, or 2 with --require (for an operator who wants the check to be mandatory). A registry
// that does not answer within 30 s (one retry) counts as not answering.
import { spawnSync } from 'node:child_process';

const mandatory = process.argv.includes('--require');
const run = spawnSync('npm', ['audit', '--omit=dev', '--json', '--fetch-timeout=30000', '--fetch-retries=1'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const stderrReason = run.stderr
    ?.split('\n')
    .find((line) => /npm (warn|error) audit/.test(line))
    ?.replace(/^npm (warn|error) audit /, '');
  const reason = report?.message ?? report?.error?.summary ?? stderrReason ?? (run.error ? run.error.message : `npm audit exited ${run.status}`);
  console.log(`npm audit: NOT CHECKED: the advisory database did not answer (${reason}). No production dependency was audited.`);
  process.exit(mandatory ? 2 : 0);
}

const total = report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total;
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
for (const v of serious) {
  const advisories = v.via.filter((via) => typeof via === 'object').map((via) => `${via.title} (${via.url})`);
  const through = v.via.filter((via) => typeof via === 'string');
  const fix = v.fixAvailable === true ? 'npm audit fix' : v.fixAvailable ? `${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (major)' : ''}` : 'no fix yet';
  console.log(`  ${v.severity.toUpperCase()} ${v.name}${v.range ? ` ${v.range}` : ''}: ${[...advisories, ...through.map((name) => `through ${name}`)].join('; ')}; fix: ${fix}`);
}
const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
if (serious.length > 0) {
  console.log(`npm audit: FAILED: ${serious.length} production package(s) with high or critical advisories (${summary}).`);
  process.exit(1);
}
console.log(`npm audit: ok: no high or critical advisory in ${total ?? 'the'} production dependencies (${summary}).`);
