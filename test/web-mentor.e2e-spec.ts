import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { formatDate } from '../apps/web/src/lib/datetime';
import { checkScreen, openPhone, startWebStack, type WebStack } from './support/browser';
import type { Session } from './support/test-app';

// A mentor's desk in a real Chromium at 360 px against the real api and worker: the availability editor
// (weekly hours, rules, a day off on the calendar, the preview), what an entrepreneur in another zone is
// then offered, the not-allowed screen, and the mentor's week.

const clean = { overflow: 0, violations: [], errors: [] };
const WITA = 'Asia/Makassar';
const WIB = 'Asia/Jakarta';
const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

describe('web app: a mentor sets availability, sees their week; others may not', () => {
  let stack: WebStack;

  beforeAll(async () => {
    stack = await startWebStack('mentor');
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  async function mentorIn(zone: string, name: string): Promise<Session> {
    const mentor = await stack.app.newUser(['mentor'], { name });
    expect((await stack.app.request('PATCH', '/api/me', { token: mentor.token, body: { timezone: zone } })).status).toBe(200);
    return mentor;
  }

  /** On a week view, moves on (at most twice) until the week holds `day`; the week has loaded then. */
  async function showWeekOf(page: Page, day: string): Promise<void> {
    const loaded = () => page.locator('[data-column], [data-testid=empty]').first().waitFor({ state: 'attached' });
    await loaded();
    for (let i = 0; i < 2 && !(await page.locator(`[data-column="${day}"]`).count()); i++) {
      const range = await page.getByTestId('week-range').textContent();
      await page.getByTestId('next-week').click();
      await page.waitForFunction((before) => document.querySelector('[data-testid=week-range]')?.textContent !== before, range);
      await loaded();
    }
    expect(await page.locator(`[data-column="${day}"]`).count()).toBe(1);
  }

  /** The instants of `hours` o'clock on a date in a zone, as the api writes them. */
  const instants = (day: string, zone: string, hours: number[]) => hours.map((h) => DateTime.fromISO(day, { zone }).set({ hour: h }).toUTC().toISO());

  it('A mentor in Asia/Makassar sets weekly hours and a day off through the editor; in another browser context an entrepreneur in Jakarta sees exactly those slots in WIB (one hour earlier than the WITA hours), and none on the day off', async () => {
    const mentor = await mentorIn(WITA, 'Ibu Made Pendamping');
    const phone = await openPhone(stack, { session: mentor, timezoneId: WITA });
    const { page } = phone;
    await page.goto('/');
    // The mentor's area is in the phone's tab bar; its section bar leads to the availability editor.
    await page.getByRole('link', { name: 'Dampingi', exact: true }).click();
    await page.getByRole('navigation', { name: 'Pendampingan' }).getByRole('link', { name: 'Ketersediaan' }).click();
    await page.getByRole('heading', { name: 'Ketersediaan', level: 1 }).waitFor();
    await page.getByText('Jam ditulis dalam zona Anda: WITA (Asia/Makassar).', { exact: false }).waitFor();
    await page.getByText('Anda belum membuka jadwal.', { exact: false }).waitFor();
    await page.getByText('Simpan jam mingguan Anda dulu', { exact: false }).waitFor();
    expect(await checkScreen(phone, 'availability-first-time')).toEqual(clean);

    // Every day open, 09:00–11:00 and 13:00–14:00 WITA, in hour sessions, bookable at any time.
    for (const day of WEEKDAYS) {
      const open = page.getByRole('switch', { name: day, exact: true });
      if (!(await open.isChecked())) await open.check();
      await page.getByLabel(`Mulai ${day}, rentang 1`).selectOption('09:00');
      await page.getByLabel(`Selesai ${day}, rentang 1`).selectOption('11:00');
      await page.getByRole('button', { name: `Tambah jam ${day}` }).click();
      await page.getByLabel(`Mulai ${day}, rentang 2`).selectOption('13:00');
      await page.getByLabel(`Selesai ${day}, rentang 2`).selectOption('14:00');
    }
    // A wrong range is named before anything is sent.
    await page.getByLabel('Selesai Senin, rentang 2').selectOption('12:00');
    await page.getByText('Jam selesai harus setelah jam mulai.').waitFor();
    await page.getByLabel('Selesai Senin, rentang 2').selectOption('14:00');
    await page.getByLabel('Lama satu sesi').selectOption('60');
    await page.getByLabel('Pemberitahuan minimal').selectOption('0');
    await page.getByRole('button', { name: 'Simpan ketersediaan' }).click();
    await page.getByText('Ketersediaan tersimpan.', { exact: false }).waitFor();

    const saved = await stack.app.get('/api/mentors/me/availability', mentor.token);
    expect(saved.body).toMatchObject({ timezone: WITA, slotMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 30, dailyCap: null, overrides: [] });
    expect(saved.body.weekly).toEqual([1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [{ weekday, start: '09:00', end: '11:00' }, { weekday, start: '13:00', end: '14:00' }]));

    // A day off, the day after tomorrow in the mentor's zone, and special hours two days later, picked on the calendar.
    const today = DateTime.now().setZone(WITA).startOf('day');
    const [tomorrow, dayOff, after, special] = [1, 2, 3, 4].map((n) => today.plus({ days: n }).toISODate()!);
    const calendar = page.getByTestId('overrides');
    const dayName = (day: string) => formatDate(DateTime.fromISO(day, { zone: WITA }).set({ hour: 12 }).toJSDate(), 'id', WITA);
    let shownMonth = today.month;
    const pickDate = async (day: string) => {
      if (DateTime.fromISO(day).month !== shownMonth) await calendar.getByRole('button', { name: 'Bulan berikutnya' }).click();
      shownMonth = DateTime.fromISO(day).month;
      await calendar.getByRole('button', { name: dayName(day), exact: true }).click();
      await page.getByText(`Tanggal dipilih: ${dayName(day)}`).waitFor();
    };
    await pickDate(dayOff);
    expect(await page.getByRole('radio', { name: 'Libur seharian' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Simpan tanggal' }).click();
    await page.locator(`[data-testid=override][data-date="${dayOff}"]`).getByText('Libur').waitFor();
    await pickDate(special);
    await page.getByRole('radio', { name: 'Jam khusus' }).check();
    // The special day starts from its weekly hours; one range 15:00–16:00 instead.
    await page.getByRole('button', { name: `Hapus rentang 2 hari ${dayName(special)}` }).click();
    await page.getByLabel(`Mulai ${dayName(special)}, rentang 1`).selectOption('15:00');
    await page.getByLabel(`Selesai ${dayName(special)}, rentang 1`).selectOption('16:00');
    await page.getByRole('button', { name: 'Simpan tanggal' }).click();
    await page.locator(`[data-testid=override][data-date="${special}"]`).getByText('15.00–16.00').waitFor();
    expect((await stack.app.get('/api/mentors/me/availability', mentor.token)).body.overrides).toEqual([
      { date: dayOff, ranges: [] },
      { date: special, ranges: [{ start: '15:00', end: '16:00' }] },
    ]);

    // The preview: what the api offers, in WITA; nothing on the day off.
    const preview = page.getByTestId('slot-preview');
    await preview.locator(`[data-testid=preview-day][data-day="${after}"] [data-testid=preview-slot]`).first().waitFor();
    expect(await preview.locator(`[data-testid=preview-day][data-day="${after}"] [data-testid=preview-slot]`).allTextContents()).toEqual(['09.00', '10.00', '13.00']);
    expect(await preview.locator(`[data-testid=preview-day][data-day="${dayOff}"]`).textContent()).toContain('Tidak ada jadwal');
    expect(await checkScreen(phone, 'availability')).toEqual(clean);

    // An entrepreneur in Jakarta, in a browser context of their own: the same slots an hour earlier, in WIB.
    const person = await stack.app.newEntrepreneur();
    const other = await openPhone(stack, { session: person, timezoneId: WIB });
    await other.page.goto(`/mentors/${mentor.id}`);
    await other.page.getByRole('heading', { name: 'Buat janji dengan Ibu Made Pendamping', level: 1 }).or(other.page.getByRole('heading', { level: 1 })).first().waitFor();
    await other.page.getByTestId('week-zone').getByText('Waktu ditampilkan dalam WIB').waitFor();
    const offered: Record<string, { wib: string[]; witaHours: number[] }> = {
      [tomorrow]: { wib: ['08.00', '09.00', '12.00'], witaHours: [9, 10, 13] },
      [dayOff]: { wib: [], witaHours: [] },
      [after]: { wib: ['08.00', '09.00', '12.00'], witaHours: [9, 10, 13] },
      [special]: { wib: ['14.00'], witaHours: [15] },
    };
    for (const [day, want] of Object.entries(offered)) {
      await showWeekOf(other.page, day);
      const slots = other.page.locator(`[data-column="${day}"] [data-testid=slot]`);
      expect(await slots.allTextContents()).toEqual(want.wib);
      expect(await slots.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-start')))).toEqual(instants(day, WITA, want.witaHours));
    }
    // On the phone's strip: the special day offers its one time, in WIB.
    await other.page.locator(`[data-testid=day-strip] [data-day="${special}"]`).click();
    expect(await other.page.locator('[data-testid=slot]:visible').allTextContents()).toEqual(['14.00']);
    // And the api agrees: exactly those, in the four days.
    const from = DateTime.fromISO(tomorrow, { zone: WIB });
    const api = await stack.app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 4 }).toISO()!)}`, person.token);
    expect(api.body.items.map((s: { start: string }) => new Date(s.start).toISOString())).toEqual(Object.entries(offered).flatMap(([day, want]) => instants(day, WITA, want.witaHours)));
    expect(other.errors).toEqual([]);
    await other.context.close();
    await phone.context.close();
  }, 120_000);

  it('an entrepreneur has no mentor entries; /mentor/availability shows the not-allowed screen and the api refuses their PUT with 403', async () => {
    const person = await stack.app.newEntrepreneur();
    const phone = await openPhone(stack, { session: person });
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('link', { name: 'Profil' }).last().waitFor();
    expect(await page.getByRole('link', { name: 'Ketersediaan' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Dampingi', exact: true }).count()).toBe(0);
    await page.goto('/mentor/availability');
    await page.getByRole('heading', { name: 'Halaman ini tidak untuk akun Anda', level: 1 }).waitFor();
    await page.getByText('Halaman ini hanya untuk petugas pendamping.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Ke beranda' }).waitFor();
    expect(await checkScreen(phone, 'not-allowed')).toEqual(clean);
    await page.goto('/mentor/week');
    await page.getByTestId('not-allowed').waitFor();

    const put = await stack.app.request('PUT', '/api/mentors/me/availability', { token: person.token, body: { slotMinutes: 60, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] } });
    expect(put.status).toBe(403);
    expect(put.body.code).toBe('FORBIDDEN');
    await phone.context.close();
  }, 60_000);

  it("the mentor's week shows their consultations in their own zone (WITA), Indonesian dates, a day at a time on a phone", async () => {
    const mentor = await mentorIn(WITA, 'Bapak Nyoman Pendamping');
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    expect((await stack.app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 60, minNoticeMinutes: 0, weekly } })).status).toBe(200);
    const person = await stack.app.newEntrepreneur({ name: 'Siti Aminah' });
    const day = DateTime.now().setZone(WITA).startOf('day').plus({ days: 1 });
    const start = day.set({ hour: 10 }).toUTC().toISO()!;
    const booked = await stack.app.post('/api/consultations', { mentorId: mentor.id, start, topic: 'perizinan' }, person.token);
    expect(booked.status).toBe(201);

    const phone = await openPhone(stack, { session: mentor, timezoneId: WITA });
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('link', { name: 'Dampingi', exact: true }).click();
    await page.getByRole('navigation', { name: 'Pendampingan' }).getByRole('link', { name: 'Jadwal', exact: true }).click();
    await page.getByRole('heading', { name: 'Jadwal saya', level: 1 }).waitFor();
    await page.getByTestId('week-zone').getByText('Waktu ditampilkan dalam WITA').waitFor();
    await showWeekOf(page, day.toISODate()!);
    await page.locator(`[data-testid=day-strip] [data-day="${day.toISODate()}"]`).click();
    const card = page.locator(`[data-testid=week-consultation][data-id="${booked.body.id}"]:visible`);
    await card.getByText('10.00–11.00 WITA').waitFor();
    await card.getByText('dengan Siti Aminah').waitFor();
    await card.getByText('Perizinan (NIB/PIRT)').waitFor();
    await page.getByText(`Konsultasi ${formatDate(day.set({ hour: 12 }).toJSDate(), 'id', WITA)}`).waitFor();
    expect(await checkScreen(phone, 'my-week')).toEqual(clean);
    await phone.context.close();
  }, 60_000);
});
