import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { testEnv } from './test-env';
import { wallClockEnv } from './wall-clock';

export interface Received {
  mail: ParsedMail;
  to: string;
  at: number;
  notificationId: string;
  type: string;
}

/**
 * A real SMTP server (smtp-server) on loopback that keeps every message it accepts. `holdRecipients()`
 * makes it stall at RCPT TO (before any message data), so a test can kill the sender mid-delivery.
 */
export async function startSmtp() {
  const received: Received[] = [];
  let holding = false;
  const held: ((err?: Error) => void)[] = [];
  let onHeld: (() => void) | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!holding) return callback();
      held.push(callback);
      onHeld?.();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const header = (name: string) => String(mail.headers.get(name) ?? '');
          for (const rcpt of session.envelope.rcptTo) {
            received.push({ mail, to: rcpt.address, at: Date.now(), notificationId: header('x-pendamping-notification'), type: header('x-pendamping-type') });
          }
          callback();
        })
        .catch(callback);
    },
  });
  server.on('error', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (email: string) => received.filter((r) => r.to === email),
    /** From now on every RCPT TO waits; resolves when the first one is waiting. */
    holdRecipients(): Promise<void> {
      holding = true;
      return new Promise((resolve) => (onHeld = resolve));
    },
    release(): void {
      holding = false;
      for (const callback of held.splice(0)) callback(new Error('released'));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The real worker (apps/worker/src/main.ts) as its own process, run through ts-node like the migration
 * CLI, so a test can SIGKILL it mid-job and start it again. It reads the test's wall clock, as it is
 * when the worker starts.
 */
export const WORKER_READY_MS = 60_000;

export class WorkerProcess {
  private child?: ChildProcess;
  readonly output: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', '-r', './test/support/wall-clock.ts', 'apps/worker/src/main.ts'], {
      env: { ...process.env, NODE_OPTIONS: '', ...testEnv(), LOG_LEVEL: 'info', TS_NODE_PROJECT: 'tsconfig.cli.json', ...wallClockEnv(), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      // Compiling the worker takes a few seconds, and several times that on a loaded 2-core machine.
      const timer = setTimeout(() => reject(new Error(`worker not ready in ${WORKER_READY_MS / 1000} s:\n${this.output.join('')}`)), WORKER_READY_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        this.output.push(text);
        if (text.includes('Worker ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with ${code}:\n${this.output.join('')}`));
      });
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await once(child, 'exit');
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` gives a value that `ok` accepts; returns the last value either way. */
export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}
