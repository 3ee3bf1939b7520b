import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from '../config/app-config';

/** Waits before starting a dead api process again, by how often it died in a row (as scripts/start.mjs). */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** A process that served this long before dying starts its backoff again from 1 s. */
const STABLE_MS = 30_000;
/** The processes exit by SHUTDOWN_TIMEOUT_MS after a signal; one that has not by then (and this) is killed. */
const STOP_GRACE_MS = 5_000;

/** True in the process that should run the api's processes rather than be one (API_PROCESSES above 1). */
export function isApiClusterPrimary(config: AppConfig): boolean {
  return config.apiProcesses > 1 && cluster.isPrimary;
}

const say = (line: string) => process.stderr.write(`pendamping api: ${line}\n`);

/**
 * Runs API_PROCESSES copies of this program (node's cluster module), all serving the one port: the primary
 * accepts connections and hands them out in turn. They share nothing in memory (sessions are tokens,
 * state is in MySQL and Redis, socket.io broadcasts go through the Redis adapter, sockets are
 * websocket-only so no request needs the process that began a handshake).
 * A process that dies after the api served is started again with a backoff; one that fails before any
 * process listened (a bad schema, a taken port) stops them all with exit code 1, as one process would.
 * SIGTERM / SIGINT reach every process, each drains (see httpDrain), and the primary exits 0 when all did.
 */
export function superviseApiProcesses(config: AppConfig): void {
  const count = config.apiProcesses;
  const running = new Map<number, Worker>();
  const listening = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let anyServed = false;
  let stopping = false;
  const name = (slot: number, worker: Worker) => `process ${slot + 1} of ${count} (pid ${worker.process.pid})`;

  function start(slot: number, failures: number): void {
    const startedAt = Date.now();
    const worker = cluster.fork();
    running.set(slot, worker);
    worker.once('listening', (address) => {
      anyServed = true;
      listening.add(worker);
      say(`${name(slot, worker)} is listening on port ${address.port}`);
    });
    worker.once('exit', (code, signal) => {
      running.delete(slot);
      const served = listening.delete(worker);
      if (stopping) {
        // One stopped while it was still starting had nothing in hand: that is not a failed shutdown.
        if (served && code !== 0) process.exitCode = 1;
        if (running.size === 0) process.exit();
        return;
      }
      if (!anyServed) {
        say(`${name(slot, worker)} could not start (${signal ?? `exit code ${code}`}); stopping the others`);
        process.exitCode = 1;
        stop('SIGTERM');
        return;
      }
      const streak = Date.now() - startedAt >= STABLE_MS ? 0 : failures;
      const delay = BACKOFF_MS[Math.min(streak, BACKOFF_MS.length - 1)];
      say(`${name(slot, worker)} stopped (${signal ?? `exit code ${code}`}); starting it again in ${delay / 1000} s`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        start(slot, streak + 1);
      }, delay);
      restarts.add(timer);
    });
  }

  function stop(signal: NodeJS.Signals): void {
    if (stopping) return;
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    if (running.size === 0) process.exit();
    // The signal itself, not worker.kill(): that disconnects first, which closes the server before the drain.
    // One still starting has no signal handler yet and nothing in hand: it is ended outright.
    for (const worker of running.values()) worker.process.kill(listening.has(worker) ? signal : 'SIGKILL');
    setTimeout(() => {
      for (const [slot, worker] of running) {
        say(`${name(slot, worker)} did not stop within ${(config.shutdownTimeoutMs + STOP_GRACE_MS) / 1000} s; killing it`);
        worker.process.kill('SIGKILL');
      }
      process.exitCode = 1;
    }, config.shutdownTimeoutMs + STOP_GRACE_MS).unref();
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
  say(`starting ${count} processes on port ${config.port} (API_PROCESSES)`);
  for (let slot = 0; slot < count; slot++) start(slot, 0);
}
