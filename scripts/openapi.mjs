#!/usr/bin/env node
// `npm run openapi`: regenerates apps/api/openapi.json from the code (controllers, DTOs and view classes),
// without a database or Redis. Run it after changing an endpoint and commit the result with the change.
import { spawnSync } from 'node:child_process';

const { status } = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/openapi.ts'],
  { stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.cli.json' } },
);
process.exit(status ?? 1);
