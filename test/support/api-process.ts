import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './private-redis';
import { testEnv } from './test-env';

/** The built api, as `npm start` runs it. */
export const API = 'dist/apps/api/main.js';

export function requireBuiltApi(): void {
  if (!existsSync(API)) throw new Error(`${API} is missing: run \`npm run build\` before the tests`);
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

export function get(port: number, path: string, options: { agent?: http.Agent | false; token?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = options.token ? { authorization: `Bearer ${options.token}` } : {};
    const req = http.get({ host: '127.0.0.1', port, path, agent: options.agent, headers }, (res) => {
      const socket = res.socket;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, socket }));
    });
    req.on('error', reject);
  });
}

/** The built api in a child process on a port of its own, started once its health answers 200. */
export class ApiProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; at: number }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, at: Date.now() }));
  }

  static async start(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [API], {
      env: { ...process.env, ...testEnv(), DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', PORT: String(port), ...env },
      stdio: 'pipe',
    });
    const api = new ApiProcess(child, port);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}:\n${api.output.join('')}`);
      const health = await get(port, '/api/health', { agent: false }).catch(() => undefined);
      if (health?.status === 200) return api;
      if (Date.now() > deadline) throw new Error(`the api did not answer within 30 s:\n${api.output.join('')}`);
      await sleep(200);
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
