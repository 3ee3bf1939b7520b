import { checkScreen, openPhone, startWebStack, type WebStack } from './support/browser';

// The built web app served by the api, in a real Chromium at 360 px.

describe('web app: served by the api, first screens in a real browser', () => {
  let stack: WebStack;
  beforeAll(async () => {
    stack = await startWebStack('shell');
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('/ and deep links get the app (brotli, revalidated); hashed assets are immutable; /api stays JSON, 404s included', async () => {
    const home = await fetch(`${stack.baseUrl}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('content-encoding')).toBe('br');
    expect(home.headers.get('cache-control')).not.toContain('immutable');
    const html = await home.text();
    expect(html).toContain('<div id="root">');

    const deep = await fetch(`${stack.baseUrl}/workshops/abc/sessions/def?x=1`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);

    const asset = html.match(/\/assets\/[^"]+\.js/)![0];
    const gz = await fetch(`${stack.baseUrl}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const missing = await fetch(`${stack.baseUrl}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const manifest = await fetch(`${stack.baseUrl}/manifest.webmanifest`);
    expect(await manifest.json()).toMatchObject({ short_name: 'Pendamping', display: 'standalone' });
  });

  it('before login: the program and its upcoming workshops, the login and the registration form, in Indonesian, clean at 360 px', async () => {
    const phone = await openPhone(stack);
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('heading', { name: /Pendampingan usaha/ }).waitFor();
    await page.getByRole('heading', { name: 'Workshop mendatang' }).waitFor();
    for (const [path, name] of [['/', 'landing'], ['/login', 'login'], ['/register', 'register']] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const result = await checkScreen(phone, name);
      expect(result).toEqual({ overflow: 0, violations: [], errors: [] });
    }
    await phone.context.close();
  });
});
