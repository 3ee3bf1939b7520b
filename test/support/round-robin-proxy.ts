import { once } from 'node:events';
import http from 'node:http';

interface Backend {
  port: number;
  agent: http.Agent;
  healthy: boolean;
  checking: boolean;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request on its way: when it reached the proxy (Date.now()) and each backend it was sent to so far. */
export interface Routed {
  method: string;
  path: string;
  arrived: number;
  tried: number[];
}

export interface Served extends Routed {
  /** The backend that answered (the last one tried, for a 502). */
  backend: number;
  status: number;
  /** When the answer left the proxy. */
  at: number;
}

/** One answer to the proxy's own GET /api/health (status 0: no answer): sent and answered at (Date.now()). */
export interface HealthCheck {
  backend: number;
  status: number;
  sent: number;
  at: number;
}

const HEALTH_EVERY_MS = 100;
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * A load balancer in front of several api processes, with active health checks (as nginx Plus's
 * `health_check`, HAProxy or a Kubernetes readiness probe; open-source nginx only has passive ones) and
 * `proxy_next_upstream error http_503`: round robin over the backends whose /api/health answers 200,
 * kept-alive upstream connections, and a request tried on the next backend when the connection is refused
 * (nothing was sent), or when it failed or answered 503 and it may be repeated (GET, HEAD, or a request with
 * an Idempotency-Key). Otherwise the client gets a 502, as nginx would answer.
 */
export class RoundRobinProxy {
  readonly served: Served[] = [];
  /** Every health check's answer, in the order they came. */
  readonly checks: HealthCheck[] = [];
  /** Attempts that went on to the next backend, with why. */
  readonly retried: string[] = [];
  private readonly open = new Set<Routed>();
  private readonly watchers = new Set<() => boolean>();
  private next = 0;
  private readonly probe: NodeJS.Timeout;

  private constructor(
    private readonly server: http.Server,
    private readonly backends: Backend[],
  ) {
    this.probe = setInterval(() => backends.forEach((b, i) => void this.check(b, i)), HEALTH_EVERY_MS);
  }

  static async start(ports: number[]): Promise<RoundRobinProxy> {
    const backends = ports.map((port) => ({ port, agent: new http.Agent({ keepAlive: true }), healthy: true, checking: false }));
    const server = http.createServer();
    const proxy = new RoundRobinProxy(server, backends);
    // A fault in the proxy itself is a 502 the test sees, never a client left waiting.
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void proxy.handle(req, res).catch((error: Error) => res.writeHead(502).end(`proxy failed: ${error.message}`)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** Requests sent to a backend and not answered yet. */
  inFlight(): Routed[] {
    return [...this.open].filter((r) => r.tried.length > 0);
  }

  /**
   * Resolves with the first value of `ready` other than undefined, asked now and again after every routing,
   * answer and health check: a test waits for what the proxy saw rather than for a while.
   */
  until<T>(what: string, ready: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(test);
        reject(new Error(`the proxy did not see within ${timeoutMs} ms: ${what}`));
      }, timeoutMs);
      const test = (): boolean => {
        const value = ready();
        if (value === undefined) return false;
        clearTimeout(timer);
        this.watchers.delete(test);
        resolve(value);
        return true;
      };
      if (!test()) this.watchers.add(test);
    });
  }

  async close(): Promise<void> {
    clearInterval(this.probe);
    this.backends.forEach((b) => b.agent.destroy());
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private changed(): void {
    for (const test of [...this.watchers]) test();
  }

  private async check(backend: Backend, i: number): Promise<void> {
    // One at a time, so that a slow answer never overrides a newer one.
    if (backend.checking) return;
    backend.checking = true;
    const sent = Date.now();
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: backend.port, path: '/api/health', agent: false, timeout: HEALTH_TIMEOUT_MS }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
    });
    backend.checking = false;
    backend.healthy = status === 200;
    this.checks.push({ backend: i, status, sent, at: Date.now() });
    this.changed();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const routed: Routed = { method: req.method!, path: req.url!, arrived: Date.now(), tried: [] };
    this.open.add(routed);
    const answered = (backend: number, status: number) => {
      this.open.delete(routed);
      this.served.push({ ...routed, backend, status, at: Date.now() });
      this.changed();
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const repeatable = req.method === 'GET' || req.method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
    const start = this.next++ % this.backends.length;
    const order = this.backends.map((_, i) => (start + i) % this.backends.length);
    // Healthy ones first, then the others (a probe may lag behind, or every backend be down).
    const candidates = [...order.filter((i) => this.backends[i].healthy), ...order.filter((i) => !this.backends[i].healthy)];
    for (const [n, i] of candidates.entries()) {
      const last = n === candidates.length - 1;
      routed.tried.push(i);
      this.changed();
      // Tagged, not `instanceof Error`: node's errors come from another realm than the test's under jest.
      const answer = await this.forward(this.backends[i], req, body).catch((error: NodeJS.ErrnoException) => ({ failed: String(error.code ?? error.message) }));
      if ('failed' in answer) {
        if (answer.failed === 'ECONNREFUSED') this.backends[i].healthy = false;
        if (!last && (answer.failed === 'ECONNREFUSED' || repeatable)) {
          this.retried.push(`${req.method} ${req.url} on ${i}: ${answer.failed}`);
          continue;
        }
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream failed: ${answer.failed}`);
        answered(i, 502);
        return;
      }
      if (answer.status === 503 && repeatable && !last) {
        this.retried.push(`${req.method} ${req.url} on ${i}: 503`);
        continue;
      }
      const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _encoding, ...headers } = answer.headers;
      res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length }).end(answer.body);
      answered(i, answer.status);
      return;
    }
  }

  private forward(backend: Backend, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const { connection: _connection, host: _host, ...headers } = req.headers;
      const upstream = http.request({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent: backend.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
