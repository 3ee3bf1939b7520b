import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { freePort } from './private-redis';
import { copySchema } from './scratch-database';

const READY_WITHIN_MS = 30_000;

/**
 * A `mariadbd` of the test's own (its datadir in a temp directory, a free port, no grant tables), so a
 * test may kill and restart MySQL without disturbing the other suites. `kill()` is a crash (SIGKILL);
 * `start()` brings the same datadir back, as a restarted server would (InnoDB recovers what was committed).
 */
export class PrivateMariadb {
  private process?: ChildProcess;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** `mysql://root@127.0.0.1:<port>`: append `/<database>`. */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  static async create(): Promise<PrivateMariadb> {
    const dir = mkdtempSync(join(tmpdir(), 'pendamping-mariadb-'));
    const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`mariadb-install-db failed (is MariaDB installed?): ${install.error?.message ?? install.stderr}`);
    const server = new PrivateMariadb(dir, await freePort());
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const dir = this.dir;
    const args = [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mysqld.sock')}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      '--skip-grant-tables',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
      // Written to the OS at every commit: a killed server loses nothing, only a power cut would.
      '--innodb-flush-log-at-trx-commit=2',
      '--innodb-doublewrite=0',
      ...(userInfo().uid === 0 ? ['--user=root'] : []),
    ];
    const child = spawn('mariadbd', args, { stdio: 'ignore' });
    this.process = child;
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`mariadbd exited with ${code}; see ${join(dir, 'error.log')}`);
    });
    exited.catch(() => undefined);
    await Promise.race([this.ready(), exited]);
  }

  /** A crash: SIGKILL, no shutdown. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A database on this server with the schema and reference rows of `from` (see copySchema). */
  cloneDatabase(from: string, database: string): Promise<string> {
    return copySchema(from, this.url, database);
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      try {
        const connection = await mysql.createConnection({ uri: this.url, connectTimeout: 1_000 });
        await connection.end();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`mariadbd did not answer within ${READY_WITHIN_MS} ms`, { cause: error });
        await sleep(100);
      }
    }
  }
}
