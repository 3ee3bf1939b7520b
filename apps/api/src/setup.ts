import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule, ensureDatabase, runMigrations } from '@pendamping/database';
import { DEMO_PASSWORD, DemoSeedService, DemoModule } from '@pendamping/demo';
import { UsersService } from '@pendamping/identity';
import { NotificationsOutboxModule } from '@pendamping/notifications';
import { AppConfig, ConfigModule, preflight, PreflightError, RedisModule, redisOptions } from '@pendamping/platform';

const say = (line = '') => process.stdout.write(`${line}\n`);

/**
 * `main.js setup`: what must hold before the api and worker start. Checks MySQL and Redis, creates the
 * database, runs pending migrations, creates the first admin and, on an empty development database,
 * the demo data. Safe to run on every start.
 */
export async function setup(config: AppConfig): Promise<void> {
  try {
    await preflight(config);
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    process.stderr.write(`Cannot start Pendamping:\n${error.message}\n`);
    process.exit(2);
  }
  await ensureDatabase(config.databaseUrl);
  const ran = await runMigrations(config.databaseUrl);
  say(ran.length ? `Migrations run: ${ran.join(', ')}` : 'Database schema is up to date');

  // The outbox comes along so the demo bookings and registrations get their notifications and reminders.
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      RedisModule,
      BullModule.forRoot({ connection: redisOptions(config, { enableOfflineQueue: false }), prefix: config.redisPrefix }),
      NotificationsOutboxModule,
      DemoModule,
    ],
  })
  class SetupModule {}
  const app = await NestFactory.createApplicationContext(SetupModule, { logger: ['error', 'warn'] });
  try {
    const admin = await app.get(UsersService).ensureFirstAdmin(config.admin);
    const logins = config.demoData ? await app.get(DemoSeedService).seedIfEmpty() : null;
    if (logins) printLogins(config, logins, admin === 'created');
    else if (admin === 'not-configured') say('No admin account exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD, then start again');
  } finally {
    await app.close();
  }
}

function printLogins(config: AppConfig, logins: { role: string; email: string; name: string }[], adminCreated: boolean): void {
  say();
  say(`Demo data created. Log in at ${config.publicUrl}/login with these accounts (listed once, when the demo is created):`);
  if (adminCreated && config.admin) say(`  admin                        ${config.admin.email}  (password: ADMIN_PASSWORD)`);
  for (const login of logins) say(`  ${login.role.padEnd(28)} ${login.email}  ${login.name}`);
  say(`  password for every demo account: ${DEMO_PASSWORD}`);
  say();
}
