import { TestApp } from './support/test-app';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis';

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
  // A private redis-server, so stopping it does not disturb the other suites.
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await TestApp.start({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await api.close();
    await redis.stop();
  });

  it('is 200 with MySQL and Redis reported separately', async () => {
    const res = await api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { mysql: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('goes 503 naming Redis when Redis stops, and back to 200 when it returns', async () => {
    await redis.stop();
    const down = await eventually(() => api.get('/api/health'), (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', checks: { mysql: { status: 'up' }, redis: { status: 'down' } } });

    await redis.start();
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
