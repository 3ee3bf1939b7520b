import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { formatDateTime } from '../apps/web/src/lib/datetime';
import { checkScreen, openPhone, startWebStack, type Phone, type WebStack } from './support/browser';
import type { Session } from './support/test-app';
import { TEST_KELURAHAN } from './support/test-env';

// Consultations in a real Chromium at 360 px against the real api and worker: register, find the
// kelurahan's mentor, book in the week view, the mentor's bell, the chat (live, typing, read marks,
// offline and back), and two people taking the same slot at once.

const clean = { overflow: 0, violations: [], errors: [] };

/** Chromium logs every 4xx answer; a step that expects one takes exactly those out of the page's errors. */
function dropExpected(phone: Phone, text: string): void {
  const rest = phone.errors.filter((e) => !e.includes(text));
  phone.errors.splice(0, phone.errors.length, ...rest);
}
const ZONE = 'Asia/Jakarta';
const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

describe('web app: consultations (mentors, booking, my consultations, chat)', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('consultations');
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** A mentor of the first test kelurahan, bookable every day 08:00–20:00 in hour slots, no notice. */
  async function newMentor(name: string): Promise<Session> {
    const mentor = await stack.app.newUser(['mentor'], { name, mentor: { kelurahanCodes: [TEST_KELURAHAN[0]], topics: ['permodalan', 'perizinan'] } });
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
    const res = await stack.app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 60, minNoticeMinutes: 0, horizonDays: 30, weekly } });
    expect(res.status).toBe(200);
    return mentor;
  }

  /**
   * A free slot two days or more ahead (whatever the wall clock of the run), at 10:00 WIB when it is
   * free; read through the api as the booker would see it.
   */
  async function slotAhead(mentor: Session, who: Session): Promise<string> {
    const from = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf('day');
    const res = await stack.app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 5 }).toISO()!)}`, who.token);
    expect(res.status).toBe(200);
    const starts: string[] = res.body.items.map((s: { start: string }) => new Date(s.start).toISOString());
    const ten = from.set({ hour: 10 }).toUTC().toISO()!;
    return starts.find((s) => s === new Date(ten).toISOString()) ?? starts[0];
  }

  /** Resolves once the page's socket has joined the /realtime namespace (pushes reach it from then on). */
  function socketJoined(page: Page): Promise<void> {
    return new Promise((resolve) => {
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => String(frame.payload).startsWith('40/realtime') && resolve()));
    });
  }

  /** On the booking week view (phone): the week of `start`, its day in the strip, then the slot. */
  async function pickSlot(page: Page, start: string): Promise<void> {
    await page.getByTestId('day-strip').or(page.getByTestId('empty')).first().waitFor();
    const day = DateTime.fromISO(start).setZone(ZONE).toISODate()!;
    const dayButton = page.getByTestId('day-strip').locator(`[data-day="${day}"]`);
    for (let i = 0; i < 3 && !(await dayButton.isVisible()); i++) {
      const range = await page.getByTestId('week-range').textContent();
      await page.getByTestId('next-week').click();
      await page.waitForFunction((before) => document.querySelector('[data-testid=week-range]')?.textContent !== before, range);
      await page.getByTestId('day-strip').or(page.getByTestId('empty')).first().waitFor();
    }
    await dayButton.click();
    expect(await dayButton.getAttribute('aria-pressed')).toBe('true');
    await slotButton(page, start).waitFor();
  }
  const slotButton = (page: Page, start: string): Locator => page.locator(`[data-testid=slot][data-start="${start}"]:visible`);

  async function chooseOption(page: Page, label: string, option: string, search?: string): Promise<void> {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.click();
    if (search) await input.fill(search);
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
  }

  async function waitForBodies(page: Page, expected: string[]): Promise<void> {
    await page.waitForFunction(
      (want) => {
        const got = [...document.querySelectorAll('[data-testid=chat-message]')].map((n) => (n.querySelector('div')?.childNodes[1]?.textContent ?? '').trim());
        return JSON.stringify(got) === JSON.stringify(want);
      },
      expected,
      { timeout: 15_000 },
    );
  }

  it('a new entrepreneur registers in Indonesian, finds their kelurahan mentor, books in the week view; the mentor hears of it live; they chat, also across going offline', async () => {
    const mentor = await newMentor('Ibu Ratna Pendamping');
    const someone = await stack.app.newEntrepreneur();
    const start = await slotAhead(mentor, someone);
    const when = formatDateTime(start, 'id', ZONE);
    expect(when).toMatch(new RegExp(`^(${WEEKDAYS.join('|')}), \\d{1,2} \\w+ \\d{4} pukul \\d{2}\\.\\d{2} WIB$`));

    // The mentor's phone is open on their consultations, socket up, bell at zero.
    const mentorPhone = await openPhone(stack, { session: mentor });
    const joined = socketJoined(mentorPhone.page);
    await mentorPhone.page.goto('/consultations');
    await mentorPhone.page.getByRole('heading', { name: 'Konsultasi saya', level: 1 }).waitFor();
    await joined;
    await mentorPhone.page.getByTestId('empty').waitFor();
    expect(await mentorPhone.page.getByTestId('bell-count').first().getAttribute('data-count')).toBe('0');

    // Registration through the form, in Indonesian.
    const phone = await openPhone(stack);
    const { page } = phone;
    const email = `siti.${Date.now().toString(36)}@uji.pendamping.id`;
    await page.goto('/register');
    await page.getByRole('heading', { name: 'Daftar sebagai pelaku usaha', level: 1 }).waitFor();
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Nomor WhatsApp').fill('0812-3456-7890');
    await page.getByLabel('Kata sandi').fill('rahasia-123');
    await page.getByLabel('Nama usaha').fill('Konveksi Siti');
    await chooseOption(page, 'Jenis usaha', 'Konveksi');
    await chooseOption(page, 'Kota/Kabupaten', 'Kota Administrasi Jakarta Selatan', 'Selatan');
    await chooseOption(page, 'Kecamatan', 'Tebet', 'Tebet');
    await chooseOption(page, 'Kelurahan', 'Kelurahan Uji 1', 'Uji 1');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.getByRole('heading', { name: 'Halo, Siti Aminah' }).waitFor();

    // Mentors: the kelurahan's own first, with topics and areas.
    await page.getByRole('link', { name: 'Buat janji konsultasi' }).click();
    await page.getByRole('heading', { name: 'Cari petugas pendamping', level: 1 }).waitFor();
    const card = page.getByTestId('mentor-card').first();
    await card.getByText('Kelurahan Uji 1').waitFor();
    expect(await card.getByRole('heading').textContent()).toBe('Ibu Ratna Pendamping');
    await card.getByText('Pendamping kelurahan Anda').waitFor();
    await card.getByText('Perizinan (NIB/PIRT)').waitFor();
    expect(await checkScreen(phone, 'consultations-mentors')).toEqual(clean);
    await chooseOption(page, 'Topik konsultasi', 'Permodalan');
    await page.waitForURL(/topic=permodalan/);
    await card.getByRole('link', { name: 'Lihat jadwal Ibu Ratna Pendamping' }).click();

    // The week view, in WIB, on a phone: the day strip, then the day's times.
    await page.getByRole('heading', { name: 'Buat janji dengan Ibu Ratna Pendamping' }).waitFor();
    await page.getByText('Waktu ditampilkan dalam WIB').waitFor();
    await pickSlot(page, start);
    expect(await slotButton(page, start).getAttribute('aria-label')).toBe(when);
    expect(await checkScreen(phone, 'consultations-booking-week')).toEqual(clean);
    await slotButton(page, start).click();
    const form = page.getByTestId('booking-form');
    expect(await form.getByTestId('chosen-slot').textContent()).toBe(when);
    // The topic chosen on the mentors page comes along.
    expect(await page.getByRole('combobox', { name: 'Topik', exact: true }).inputValue()).toBe('Permodalan');
    await form.getByLabel('Catatan untuk pendamping (opsional)').fill('Ingin mengajukan pinjaman ke Bank DKI.');
    await form.getByRole('button', { name: 'Buat janji' }).click();

    // Confirmation: mentor, topic, Indonesian date; the calendar subscription.
    await page.getByRole('heading', { name: 'Janji konsultasi sudah dibuat' }).waitFor();
    const id = /\/consultations\/([^/]+)\/confirmed/.exec(page.url())![1];
    expect(await page.getByTestId('confirmation-mentor').textContent()).toBe('Ibu Ratna Pendamping');
    expect(await page.getByTestId('confirmation-topic').textContent()).toBe('Permodalan');
    expect(await page.getByTestId('confirmation-when').textContent()).toBe(when);
    expect(await checkScreen(phone, 'consultations-confirmation')).toEqual(clean);
    await page.getByTestId('add-to-calendar').click();
    // This consultation alone, as a file: one event with the UID its emailed invite carries.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-download').click()]);
    expect(file.suggestedFilename()).toBe(`konsultasi-${id}.ics`);
    const ics = await readFile((await file.path())!, 'utf8');
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(ics).toContain(`UID:consultation-${id}@pendamping`);
    expect(ics).toContain('SUMMARY:Konsultasi permodalan dengan Ibu Ratna Pendamping');
    // No address yet (the api answers nulls, no 4xx in the console): make one, then subscribe.
    await page.getByTestId('calendar-create').click();
    const subscribe = page.getByTestId('calendar-subscribe');
    await subscribe.waitFor();
    expect(await subscribe.getAttribute('href')).toMatch(/^webcal:\/\/.+\/api\/calendar\/.+\.ics$/);
    await page.getByRole('dialog', { name: 'Tambahkan ke kalender' }).getByRole('button', { name: 'Tutup' }).click();
    await subscribe.waitFor({ state: 'detached' });

    // The mentor's bell counts the booking without a reload.
    await mentorPhone.page.locator('[data-testid="bell-count"][data-count="1"]').first().waitFor();

    // My consultations lists it.
    await page.goto('/consultations');
    const item = page.getByTestId('consultation-item').filter({ hasText: 'Ibu Ratna Pendamping' });
    await item.getByText(when).waitFor();
    await item.getByTestId('status-badge').getByText('Terjadwal').waitFor();
    expect(await checkScreen(phone, 'consultations-mine')).toEqual(clean);

    // Both open the consultation page; each sees the other's name.
    await item.getByRole('link', { name: /^Detail konsultasi Permodalan/ }).click();
    await page.waitForURL(`**/consultations/${id}`);
    await page.getByTestId('consultation-other').getByText('dengan Ibu Ratna Pendamping').waitFor();
    expect(await page.getByTestId('consultation-when').textContent()).toBe(when);
    await page.getByText('Belum ada pesan. Sapa Ibu Ratna Pendamping untuk memulai.').waitFor();
    await mentorPhone.page.goto(`/consultations/${id}`);
    await mentorPhone.page.getByTestId('consultation-other').getByText('dengan Siti Aminah').waitFor();
    await mentorPhone.page.getByTestId('chat-log').waitFor();

    // Live chat, typing and the read mark.
    const live = ['Selamat pagi, Bu Ratna.', 'Pagi, Bu Siti! Ada yang bisa saya bantu?'];
    await send(page, live[0]);
    await waitForBodies(mentorPhone.page, [live[0]]);
    await mentorPhone.page.getByTestId('chat-input').pressSequentially('Pagi', { delay: 20 });
    await page.getByText('Ibu Ratna Pendamping sedang mengetik…').waitFor();
    await page.getByTestId('chat-read').waitFor();
    await mentorPhone.page.getByTestId('chat-input').fill(live[1]);
    await mentorPhone.page.getByTestId('chat-send').click();
    await waitForBodies(page, live);
    await waitForBodies(mentorPhone.page, live);
    expect(await checkScreen(phone, 'consultations-chat')).toEqual(clean);

    // Offline: typed messages wait on the device (and in localStorage), then go out once, in order.
    await phone.context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    const offline = ['Saya mau tanya soal syarat KUR.', 'Apakah perlu NIB dulu?', 'Terima kasih, Bu.'];
    for (const text of offline) await send(page, text);
    const pending = page.getByTestId('chat-pending');
    await pending.nth(2).waitFor();
    expect(await pending.evaluateAll((nodes) => nodes.map((n) => n.textContent?.replace(/\s+/g, ' ').trim()))).toEqual(offline.map((text) => `Anda: ${text} menunggu koneksi`));
    const stored = await page.evaluate((cid) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('pendamping.chat.pending.') && k.endsWith(cid));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { body: string; clientMessageId: string }[]) : [];
    }, id);
    expect(stored.map((p) => p.body)).toEqual(offline);
    expect(new Set(stored.map((p) => p.clientMessageId)).size).toBe(3);
    await waitForBodies(mentorPhone.page, live);

    await phone.context.setOffline(false);
    const all = [...live, ...offline];
    await waitForBodies(page, all);
    await waitForBodies(mentorPhone.page, all);
    await pending.first().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pendamping.chat.pending.')))).toEqual([]);
    // Each once, in order, on both sides; and after a reload (from the history) the same.
    await mentorPhone.page.reload();
    await waitForBodies(mentorPhone.page, all);
    expect(mentorPhone.errors).toEqual([]);
    await mentorPhone.context.close();
    await phone.context.close();
  }, 120_000);

  it('two entrepreneurs book the same slot at once: one gets it, the other is told in Indonesian and sees fresh slots without it', async () => {
    const mentor = await newMentor('Bapak Joko Pendamping');
    const [first, second] = await Promise.all([stack.app.newEntrepreneur({ name: 'Dewi' }), stack.app.newEntrepreneur({ name: 'Rina' })]);
    const start = await slotAhead(mentor, first);
    const phones: Phone[] = await Promise.all([first, second].map((session) => openPhone(stack, { session })));
    // A deep link to the booking page reads the one mentor, not the whole directory.
    const mentorReads: string[] = [];
    phones[0].page.on('request', (r) => r.url().includes('/api/mentors') && mentorReads.push(new URL(r.url()).pathname));
    for (const { page } of phones) {
      await page.goto(`/mentors/${mentor.id}`);
      await page.getByRole('heading', { name: 'Buat janji dengan Bapak Joko Pendamping' }).waitFor();
      await pickSlot(page, start);
      await slotButton(page, start).click();
      await chooseOption(page, 'Topik', 'Perizinan (NIB/PIRT)');
    }
    expect(mentorReads.filter((path) => !path.endsWith('/slots'))).toEqual([`/api/mentors/${mentor.id}`]);
    await Promise.all(phones.map(({ page }) => page.getByTestId('booking-form').getByRole('button', { name: 'Buat janji' }).click()));

    const outcome = (page: Page) =>
      Promise.race([
        page.getByRole('heading', { name: 'Janji konsultasi sudah dibuat' }).waitFor().then(() => 'booked' as const),
        page.getByTestId('booking-error').waitFor().then(() => 'taken' as const),
      ]);
    const results = await Promise.all(phones.map(({ page }) => outcome(page)));
    expect([...results].sort()).toEqual(['booked', 'taken']);
    const loser = phones[results.indexOf('taken')].page;
    const error = loser.getByTestId('booking-error');
    expect(await error.getAttribute('data-code')).toBe('SLOT_TAKEN');
    expect(await error.textContent()).toBe('Maaf, jadwal ini baru saja diambil orang lain. Silakan pilih jadwal lain.');
    // Fresh slots for that day, without the one just taken.
    await loser.getByTestId('week-view').locator('[data-testid=slot]:visible').first().waitFor();
    await pickSlot(loser, new Date(new Date(start).getTime() + 3_600_000).toISOString());
    expect(await slotButton(loser, start).count()).toBe(0);
    // The refused POST is a 409 in the console; nothing else.
    for (const p of phones) {
      dropExpected(p, 'status of 409');
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 90_000);

  it('my consultations: reschedule from the week view (a slot taken meanwhile is refused and disappears), then cancel with a required reason', async () => {
    const mentor = await newMentor('Ibu Sari Pendamping');
    const [me, other] = await Promise.all([stack.app.newEntrepreneur({ name: 'Wati' }), stack.app.newEntrepreneur({ name: 'Yanti' })]);
    const start = await slotAhead(mentor, me);
    const booked = await stack.app.post('/api/consultations', { mentorId: mentor.id, start, topic: 'keuangan' }, me.token);
    expect(booked.status).toBe(201);
    const id: string = booked.body.id;
    const later = (hours: number) => new Date(new Date(start).getTime() + hours * 3_600_000).toISOString();

    const phone = await openPhone(stack, { session: me });
    const { page } = phone;
    await page.goto('/consultations');
    const item = page.getByTestId('consultation-item').filter({ hasText: 'Ibu Sari Pendamping' });
    await item.getByText(formatDateTime(start, 'id', ZONE)).waitFor();
    await item.getByRole('link', { name: 'Ubah jadwal' }).click();
    await page.getByRole('heading', { name: 'Ubah jadwal konsultasi', level: 1 }).waitFor();
    await page.getByText(`Jadwal sekarang: ${formatDateTime(start, 'id', ZONE)}`).waitFor();
    await pickSlot(page, later(2));

    // Someone else takes that slot while the week is on screen.
    expect((await stack.app.post('/api/consultations', { mentorId: mentor.id, start: later(2), topic: 'pemasaran' }, other.token)).status).toBe(201);
    await slotButton(page, later(2)).click();
    await page.getByTestId('reschedule-confirm').getByRole('button', { name: 'Pindahkan ke jadwal ini' }).click();
    const error = page.getByTestId('booking-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Maaf, jadwal ini baru saja diambil orang lain. Silakan pilih jadwal lain.');
    await slotButton(page, later(2)).waitFor({ state: 'detached' });
    await slotButton(page, later(3)).waitFor();
    dropExpected(phone, 'status of 409');
    expect(await checkScreen(phone, 'consultations-reschedule')).toEqual(clean);

    await slotButton(page, later(3)).click();
    await page.getByTestId('reschedule-confirm').getByRole('button', { name: 'Pindahkan ke jadwal ini' }).click();
    await page.waitForURL(`**/consultations/${id}`);
    await page.getByTestId('done').getByText('Jadwal konsultasi sudah diubah.').waitFor();
    await page.getByTestId('consultation-when').getByText(formatDateTime(later(3), 'id', ZONE)).waitFor();
    expect((await stack.app.get(`/api/consultations/${id}`, me.token)).body).toMatchObject({ start: later(3), status: 'booked' });

    // Cancelling asks for a reason in a dialog; without one nothing is sent.
    await page.getByTestId('consultation-details').getByRole('button', { name: 'Batalkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batalkan konsultasi' });
    await dialog.getByRole('button', { name: 'Ya, batalkan' }).click();
    await dialog.getByText('Tuliskan alasannya').waitFor();
    expect((await stack.app.get(`/api/consultations/${id}`, me.token)).body.status).toBe('booked');
    expect(await checkScreen(phone, 'consultations-cancel')).toEqual(clean);
    await dialog.getByRole('textbox', { name: 'Alasan pembatalan' }).fill('Ada keperluan keluarga.');
    await dialog.getByRole('button', { name: 'Ya, batalkan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('done').getByText('Konsultasi dibatalkan.').waitFor();
    await page.getByTestId('consultation-details').getByTestId('status-badge').getByText('Dibatalkan').waitFor();
    await page.getByText('Dibatalkan. Alasan: Ada keperluan keluarga.').waitFor();
    expect((await stack.app.get(`/api/consultations/${id}`, me.token)).body).toMatchObject({ status: 'cancelled', cancelReason: 'Ada keperluan keluarga.' });
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 90_000);

  it('after the consultation: its outcome (summary, next steps, follow-up date, the case opened) on the consultation page, in the history tab', async () => {
    const mentor = await newMentor('Ibu Lina Pendamping');
    const me = await stack.app.newEntrepreneur({ name: 'Ani' });
    // A consultation that took place yesterday (a booking cannot be made in the past: written directly).
    const start = DateTime.now().setZone(ZONE).minus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const id = newId();
    await stack.app.app.get(DataSource).getRepository(Consultation).insert({ id, mentorId: mentor.id, entrepreneurId: me.id, start: start.toJSDate(), end: start.plus({ hours: 1 }).toJSDate(), topic: 'permodalan', note: null, status: 'booked' });
    const followUpOn = start.plus({ days: 14 }).toISODate()!;
    const outcome = { summary: 'Membahas pinjaman modal kerja untuk mesin jahit.', actions: ['Siapkan fotokopi KTP dan NIB', 'Isi formulir Bank DKI'], followUpOn, caseType: 'permodalan', lender: 'Bank DKI' };
    expect((await stack.app.post(`/api/consultations/${id}/outcome`, outcome, mentor.token)).status).toBe(201);

    const phone = await openPhone(stack, { session: me });
    const { page } = phone;
    await page.goto('/consultations?tab=past');
    const item = page.getByTestId('consultation-item').filter({ hasText: 'Ibu Lina Pendamping' });
    await item.getByTestId('status-badge').getByText('Selesai').waitFor();
    expect(await item.getByText('Ubah jadwal').count()).toBe(0);
    await item.getByRole('link', { name: /^Detail konsultasi Permodalan/ }).click();
    const section = page.getByTestId('outcome');
    await section.getByText(outcome.summary).waitFor();
    expect(await section.getByTestId('outcome-actions').getByRole('listitem').allTextContents()).toEqual(outcome.actions);
    await section.getByText(`Tindak lanjut pada ${formatDateTime(start.plus({ days: 14 }).toJSDate(), 'id', ZONE).split(' pukul ')[0]}`).waitFor();
    const kase = section.getByTestId('outcome-case');
    await kase.getByText('Bank DKI').waitFor();
    await kase.getByText('Sedang diproses').waitFor();
    // Over: no video room, no reschedule or cancel; the chat stays.
    expect(await page.getByTestId('video').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Batalkan' }).count()).toBe(0);
    await page.getByTestId('chat-log').waitFor();
    expect(await checkScreen(phone, 'consultations-outcome')).toEqual(clean);
    await phone.context.close();
  }, 60_000);

  it('Riwayat lists the latest first and "load more" goes on to older ones, none twice', async () => {
    const mentor = await newMentor('Ibu Maya Pendamping');
    const me = await stack.app.newEntrepreneur({ name: 'Rini' });
    // 22 past consultations a day apart (one page is 20), the newest yesterday.
    const yesterday = DateTime.now().setZone(ZONE).minus({ days: 1 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
    const starts = Array.from({ length: 22 }, (_, i) => yesterday.minus({ days: i }));
    await stack.app.app.get(DataSource).getRepository(Consultation).insert(
      starts.map((s) => ({ id: newId(), mentorId: mentor.id, entrepreneurId: me.id, start: s.toJSDate(), end: s.plus({ hours: 1 }).toJSDate(), topic: 'perizinan' as const, note: null, status: 'completed' as const })),
    );
    const phone = await openPhone(stack, { session: me });
    const { page } = phone;
    await page.goto('/consultations?tab=past');
    const items = page.getByTestId('consultation-item');
    await items.first().waitFor();
    const shown = () => items.evaluateAll((list) => list.map((e) => e.textContent ?? ''));
    const when = starts.map((s) => formatDateTime(s.toJSDate(), 'id', ZONE));
    expect((await shown()).map((text) => when.findIndex((w) => text.includes(w)))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await items.nth(21).waitFor();
    expect((await shown()).map((text) => when.findIndex((w) => text.includes(w)))).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(await page.getByRole('button', { name: 'Muat lebih banyak' }).count()).toBe(0);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 60_000);
});
