import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { TestApp } from './support/test-app';

/** A private redis-server, so stopping it does not disturb the other suites. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    redis.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return redis;
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('health', () => {
  let api: TestApp;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    api = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await api.close();
    redis.kill('SIGKILL');
  });

  it('is 200 with MySQL and Redis reported separately', async () => {
    const res = await api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { mysql: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('goes 503 naming Redis when Redis stops, and back to 200 when it returns', async () => {
    redis.kill('SIGKILL');
    await once(redis, 'exit');
    const down = await eventually(() => api.get('/api/health'), (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', checks: { mysql: { status: 'up' }, redis: { status: 'down' } } });

    redis = await startRedis(port);
    const up = await eventually(() => api.get('/api/health'), (r) => r.status === 200);
    expect(up.status).toBe(200);
    expect(up.body.checks.redis.status).toBe('up');
  });

  it('serves the OpenAPI document and its UI at /api/docs', async () => {
    const ui = await api.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    const doc = await api.get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/me', '/api/users', '/api/regions', '/api/health']),
    );
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await api.request('GET', '/api/health', { headers: { 'x-request-id': 'kelurahan-42' } });
    expect(given.headers.get('x-request-id')).toBe('kelurahan-42');
    const made = await api.request('GET', '/api/health', { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
