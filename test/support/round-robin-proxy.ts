import { once } from 'node:events';
import http from 'node:http';

interface Backend {
  port: number;
  agent: http.Agent;
  healthy: boolean;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Served {
  backend: number;
  method: string;
  path: string;
  status: number;
  at: number;
}

const HEALTH_EVERY_MS = 100;

/**
 * A load balancer in front of several api processes, as nginx with `proxy_next_upstream error http_503`:
 * round robin over the backends whose /api/health answers 200, kept-alive upstream connections, and a
 * request tried on the next backend when the connection is refused (nothing was sent), or when it failed
 * or answered 503 and it may be repeated (GET, HEAD, or a request with an Idempotency-Key). Otherwise the
 * client gets a 502, as nginx would answer.
 */
export class RoundRobinProxy {
  readonly served: Served[] = [];
  /** Attempts that went on to the next backend, with why. */
  readonly retried: string[] = [];
  private next = 0;
  private readonly probe: NodeJS.Timeout;

  private constructor(
    private readonly server: http.Server,
    private readonly backends: Backend[],
  ) {
    this.probe = setInterval(() => backends.forEach((b) => void this.check(b)), HEALTH_EVERY_MS);
  }

  static async start(ports: number[]): Promise<RoundRobinProxy> {
    const backends = ports.map((port) => ({ port, agent: new http.Agent({ keepAlive: true }), healthy: true }));
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

  async close(): Promise<void> {
    clearInterval(this.probe);
    this.backends.forEach((b) => b.agent.destroy());
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async check(backend: Backend): Promise<void> {
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: backend.port, path: '/api/health', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', () => resolve(0));
    });
    backend.healthy = status === 200;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const repeatable = req.method === 'GET' || req.method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
    const start = this.next++ % this.backends.length;
    const order = this.backends.map((_, i) => (start + i) % this.backends.length);
    // Healthy ones first; the others only if nobody is healthy (a probe may lag behind).
    const candidates = [...order.filter((i) => this.backends[i].healthy), ...order.filter((i) => !this.backends[i].healthy)];
    for (const [n, i] of candidates.entries()) {
      const last = n === candidates.length - 1;
      // Tagged, not `instanceof Error`: node's errors come from another realm than the test's under jest.
      const answer = await this.forward(this.backends[i], req, body).catch((error: NodeJS.ErrnoException) => ({ failed: String(error.code ?? error.message) }));
      if ('failed' in answer) {
        if (answer.failed === 'ECONNREFUSED') this.backends[i].healthy = false;
        if (!last && (answer.failed === 'ECONNREFUSED' || repeatable)) {
          this.retried.push(`${req.method} ${req.url} on ${i}: ${answer.failed}`);
          continue;
        }
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream failed: ${answer.failed}`);
        this.served.push({ backend: i, method: req.method!, path: req.url!, status: 502, at: Date.now() });
        return;
      }
      if (answer.status === 503 && repeatable && !last) {
        this.retried.push(`${req.method} ${req.url} on ${i}: 503`);
        continue;
      }
      const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _encoding, ...headers } = answer.headers;
      res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length }).end(answer.body);
      this.served.push({ backend: i, method: req.method!, path: req.url!, status: answer.status, at: Date.now() });
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
