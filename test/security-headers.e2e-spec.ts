import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

// Security headers on every answer: the api's JSON (also errors and 404s) and the web app's files.
// A web root of its own, so the suite needs no build; the browser suites prove the real app works under it.

const webRoot = mkdtempSync(join(tmpdir(), 'pendamping-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'console.log("app")');

const directives = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('security headers (helmet)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start({ WEB_ROOT: webRoot, LIVEKIT_URL: 'wss://video.pendamping.example' });
  });
  afterAll(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const paths = [
    ['the api (JSON)', '/api/regions?level=kota'],
    ['an api error (401)', '/api/me'],
    ['an api 404', '/api/no-such-thing'],
    ['the web app', '/'],
    ['a deep link of the web app', '/consultations/abc'],
    ['a hashed asset', '/assets/app-1a2b.js'],
  ];

  it.each(paths)('%s answers with nosniff, no framing, no referrer and the policy', async (_what, path) => {
    const res = await fetch(`${api.baseUrl}${path}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const csp = directives(res);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    // No inline script and no eval: an injected <script> does not run.
    expect(csp['script-src']).toEqual(["'self'"]);
  });

  it("lets the web app reach its own origin (socket.io included) and LiveKit's, and style itself inline (Mantine)", async () => {
    const csp = directives(await fetch(`${api.baseUrl}/`));
    expect(csp['connect-src']).toEqual(["'self'", 'wss://video.pendamping.example', 'https://video.pendamping.example']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp['media-src']).toEqual(["'self'", 'blob:']);
  });

  it('sends HSTS and upgrades insecure requests only when PUBLIC_URL is https', async () => {
    const plain = await fetch(`${api.baseUrl}/api/regions?level=kota`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(directives(plain)).not.toHaveProperty('upgrade-insecure-requests');
    const secure = await TestApp.start({ PUBLIC_URL: 'https://pendamping.example' });
    try {
      const res = await fetch(`${secure.baseUrl}/api/regions?level=kota`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(directives(res)).toHaveProperty('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it("widens the policy for the queue dashboard's web font only", async () => {
    const board = directives(await fetch(`${api.baseUrl}/api/admin/queues`));
    expect(board['style-src']).toEqual(["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com']);
    expect(board['font-src']).toEqual(["'self'", 'data:', 'https://fonts.gstatic.com']);
    expect(board['script-src']).toEqual(["'self'"]);
  });
});
