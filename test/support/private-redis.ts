import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  // No RDB, no AOF: a restart comes back empty, like a Redis that lost its data.
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    redis.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return redis;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: the server is gone at once, as in a crash. */
  stop(): Promise<void>;
  /** A new, empty redis-server on the same port (after `stop`; while one runs, nothing). */
  start(): Promise<void>;
}

/**
 * A private redis-server on a random port: a suite may FLUSHALL it, stop it or restart it empty without
 * touching the other suites' keys.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let redis = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (redis.exitCode !== null || redis.signalCode !== null) return;
      redis.kill('SIGKILL');
      await once(redis, 'exit');
    },
    async start() {
      if (redis.exitCode === null && redis.signalCode === null) return;
      redis = await spawnRedis(port);
    },
  };
}
