import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit, shutDownOnSignals, withoutStartupNoise } from '@pendamping/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(withoutStartupNoise(app.get(Logger)));
  // SIGTERM closes the BullMQ workers (finishing the jobs in hand) and the connections, within SHUTDOWN_TIMEOUT_MS.
  shutDownOnSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger: app.get(Logger) });
  await app.init();
  app.get(Logger).log('Worker ready', 'Worker');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
