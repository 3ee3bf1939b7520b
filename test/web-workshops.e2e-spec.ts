import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { Clock } from '@pendamping/platform';
import { checkScreen, openPhone, startWebStack, type Phone, type WebStack } from './support/browser';
import { signWebhook, webhookEvent } from './support/livekit-webhook';
import { connect, next, ok } from './support/realtime-client';
import type { Session } from './support/test-app';

// Workshops in the browser at 360 px: the public list and detail, a waitlist place and a live promotion,
// the live room (questions, votes, polls, hands) against a speaker's socket, and afterwards a reminder in
// the bell, the certificate PDF and its public verification page. Real api, worker and Chromium.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Days of their own far ahead, so sessions of parallel suites never clash.
const farAhead = (extraDays = 0) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + (60 + Math.floor(Math.random() * 2000) + extraDays) * DAY);
const clean = { overflow: 0, violations: [], errors: [] };

describe('web: workshops', () => {
  let stack: WebStack;
  let admin: Session;
  const phones: Phone[] = [];
  const sockets: Socket[] = [];

  /** A published workshop with one or more sessions of `minutes` each, a day apart. */
  async function publish(options: { start: Date; minutes?: number; sessions?: number; capacity?: number; speakerIds?: string[]; title: string; topic?: string }) {
    const length = (options.minutes ?? 90) * MINUTE;
    const sessions = Array.from({ length: options.sessions ?? 1 }, (_, i) => {
      const start = new Date(options.start.getTime() + i * DAY);
      return { start: start.toISOString(), end: new Date(start.getTime() + length).toISOString() };
    });
    const body = { title: options.title, description: 'Memisahkan uang usaha dan pribadi.\nMencatat arus kas harian.', topic: options.topic ?? 'keuangan', capacity: options.capacity ?? 20, speakerIds: options.speakerIds ?? [], sessions };
    const created = await stack.app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    expect((await stack.app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    return { id: created.body.id as string, sessionId: created.body.sessions[0].id as string, start: new Date(sessions[0].start), end: new Date(sessions[0].end) };
  }
  const phone = async (session?: Session) => {
    const p = await openPhone(stack, { session });
    phones.push(p);
    return p;
  };
  const register = async (workshopId: string, who: Session) => (await stack.app.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token)).body;
  /** Set in the page: still there afterwards proves nothing reloaded it. */
  const markPage = (page: Page) => page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
  const stillSamePage = (page: Page) => page.evaluate(() => (globalThis as unknown as { marker?: number }).marker);

  beforeAll(async () => {
    // Reminders 20 s before each session, so one arrives while the test watches the bell.
    stack = await startWebStack('workshops', { REMINDER_OFFSETS: '20s' });
    admin = await stack.app.newUser(['admin']);
  }, 90_000);
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(phones.splice(0).map((p) => p.context.close()));
    stack.app.app.get(Clock).now = Clock.prototype.now;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lists upcoming workshops publicly with sessions, seats and a topic filter; the detail shows every session in local time and sends a visitor to log in to register', async () => {
    const speaker = await stack.app.newUser(['speaker'], { name: 'Dewi Anggraini', organization: 'Bank DKI' });
    const start = farAhead();
    const title = `Pembukuan Sederhana ${start.getTime().toString(36)}`;
    const w = await publish({ start, sessions: 2, capacity: 25, speakerIds: [speaker.id], title });
    const visitor = await phone();
    const { page } = visitor;

    await page.goto('/workshops');
    const card = page.getByTestId('workshop-card').filter({ hasText: title });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('2 sesi');
    await expect(card.getByTestId('seats').textContent()).resolves.toBe('Sisa 25 kursi');
    const when = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
    await expect(card.textContent()).resolves.toContain(when);
    expect(await checkScreen(visitor, 'workshops-list')).toEqual(clean);

    await page.getByLabel('Topik').selectOption('pemasaran');
    await page.waitForURL(/topic=pemasaran/);
    await page.getByTestId('empty').or(page.getByTestId('workshop-list')).first().waitFor();
    await expect(page.getByTestId('workshop-card').filter({ hasText: title }).count()).resolves.toBe(0);
    await page.getByLabel('Topik').selectOption('keuangan');
    await card.waitFor();

    await card.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const sessions = page.getByTestId('sessions').locator('li');
    await expect(sessions.count()).resolves.toBe(2);
    const range = (d: Date) => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d).replace(':', '.');
    await expect(sessions.first().textContent()).resolves.toContain(`${range(start)}–${range(w.end)} WIB`);
    await expect(page.getByText('Dewi Anggraini (Bank DKI)').isVisible()).resolves.toBe(true);
    expect(await checkScreen(visitor, 'workshop-detail')).toEqual(clean);

    await page.getByRole('link', { name: 'Masuk untuk mendaftar' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === `/workshops/${w.id}`);
  });

  it('a full workshop puts me on the waitlist with my place in line; when the registrant leaves I see my seat live, without a reload', async () => {
    const w = await publish({ start: farAhead(), capacity: 1, title: 'Foto Produk dengan Ponsel' });
    const [holder, me] = [await stack.app.newEntrepreneur(), await stack.app.newEntrepreneur({ name: 'Siti Aminah' })];
    expect(await register(w.id, holder)).toEqual({ status: 'registered' });
    const p = await phone(me);
    const { page } = p;

    await page.goto(`/workshops/${w.id}`);
    await expect(page.getByTestId('seats').textContent()).resolves.toBe('Daftar tunggu');
    await page.getByRole('button', { name: 'Masuk daftar tunggu' }).click();
    await page.getByTestId('position').filter({ hasText: 'Anda di daftar tunggu, urutan ke-1.' }).waitFor();
    await markPage(page);

    expect((await stack.app.request('DELETE', `/api/workshops/${w.id}/registrations/me`, { token: holder.token })).status).toBe(204);
    await page.locator('[data-testid=my-status][data-status=registered]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('promoted').textContent()).resolves.toContain('Anda mendapat kursi');
    await expect(page.getByText('Anda terdaftar di workshop ini.').isVisible()).resolves.toBe(true);
    expect(await stillSamePage(page)).toBe(42);

    // Workshop saya: the seat, and the session's join button waiting for the room to open.
    await page.goto('/workshops');
    await page.getByRole('link', { name: 'Workshop saya' }).click();
    const mine = page.getByTestId('my-workshop').filter({ hasText: 'Foto Produk dengan Ponsel' });
    await mine.waitFor();
    await expect(mine.getByTestId('my-status').textContent()).resolves.toBe('Terdaftar');
    await expect(mine.getByRole('button', { name: 'Masuk ruang' }).isDisabled()).resolves.toBe(true);
    expect(await checkScreen(p, 'my-workshops')).toEqual(clean);

    // Leaving asks first, then frees the seat.
    await page.goto(`/workshops/${w.id}`);
    await page.getByRole('button', { name: 'Batalkan pendaftaran' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, batalkan' }).click();
    await page.getByText('Pendaftaran Anda sudah dibatalkan.').waitFor();
    expect((await stack.app.get(`/api/workshops/${w.id}/registrations/me`, me.token)).body.status).toBe('cancelled');
  });

  it('live session: questions and votes reach every participant, a speaker\'s poll and a vote update the bars, a raised hand reaches the speaker', async () => {
    const speaker = await stack.app.newUser(['speaker'], { name: 'Dewi Anggraini' });
    // Starts in 5 minutes: the room is open (from 15 minutes before).
    const w = await publish({ start: new Date(Date.now() + 5 * MINUTE), minutes: 60, speakerIds: [speaker.id], title: 'Pemasaran Digital untuk UMKM', topic: 'pemasaran' });
    const [asker, voter] = [await stack.app.newEntrepreneur({ name: 'Siti Aminah' }), await stack.app.newEntrepreneur({ name: 'Budi Santoso' })];
    for (const who of [asker, voter]) expect(await register(w.id, who)).toEqual({ status: 'registered' });
    const stage = await connect(stack.app, speaker.token);
    sockets.push(stage);
    await ok(stage, 'workshop:join', { sessionId: w.sessionId });

    const [a, b] = [await phone(asker), await phone(voter)];
    for (const p of [a, b]) {
      await p.page.goto(`/workshops/${w.id}/sessions/${w.sessionId}`);
      await p.page.getByLabel('Pertanyaan Anda').waitFor();
    }

    await a.page.getByLabel('Pertanyaan Anda').fill('Bagaimana cara memulai jualan di marketplace?');
    await a.page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    const onB = b.page.getByTestId('question').filter({ hasText: 'Bagaimana cara memulai jualan di marketplace?' });
    await onB.waitFor();
    await expect(onB.textContent()).resolves.toContain('dari Siti Aminah');
    await expect(a.page.getByLabel('Pertanyaan Anda').inputValue()).resolves.toBe('');

    await onB.getByRole('button', { name: 'Dukung pertanyaan dari Siti Aminah' }).click();
    for (const p of [a, b]) await p.page.locator('[data-testid=question][data-votes="1"]').getByText('1 dukungan').waitFor();

    const poll = await ok(stage, 'workshop:poll:open', { sessionId: w.sessionId, question: 'Sudah punya toko online?', options: ['Sudah', 'Belum'] });
    await a.page.getByRole('radiogroup', { name: 'Sudah punya toko online?' }).waitFor();
    await a.page.getByRole('radio', { name: 'Belum' }).check();
    await a.page.getByRole('button', { name: 'Kirim pilihan' }).click();
    for (const p of [a, b]) await p.page.getByTestId('poll-results').getByText('Belum: 1 suara (100%)').waitFor();
    await a.page.getByText('Pilihan Anda: Belum').waitFor();
    // Someone who comes in later gets the open poll and its counts from the join.
    await b.page.reload();
    await b.page.locator('[data-testid=poll-option][data-count="1"]').getByText('Belum: 1 suara (100%)').waitFor();
    expect(poll.id).toBeTruthy();

    const hand = next<{ userId: string; name: string; raised: boolean }>(stage, 'workshop:hand');
    await a.page.getByRole('button', { name: 'Angkat tangan' }).click();
    expect(await hand).toMatchObject({ userId: asker.id, name: 'Siti Aminah', raised: true });
    await a.page.getByRole('button', { name: 'Turunkan tangan', pressed: true }).waitFor();
    await a.page.mouse.move(0, 400); // off the button: a hovered filled button is the theme's lighter shade
    expect(await checkScreen(a, 'live-session')).toEqual(clean);

    // Giving up the seat on another device takes this screen out of the room at once, and says so (it sent nothing).
    expect((await stack.app.request('DELETE', `/api/workshops/${w.id}/registrations/me`, { token: voter.token })).status).toBe(204);
    await b.page.getByTestId('removed').getByText('Pendaftaran Anda sudah tidak berlaku atau workshop ini dibatalkan.').waitFor();
  });

  it('before the room opens: a countdown; someone not registered is told so', async () => {
    const w = await publish({ start: farAhead(), title: 'Izin Usaha NIB dan PIRT', topic: 'perizinan' });
    const [registered, stranger] = [await stack.app.newEntrepreneur(), await stack.app.newEntrepreneur()];
    await register(w.id, registered);
    const early = await phone(registered);
    await early.page.goto(`/workshops/${w.id}/sessions/${w.sessionId}`);
    await early.page.getByTestId('countdown').getByText(/Ruang dibuka dalam \d+ hari/).waitFor();
    const outsider = await phone(stranger);
    await outsider.page.goto(`/workshops/${w.id}/sessions/${w.sessionId}`);
    await outsider.page.getByTestId('not-registered').getByText('Anda belum terdaftar di workshop ini.').waitFor();
    expect(early.errors).toEqual([]);
    expect(outsider.errors).toEqual([]);
  });

  it('a reminder arrives in the bell live; after attending, the certificate downloads as a PDF and its public page verifies the holder and the workshop', async () => {
    const title = 'Pengelolaan Keuangan UMKM';
    // The session starts in 45 s, so its 20-second reminder falls due while the page is open.
    const w = await publish({ start: new Date(Date.now() + 45_000), minutes: 30, title });
    const me = await stack.app.newEntrepreneur({ name: 'Ratna Sari Dewi' });
    expect(await register(w.id, me)).toEqual({ status: 'registered' });
    const inbox = async () => (await stack.app.get('/api/notifications?limit=100', me.token)).body.items as { type: string }[];
    await waitUntil(async () => (await inbox()).some((n) => n.type === 'workshop.registered'), 15_000);

    const p = await phone(me);
    const { page } = p;
    await page.goto('/');
    const bell = page.getByTestId('bell-count');
    await bell.waitFor();
    await waitUntil(async () => Number(await bell.getAttribute('data-count')) >= 1, 10_000);
    const before = Number(await bell.getAttribute('data-count'));
    await markPage(page);
    await waitUntil(async () => Number(await bell.getAttribute('data-count')) > before, 45_000);
    await page.getByTestId('home-notifications').getByText('Pengingat: workshop 20 detik lagi').waitFor();
    expect(await stillSamePage(page)).toBe(42);
    expect((await inbox()).map((n) => n.type)).toContain('workshop.session.reminder');

    // The session as it happened: in the room from the start to the end, told by LiveKit's signed webhooks,
    // each as it happens (the api only trusts an event's time near the moment it receives it).
    const room = `workshop-session-${w.sessionId}`;
    for (const [type, at] of [['participant_joined', w.start], ['participant_left', w.end]] as const) {
      stack.app.app.get(Clock).now = () => new Date(at.getTime() + 1000);
      const event = webhookEvent(type, room, at, me.id);
      const res = await fetch(`${stack.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await signWebhook(event.body) }, body: event.body });
      expect(res.status).toBe(200);
    }
    stack.app.app.get(Clock).now = () => new Date(w.end.getTime() + 5 * MINUTE);

    await page.goto(`/workshops/${w.id}/certificate`);
    const download = page.getByRole('link', { name: 'Unduh sertifikat (PDF)' });
    await download.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^sertifikat-PDP-\d{4}-[A-Z2-9]{8}\.pdf$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const verifyUrl = await page.getByTestId('verify-url').inputValue();
    expect(verifyUrl).toMatch(new RegExp(`^${stack.baseUrl}/certificates/PDP-\\d{4}-[A-Z2-9]{8}$`));

    await page.getByRole('radio', { name: '5 – Luar biasa' }).check();
    await page.getByLabel('Komentar (tidak wajib)').fill('Sangat bermanfaat untuk pembukuan warung saya.');
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page.getByTestId('feedback-done').getByText('Terima kasih atas umpan balik Anda!').waitFor();
    expect(await checkScreen(p, 'certificate')).toEqual(clean);

    const publicPhone = await phone();
    await publicPhone.page.goto(new URL(verifyUrl).pathname);
    const result = publicPhone.page.locator('[data-testid=verify-result][data-valid=true]');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Sertifikat asli');
    await expect(result.textContent()).resolves.toContain('Ratna Sari Dewi');
    await expect(result.textContent()).resolves.toContain(title);
    expect(await checkScreen(publicPhone, 'certificate-verification')).toEqual(clean);

    await publicPhone.page.goto('/certificates/PDP-2026-ZZZZZZZZ');
    await publicPhone.page.locator('[data-testid=verify-result][data-valid=false]').getByText('Sertifikat tidak ditemukan').waitFor();
  }, 120_000);

  it('someone who did not attend is told why there is no certificate', async () => {
    const w = await publish({ start: farAhead(), title: 'Sertifikasi Halal', topic: 'sertifikasi_halal' });
    const me = await stack.app.newEntrepreneur();
    await register(w.id, me);
    const p = await phone(me);
    await p.page.goto(`/workshops/${w.id}/certificate`);
    await p.page.getByTestId('not-attended').getByText(/minimal 75% dari durasi workshop/).waitFor();
    answered(p, 403);
    expect(p.errors).toEqual([]);
  });
});

/**
 * Chromium logs an api's 4xx as a console error ("Failed to load resource"), also when the screen expects
 * it (403 NOT_ATTENDED). Takes exactly those out of the page's errors.
 */
function answered(phone: Phone, status: number): void {
  const expected = `the server responded with a status of ${status}`;
  const rest = phone.errors.filter((e) => !e.includes(expected));
  phone.errors.splice(0, phone.errors.length, ...rest);
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
