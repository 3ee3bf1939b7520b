import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { checkScreen, logIn, openPhone, startWebStack, type WebStack } from './support/browser';
import { publishedWorkshop } from './support/video-fixtures';

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

  it('runs under its Content-Security-Policy: the page works, an injected inline script and a foreign connection are refused', async () => {
    const phone = await openPhone(stack);
    const { page } = phone;
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto('/login');
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self';");
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const blocked = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const fetched = await fetch('https://penyerang.example/curi').then(
        () => 'reached',
        () => 'refused',
      );
      return { injected: (window as unknown as { injected?: boolean }).injected ?? false, fetched };
    });
    expect(blocked).toEqual({ injected: false, fetched: 'refused' });
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
    expect(violations.some((v) => v.includes('connect-src'))).toBe(true);
    await phone.context.close();
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
  }, 60_000);

  it('a link from a reminder asks for a login and then opens its page; Beranda shows the next consultation (join alive in its window), the next session with a countdown, unread notifications and open follow-up actions', async () => {
    const { app } = stack;
    const mentor = await app.newUser(['mentor']);
    const admin = await app.newUser(['admin']);
    const person = await app.newEntrepreneur({ name: 'Rahmat Hidayat' });
    const insert = (start: Date, minutes: number, status: 'booked' | 'completed') => {
      const id = newId();
      return app.app
        .get(DataSource)
        .getRepository(Consultation)
        .insert({ id, mentorId: mentor.id, entrepreneurId: person.id, start, end: new Date(start.getTime() + minutes * 60_000), topic: 'perizinan', note: null, status })
        .then(() => id);
    };
    // One that ended yesterday, with the mentor's outcome; one that starts in 10 minutes (its room is open).
    const past = await insert(new Date(Date.now() - 26 * 3_600_000), 30, 'booked');
    const outcome = await app.post(`/api/consultations/${past}/outcome`, { summary: 'Siapkan berkas NIB.', actions: ['Daftar akun OSS', 'Foto KTP dan NPWP'], followUpOn: '2030-01-15' }, mentor.token);
    expect(outcome.status).toBe(201);
    const soon = await insert(new Date(Date.now() + 10 * 60_000), 30, 'booked');
    const { workshopId } = await publishedWorkshop(app, admin, []);
    expect((await app.post(`/api/workshops/${workshopId}/registrations`, undefined, person.token)).status).toBe(201);

    const phone = await openPhone(stack);
    const { page } = phone;
    await page.goto(`/consultations/${soon}`);
    await page.waitForURL(/\/login\?next=/);
    await logIn(page, person.email, 'rahasia-123');
    await page.waitForURL(new RegExp(`/consultations/${soon}$`));

    await page.goto('/');
    await page.getByRole('heading', { name: 'Halo, Rahmat Hidayat' }).waitFor();
    const next = page.getByTestId('next-consultation');
    await next.getByText('Perizinan (NIB/PIRT)').waitFor();
    await expect(next.getByRole('link', { name: 'Masuk ruang' }).getAttribute('href')).resolves.toBe(`/consultations/${soon}`);
    const session = page.getByTestId('next-session');
    await session.getByText('Pemasaran Digital untuk UMKM').waitFor();
    await session.getByText(/Ruang dibuka dalam \d+ hari/).waitFor();
    await expect(session.getByTestId('join').isDisabled()).resolves.toBe(true);
    await page.getByTestId('home-notifications').getByText(/Pendaftaran workshop|workshop/i).first().waitFor();
    const actions = page.getByTestId('home-actions');
    await actions.getByText('Daftar akun OSS').waitFor();
    await actions.getByText('Tindak lanjut: Selasa, 15 Januari 2030').waitFor();
    const result = await checkScreen(phone, 'home');
    expect(result).toEqual({ overflow: 0, violations: [], errors: [] });
    await phone.context.close();
  }, 60_000);
});
