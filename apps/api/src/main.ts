import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { createHttpApp, httpDrain, isApiClusterPrimary, loadConfigOrExit, shutDownOnSignals, superviseApiProcesses } from '@pendamping/platform';
import { ApiModule } from './api.module';
import { setup } from './setup';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (process.argv[2] === 'setup') return setup(config);
  // API_PROCESSES above 1: this process only starts and watches that many copies of itself on one port.
  if (isApiClusterPrimary(config)) return superviseApiProcesses(config);

  const app = await createHttpApp(config, ApiModule.forRoot(config));
  if (await app.get(DataSource).showMigrations()) {
    process.stderr.write('The database schema is behind this version: run `npm run setup` (or `node dist/apps/api/main.js setup`) first\n');
    await app.close();
    process.exit(1);
  }
  if (config.jwt.developmentSecret) {
    app.get(Logger).warn('JWT_SECRET is not set: tokens are signed with a public development secret; never expose this instance');
  }
  // SIGTERM: health 503 and `Connection: close` at once, requests in hand finish, exit within SHUTDOWN_TIMEOUT_MS.
  const logger = app.get(Logger);
  shutDownOnSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger, drain: httpDrain(app, logger) });
  await app.listen({ port: config.port, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
