#!/usr/bin/env node
// Development tool: `npm run migration:generate -- <Name>` writes a migration for what the entities
// changed; `npm run migration:revert` undoes the last one. Afterwards it rewrites migrations/index.ts,
// which lists every migration for the bundled apps.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'libs/database/src/migrations';
const [command, name] = process.argv.slice(2);
const typeorm = (...args) =>
  spawnSync(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'node_modules/typeorm/cli.js', ...args, '-d', 'libs/database/src/cli-data-source.ts'],
    { stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.cli.json' } },
  ).status ?? 1;

let status;
if (command === 'generate' && /^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  status = typeorm('migration:generate', '--pretty', join(dir, name));
} else if (command === 'revert') {
  status = typeorm('migration:revert');
} else {
  console.error('usage: npm run migration:generate -- <PascalCaseName> | npm run migration:revert');
  process.exit(2);
}

const files = readdirSync(dir).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
const classOf = (file) => {
  const [stamp, title] = file.replace(/\.ts$/, '').split('-');
  return `${title}${stamp}`;
};
writeFileSync(
  join(dir, 'index.ts'),
  [
    '// Written by scripts/migration.mjs. The apps are bundled, so a glob would find nothing at run time.',
    ...files.map((f) => `import { ${classOf(f)} } from './${f.replace(/\.ts$/, '')}';`),
    '',
    `export const migrations: Function[] = [${files.map(classOf).join(', ')}];`,
    '',
  ].join('\n'),
);
process.exit(status);
