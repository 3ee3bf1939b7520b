import { connect } from './support/realtime-client';
import { TestApp } from './support/test-app';

// Which other sites' pages may use the api: CORS_ORIGINS, for HTTP (CORS) and for the socket (Origin check).

const PARTNER = 'https://mitra.example.id';
const STRANGER = 'https://penyerang.example';

const preflight = (app: TestApp, origin: string) =>
  fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, idempotency-key' },
  });

const get = (app: TestApp, origin: string) => fetch(`${app.baseUrl}/api/regions?level=kota`, { headers: { origin } });

describe('CORS and socket origins', () => {
  describe('without CORS_ORIGINS: same origin only', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await TestApp.start();
    });
    afterAll(() => api.close());

    it('answers another site with no CORS headers, so its page cannot read the answer or send JSON', async () => {
      const pre = await preflight(api, PARTNER);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      const res = await get(api, PARTNER);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it("opens a socket for the api's own pages and for clients without an Origin, and refuses another site's page", async () => {
      const person = await api.newEntrepreneur();
      const own = await connect(api, person.token, { origin: api.baseUrl });
      const native = await connect(api, person.token);
      own.close();
      native.close();
      await expect(connect(api, person.token, { origin: PARTNER })).rejects.toThrow();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await TestApp.start({ CORS_ORIGINS: `${PARTNER}, http://localhost:5173` });
    });
    afterAll(() => api.close());

    it('lets a listed origin send JSON with a token and an Idempotency-Key, and read Retry-After', async () => {
      const pre = await preflight(api, PARTNER);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(PARTNER);
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('idempotency-key'));
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const res = await get(api, PARTNER);
      expect(res.headers.get('access-control-allow-origin')).toBe(PARTNER);
      expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
      expect(res.headers.get('vary')).toContain('Origin');
      expect((await get(api, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    });

    it('gives an origin that is not listed no CORS headers', async () => {
      expect((await preflight(api, STRANGER)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await get(api, STRANGER)).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('opens a socket for a listed origin and refuses one that is not', async () => {
      const person = await api.newEntrepreneur();
      const partner = await connect(api, person.token, { origin: PARTNER });
      partner.close();
      await expect(connect(api, person.token, { origin: STRANGER })).rejects.toThrow();
    });
  });
});
