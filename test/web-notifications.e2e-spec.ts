import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Notification } from '@pendamping/notifications';
import { newId } from '@pendamping/platform';
import { accessibilityProblems, checkScreen, logIn, openPhone, screenshot, startWebStack, valueOf, type Phone, type WebStack } from './support/browser';
import type { Session } from './support/test-app';
import { TEST_KELURAHAN } from './support/test-env';

// The bell, the inbox, notification and calendar settings, and the profile, in a real Chromium at 360 px,
// against the real api and a worker that sends the notifications.

const clean = { overflow: 0, violations: [], errors: [] };

/** The next Monday at least three days ahead, 09:00 WIB: 10:00 WITA. */
const monday = (() => {
  let day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 3 }).startOf('day');
  while (day.weekday !== 1) day = day.plus({ days: 1 });
  return day.set({ hour: 9 });
})();

describe('web app: notifications, settings and profile', () => {
  let stack: WebStack;
  let admin: Session;
  let speaker: Session;
  let nextDay = 0;

  beforeAll(async () => {
    stack = await startWebStack('notifications');
    admin = await stack.app.newUser(['admin']);
    speaker = await stack.app.newUser(['speaker']);
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  async function publishedWorkshop(title: string, start = monday.plus({ weeks: 1, days: nextDay++ })): Promise<{ id: string; sessionId: string }> {
    const sessions = [{ start: start.toUTC().toISO(), end: start.plus({ hours: 2 }).toUTC().toISO() }];
    const created = await stack.app.post('/api/workshops', { title, description: 'Belajar bersama narasumber.', topic: 'pemasaran', capacity: 30, speakerIds: [speaker.id], sessions }, admin.token);
    expect(created.status).toBe(201);
    expect((await stack.app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    return { id: created.body.id, sessionId: created.body.sessions[0].id };
  }
  const register = async (workshopId: string, who: Session) => expect((await stack.app.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token)).status).toBe(201);
  const bellCount = (page: Page) => page.getByTestId('bell-count').first().getAttribute('data-count');

  /** Resolves once the page's socket has joined the /realtime namespace (pushes reach it from then on). */
  function socketJoined(page: Page): Promise<void> {
    return new Promise((resolve) => {
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => String(frame.payload).startsWith('40/realtime') && resolve()));
    });
  }

  it('the bell grows live from the socket (no refetch), a toast links to the workshop, the inbox lists it, and reading lowers the count', async () => {
    const person = await stack.app.newEntrepreneur();
    const first = await publishedWorkshop('Foto Produk dengan Ponsel');
    const second = await publishedWorkshop('Pemasaran Digital');
    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    const joined = socketJoined(page);
    await page.goto('/');
    await page.getByTestId('bell-count').first().waitFor();
    await joined;
    await page.waitForLoadState('networkidle');
    expect(await bellCount(page)).toBe('0');

    const inboxReads: string[] = [];
    page.on('request', (r) => r.url().includes('/api/notifications') && inboxReads.push(r.url()));
    await register(first.id, person);
    await page.locator('[data-testid="bell-count"][data-count="1"]').first().waitFor();
    const toast = page.locator('.mantine-Notification-root', { hasText: 'Pendaftaran workshop berhasil' });
    await toast.waitFor();
    // The pointer on the toast holds it open (it closes itself after 6 s), as for a person reading it: a slow run must not lose it.
    await toast.hover();
    expect(await toast.getByTestId('toast-link').getAttribute('href')).toBe(`/workshops/${first.id}`);
    // On a phone it rises from the bottom, clear of the header (and of a modal's title) and above the tab bar.
    const [shown, tabBar, header] = await Promise.all([toast.boundingBox(), page.getByRole('navigation', { name: 'Menu', exact: true }).boundingBox(), page.locator('header').boundingBox()]);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(tabBar!.y);
    expect(shown!.y).toBeGreaterThan(header!.y + header!.height + 100);
    expect(inboxReads).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'notification-toast');

    await toast.getByRole('button', { name: 'Tutup' }).click();
    await toast.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /^Notifikasi/ }).first().click();
    await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    const item = page.getByTestId('inbox-item').filter({ hasText: 'Foto Produk dengan Ponsel' });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    await expect(item.textContent()).resolves.toContain('Foto Produk dengan Ponsel');

    // A second one arrives while the inbox is open: it goes on top.
    await register(second.id, person);
    await page.locator('[data-testid="bell-count"][data-count="2"]').first().waitFor();
    await expect(page.getByTestId('inbox-item').first().textContent()).resolves.toContain('Pemasaran Digital');

    await item.getByRole('button', { name: /Tandai dibaca/ }).click();
    await page.locator('[data-testid="bell-count"][data-count="1"]').first().waitFor();
    expect(await item.getAttribute('data-unread')).toBe('false');
    const unread = await stack.app.get('/api/notifications?unread=true', person.token);
    expect(unread.body.items.map((n: { title: string }) => n.title)).toEqual(['Pendaftaran workshop berhasil']);
    expect(unread.body.items[0].ref).toEqual({ kind: 'workshop', id: second.id });

    // Opening from the toast reads it and goes where it points.
    await page.locator(`[data-testid="toast-link"][href="/workshops/${second.id}"]`).click();
    await page.waitForURL(`**/workshops/${second.id}`);
    await page.locator('[data-testid="bell-count"][data-count="0"]').first().waitFor();
    expect((await stack.app.get('/api/notifications?unread=true', person.token)).body.items).toEqual([]);
    await phone.context.close();
  }, 60_000);

  it('the inbox pages by cursor, filters unread, and opens each kind where it points (a session page from its workshop in the payload)', async () => {
    const person = await stack.app.newEntrepreneur();
    const db = stack.app.app.get(DataSource).getRepository(Notification);
    const base = Date.now() - 60 * 60_000;
    const at = (i: number) => new Date(base + i * 60_000);
    const row = (i: number, extra: Partial<Notification>): Partial<Notification> => ({
      id: newId(), userId: person.id, type: 'workshop.changed', refKind: 'workshop', refId: newId(), subjectId: newId(), payload: {}, state: 'dispatched',
      title: `Pemberitahuan ${i}`, body: `Isi pemberitahuan ${i}.`, dueAt: at(i), dispatchedAt: at(i), readAt: at(i), ...extra,
    });
    const [workshopId, sessionId, consultationId, certificateWorkshop] = [newId(), newId(), newId(), newId()];
    await db.insert([
      ...Array.from({ length: 22 }, (_, i) => row(i, {})),
      row(30, { title: 'Sertifikat siap', type: 'certificate.ready', refId: certificateWorkshop, readAt: null }),
      row(31, { title: 'Konsultasi terjadwal', type: 'consultation.booked', refKind: 'consultation', refId: consultationId, readAt: null }),
      row(32, { title: 'Pengingat sesi', type: 'workshop.session.reminder', refKind: 'workshop_session', refId: sessionId, payload: { workshopId }, body: 'Sesi workshop "Pembukuan" dimulai Senin, 7 Desember 2026 pukul 10.00 WIB.', readAt: null }),
    ] as Notification[]);

    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    await page.goto('/notifications');
    const items = page.getByTestId('inbox-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(20);
    expect(await items.first().textContent()).toContain('Pengingat sesi');
    const more = page.getByRole('button', { name: 'Muat notifikasi sebelumnya' });
    await more.click();
    await until(async () => (await items.count()) === 25);
    expect(await more.count()).toBe(0);
    expect(await items.last().textContent()).toContain('Pemberitahuan 0');

    await page.getByRole('switch', { name: 'Hanya yang belum dibaca' }).check({ force: true });
    await until(async () => (await items.count()) === 3);
    const hrefs = await page.locator('[data-testid="inbox-item"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([`/workshops/${workshopId}/sessions/${sessionId}`, `/consultations/${consultationId}`, `/workshops/${certificateWorkshop}/certificate`]);

    await page.getByTestId('inbox-item').filter({ hasText: 'Konsultasi terjadwal' }).getByRole('link').click();
    await page.waitForURL(`**/consultations/${consultationId}`);
    await page.locator('[data-testid="bell-count"][data-count="2"]').first().waitFor();
    expect((await db.findOneByOrFail({ refId: consultationId })).readAt).not.toBeNull();
    await phone.context.close();
  }, 60_000);

  it('notification settings save; the calendar subscription shows a webcal:// link, copies, renews and stops', async () => {
    const person = await stack.app.newEntrepreneur();
    const phone = await openPhone(stack, { session: person });
    const { page, context } = phone;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.baseUrl });
    await page.goto('/notifications/settings');
    await page.getByRole('heading', { name: 'Pengaturan notifikasi', level: 1 }).waitFor();
    const email = page.getByRole('switch', { name: /^Email/ });
    const whatsapp = page.getByRole('switch', { name: /^WhatsApp/ });
    await email.waitFor();
    expect(await email.isChecked()).toBe(true);
    await email.uncheck({ force: true });
    await whatsapp.uncheck({ force: true });
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan tersimpan.').waitFor();
    expect((await stack.app.get('/api/me/notification-preferences', person.token)).body).toEqual({ email: false, whatsapp: false, inApp: true, locale: 'id' });
    await page.reload();
    await email.waitFor();
    expect([await email.isChecked(), await whatsapp.isChecked()]).toEqual([false, false]);

    const calendar = page.getByTestId('calendar-subscription');
    await calendar.getByText('Anda belum punya alamat kalender.').waitFor();
    await calendar.getByRole('button', { name: 'Buat alamat kalender' }).click();
    const webcal = calendar.getByTestId('webcal-link');
    await webcal.waitFor();
    const feed = (await stack.app.get('/api/me/calendar-feed', person.token)).body;
    expect(await webcal.getAttribute('href')).toBe(feed.webcal);
    expect(feed.webcal).toMatch(/^webcal:\/\//);
    expect(await calendar.getByTestId('feed-url').textContent()).toBe(feed.url);
    await calendar.getByRole('button', { name: 'Salin alamat' }).click();
    await calendar.getByRole('button', { name: 'Alamat tersalin' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(feed.url);
    const path = (url: string) => new URL(url).pathname;
    expect((await stack.app.get(path(feed.url))).status).toBe(200);

    await calendar.getByRole('button', { name: 'Buat alamat baru' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, buat alamat baru' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await until(async () => (await calendar.getByTestId('feed-url').textContent()) !== feed.url);
    const renewed = (await stack.app.get('/api/me/calendar-feed', person.token)).body;
    expect(await calendar.getByTestId('feed-url').textContent()).toBe(renewed.url);
    expect((await stack.app.get(path(feed.url))).status).toBe(404);

    await calendar.getByRole('button', { name: 'Hentikan langganan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, hentikan' }).click();
    await calendar.getByText('Langganan kalender dihentikan.').waitFor();
    expect((await stack.app.get('/api/me/calendar-feed', person.token)).body).toEqual({ url: null, webcal: null });
    expect((await stack.app.get(path(renewed.url))).status).toBe(404);
    // "No address yet" and "stopped" are answers, not errors: nothing in the console.
    expect(phone.errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('7. a person in Asia/Makassar sees WITA (an hour after WIB); English from the header changes labels and dates and is kept on the account', async () => {
    const person = await stack.app.newEntrepreneur();
    expect((await stack.app.request('PATCH', '/api/me', { token: person.token, body: { timezone: 'Asia/Makassar' } })).status).toBe(200);
    const workshop = await publishedWorkshop('Manajemen Keuangan Usaha', monday);
    await register(workshop.id, person);
    const wita = monday.setZone('Asia/Makassar');
    expect(wita.hour).toBe(10);
    const indonesian = `${wita.setLocale('id').toFormat("cccc, d LLLL yyyy 'pukul' HH.mm")} WITA`;
    const english = `${wita.setLocale('en-GB').toFormat("cccc, d LLLL yyyy 'at' HH:mm")} WITA`;

    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    await page.goto('/');
    const next = page.getByTestId('next-session');
    await next.getByText(indonesian).waitFor();
    await page.getByRole('navigation', { name: 'Menu' }).last().getByRole('link', { name: 'Beranda' }).waitFor();

    await page.getByRole('button', { name: 'Bahasa' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await next.getByText(english).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Menu' }).last();
    for (const label of ['Home', 'Consultations', 'Workshops', 'Profile']) await tabs.getByRole('link', { name: label }).waitFor();
    // The choice is the account's: the api has it (notifications will be in English too).
    await until(async () => (await stack.app.get('/api/me', person.token)).body.locale === 'en');

    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const date = await page.getByTestId('inbox-item').first().locator('p').last().textContent();
    expect(date).toMatch(/^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} WITA$/);
    await phone.context.close();
  }, 60_000);

  it('profile edits persist (reload, GET /api/me); a wrong current password is said in Indonesian; the new password works and this device stays signed in', async () => {
    const person = await stack.app.newEntrepreneur({ name: 'Rina Marlina', business: { name: 'Kue Rina', type: 'katering', kelurahanCode: TEST_KELURAHAN[0] } });
    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    await page.goto('/profile');
    const form = page.getByTestId('profile-form');
    const name = form.getByLabel('Nama lengkap');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Rina Marlina');
    expect(await checkScreen(phone, 'profile')).toEqual(clean);

    await name.fill('Rina Marlina Sari');
    await form.getByLabel('Nomor ponsel (WhatsApp)').fill('0813-1111-2222');
    await form.getByLabel('Nama usaha').fill('Dapur Rina');
    await pick(page, form.getByLabel('Jenis usaha'), 'Makanan & minuman');
    await pick(page, form.getByLabel('Kelurahan'), 'Kelurahan Uji 2');
    await form.getByLabel('Zona waktu').fill('Makassar');
    await page.getByRole('option', { name: /WITA/ }).click();
    await form.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil tersimpan.').waitFor();

    const me = (await stack.app.get('/api/me', person.token)).body;
    expect(me).toMatchObject({ name: 'Rina Marlina Sari', phone: '+6281311112222', timezone: 'Asia/Makassar', locale: 'id', business: { name: 'Dapur Rina', type: 'makanan_minuman', kelurahanCode: TEST_KELURAHAN[1] } });
    await page.reload();
    await name.waitFor();
    expect(await name.inputValue()).toBe('Rina Marlina Sari');
    expect(await form.getByLabel('Nama usaha').inputValue()).toBe('Dapur Rina');
    expect(await form.getByLabel('Jenis usaha').inputValue()).toBe('Makanan & minuman');
    expect(await valueOf(form.getByLabel('Kelurahan'), 'Kelurahan Uji 2')).toBe('Kelurahan Uji 2');
    expect(await form.getByLabel('Zona waktu').inputValue()).toContain('WITA');

    const password = page.getByTestId('password-form');
    await password.getByLabel('Kata sandi saat ini').fill('salah-sekali');
    await password.getByLabel('Kata sandi baru').fill('rahasia-baru-456');
    await password.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await password.getByText('Kata sandi saat ini salah. Periksa kembali, lalu coba lagi.').waitFor();
    expect((await stack.app.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).status).toBe(200);

    await password.getByLabel('Kata sandi saat ini').fill('rahasia-123');
    await password.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await password.getByText('Kata sandi berhasil diganti.').waitFor();
    expect((await stack.app.post('/api/auth/login', { email: person.email, password: 'rahasia-baru-456' })).status).toBe(200);
    expect((await stack.app.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).status).toBe(401);
    // The change ended the old token; this device carries on with the fresh one the answer brought (in-app
    // navigation: a reload would put the old token back, the test's init script sets it on every load).
    expect((await stack.app.get('/api/me', person.token)).status).toBe(401);
    await page.getByRole('link', { name: /^Notifikasi/ }).first().click();
    await page.getByTestId('empty').waitFor();
    expect(new URL(page.url()).pathname).toBe('/notifications');
    await phone.context.close();
  }, 60_000);

  it('an account disabled while the app is open: its socket is ended, the app signs the person out, and the login says why in Indonesian', async () => {
    const admin = await stack.app.newUser(['admin']);
    const person = await stack.app.newEntrepreneur();
    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    const joined = socketJoined(page);
    await page.goto('/');
    await page.getByTestId('bell-count').first().waitFor();
    await joined;
    expect((await stack.app.post(`/api/users/${person.id}/disable`, undefined, admin.token)).status).toBe(200);
    // Signed out without a reload: Beranda turns into the public landing page.
    await page.getByRole('heading', { name: /Pendampingan usaha/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Masuk' }).first().click();
    await logIn(page, person.email, 'rahasia-123');
    await page.getByText('Akun ini telah dinonaktifkan oleh admin. Hubungi admin Dinas untuk mengaktifkannya kembali.').waitFor();
    await phone.context.close();
  }, 60_000);

  it('screens: inbox, empty inbox and settings are clean at 360 px (overflow, axe, console)', async () => {
    const empty = await stack.app.newEntrepreneur();
    const emptyPhone = await openPhone(stack, { session: empty });
    await emptyPhone.page.goto('/notifications');
    await emptyPhone.page.getByTestId('empty').waitFor();
    expect(await emptyPhone.page.getByTestId('empty').textContent()).toContain('Belum ada notifikasi');
    expect(await checkScreen(emptyPhone, 'notifications-empty')).toEqual(clean);
    await emptyPhone.context.close();

    const person = await stack.app.newEntrepreneur();
    const workshop = await publishedWorkshop('Perizinan Usaha: NIB dan PIRT untuk Usaha Rumahan');
    await register(workshop.id, person);
    await until(async () => (await stack.app.get('/api/notifications', person.token)).body.items.length > 0);
    expect((await stack.app.post('/api/me/calendar-feed', undefined, person.token)).status).toBe(200);
    const phone: Phone = await openPhone(stack, { session: person });
    await phone.page.goto('/notifications');
    await phone.page.getByTestId('inbox-item').first().waitFor();
    expect(await checkScreen(phone, 'notifications')).toEqual(clean);
    await phone.page.getByRole('link', { name: 'Pengaturan notifikasi' }).click();
    await phone.page.getByTestId('webcal-link').waitFor();
    expect(await checkScreen(phone, 'notification-settings')).toEqual(clean);
    await phone.context.close();
  }, 60_000);
});

/** Picks an option of a Mantine Select by opening it and clicking the option. */
async function pick(page: Page, input: ReturnType<Page['getByLabel']>, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Polls a condition (the page's or the api's) until it holds. */
async function until(probe: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
