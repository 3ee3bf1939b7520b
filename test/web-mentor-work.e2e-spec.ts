import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { formatDate } from '../apps/web/src/lib/datetime';
import { checkScreen, openPhone, startWebStack, type WebStack } from './support/browser';
import { FakeLiveKit } from './support/fake-livekit';
import type { Session } from './support/test-app';
import { TEST_KELURAHAN } from './support/test-env';

// The mentor's daily work in a real Chromium against the real api and worker: Hari ini, an entrepreneur's
// history, the outcome form with a permodalan case (seen by the entrepreneur in their own browser
// context), the case board and the follow-ups list with an overdue one first. No video room is opened;
// the LiveKit server the api closes rooms on (after a no-show) is the fake one.

const clean = { overflow: 0, violations: [], errors: [] };
const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;

describe("web app: a mentor's day (today, history, outcome and case, board, follow-ups; fake LiveKit)", () => {
  let stack: WebStack;
  let livekit: FakeLiveKit;

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    stack = await startWebStack('mentorwork', { LIVEKIT_URL: livekit.url });
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
    await livekit?.close();
  });

  /** A consultation written straight to the database, at any instant (past ones cannot be booked). */
  async function consultation(mentor: Session, person: Session, start: Date, topic: 'permodalan' | 'pemasaran' = 'permodalan'): Promise<string> {
    const id = newId();
    await stack.app.app.get(DataSource).getRepository(Consultation).insert({ id, mentorId: mentor.id, entrepreneurId: person.id, start, end: new Date(start.getTime() + HOUR), topic, note: null, status: 'booked' });
    return id;
  }

  it('a mentor sees today and what is next, opens the history, writes an outcome with a Bank DKI case the entrepreneur then sees, approves it on the board, and clears an overdue follow-up listed first', async () => {
    const mentor = await stack.app.newUser(['mentor'], { name: 'Ibu Rina Pendamping', mentor: { kelurahanCodes: [TEST_KELURAHAN[0]], topics: ['permodalan'] } });
    const siti = await stack.app.newEntrepreneur({ name: 'Siti Aminah', business: { name: 'Konveksi Siti', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[0] } });
    const budi = await stack.app.newEntrepreneur({ name: 'Budi Santoso', business: { name: 'Warung Budi', type: 'kelontong', kelurahanCode: TEST_KELURAHAN[0] } });
    const today = DateTime.now().setZone(ZONE).startOf('day');
    // Last week's consultation (its outcome is written below), one at noon today, one in three days.
    const lastWeek = await consultation(mentor, siti, new Date(Date.now() - 7 * 24 * HOUR));
    const noon = await consultation(mentor, siti, today.set({ hour: 12 }).toJSDate(), 'pemasaran');
    const later = await consultation(mentor, siti, today.plus({ days: 3 }).set({ hour: 10 }).toJSDate());
    // Budi's consultation ten days ago, its follow-up due three days ago (in the mentor's zone): overdue.
    const budiPast = await consultation(mentor, budi, new Date(Date.now() - 10 * 24 * HOUR));
    const overdueOn = today.minus({ days: 3 }).toISODate()!;
    const recorded = await stack.app.post(`/api/consultations/${budiPast}/outcome`, { summary: 'Perlu foto produk untuk katalog', actions: ['Kirim 5 foto produk'], followUpOn: overdueOn }, mentor.token);
    expect(recorded.status).toBe(201);

    const phone = await openPhone(stack, { session: mentor, timezoneId: ZONE });
    const { page } = phone;

    // Hari ini: the mentor area's first page.
    await page.goto('/');
    await page.getByRole('link', { name: 'Dampingi', exact: true }).click();
    await page.getByRole('heading', { name: 'Hari ini', level: 1 }).waitFor();
    const todayList = page.getByTestId('today-list');
    const noonCard = todayList.locator(`[data-testid=desk-consultation][data-id="${noon}"]`);
    await noonCard.getByText('12.00–13.00 WIB').waitFor();
    await noonCard.getByText('Pemasaran · dengan Siti Aminah').waitFor();
    expect(await todayList.locator('[data-testid=desk-consultation]').count()).toBe(1);
    const next = page.getByTestId('next-list').locator(`[data-testid=desk-consultation][data-id="${later}"]`);
    await next.getByText(formatDate(today.plus({ days: 3 }).set({ hour: 10 }).toJSDate(), 'id', ZONE), { exact: false }).waitFor();
    await page.getByTestId('overdue-notice').getByText('Ada 1 tindak lanjut yang lewat tanggal.').waitFor();
    // The calendar subscription is on the same page: one tap makes the address.
    const calendar = page.getByTestId('calendar-subscription');
    await calendar.getByRole('heading', { name: 'Langganan kalender' }).waitFor();
    await calendar.getByRole('button', { name: 'Buat alamat kalender' }).click();
    expect(await calendar.getByTestId('webcal-link').getAttribute('href')).toMatch(/^webcal:\/\//);
    expect(await checkScreen(phone, 'mentor-today')).toEqual(clean);

    // The entrepreneur's profile and history, from the card.
    await noonCard.getByRole('link', { name: 'Profil & riwayat Siti Aminah' }).click();
    await page.getByRole('heading', { name: 'Siti Aminah', level: 1 }).waitFor();
    const profile = page.getByTestId('history-profile');
    await profile.getByText('Konveksi Siti').waitFor();
    await profile.getByText('Konveksi', { exact: true }).waitFor();
    await profile.getByText('Kelurahan Uji 1').waitFor();
    const pastEntry = page.getByTestId('history-past').locator(`[data-testid=history-consultation][data-id="${lastWeek}"]`);
    await pastEntry.getByText('Hasil belum ditulis.').waitFor();
    await page.getByTestId('history-cases').getByText('Tidak ada kasus yang masih berjalan.').waitFor();
    expect(await checkScreen(phone, 'entrepreneur-history')).toEqual(clean);

    // The outcome form on last week's consultation: summary, a step, a follow-up date, a permodalan case with Bank DKI.
    await pastEntry.getByRole('link', { name: /^Buka konsultasi/ }).click();
    const form = page.getByTestId('outcome-form');
    await form.waitFor();
    // The mentor can go back to the history from the consultation too.
    await page.getByTestId('consultation-details').getByRole('link', { name: 'Profil & riwayat Siti Aminah' }).waitFor();
    await form.getByRole('button', { name: 'Simpan hasil' }).click();
    await form.getByText('Tuliskan ringkasan konsultasi').waitFor();
    await form.getByLabel('Ringkasan').fill('Butuh modal untuk mesin jahit kedua.');
    await form.getByRole('textbox', { name: 'Langkah 1' }).fill('Siapkan laporan keuangan 3 bulan');
    await form.getByRole('button', { name: 'Tambah langkah' }).click();
    await form.getByRole('textbox', { name: 'Langkah 2' }).fill('Foto usaha dan KTP');
    const followUpOn = today.plus({ days: 5 }).toISODate()!;
    await form.getByLabel('Tanggal tindak lanjut (opsional)').fill(followUpOn);
    await form.getByLabel('Buka kasus pendampingan lanjutan').check();
    expect(await form.getByRole('radio', { name: 'Permodalan' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Simpan hasil' }).click();
    await form.getByText('Tuliskan lembaga pembiayaannya').waitFor();
    await form.getByRole('combobox', { name: /Lembaga pembiayaan/ }).fill('Bank DKI');
    await form.getByLabel('Nomor referensi (opsional)').fill('KUR-2026-0042');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tandai tidak hadir' }).waitFor();
    expect(await checkScreen(phone, 'mentor-outcome-form')).toEqual(clean);
    await form.getByRole('button', { name: 'Simpan hasil' }).click();
    const outcome = page.getByTestId('outcome');
    await outcome.getByText('Butuh modal untuk mesin jahit kedua.').waitFor();
    await outcome.getByTestId('outcome-case').getByText('Bank DKI').waitFor();
    const saved = await stack.app.get(`/api/consultations/${lastWeek}/outcome`, mentor.token);
    expect(saved.body).toMatchObject({ status: 'completed', summary: 'Butuh modal untuk mesin jahit kedua.', actions: ['Siapkan laporan keuangan 3 bulan', 'Foto usaha dan KTP'], followUpOn, case: { type: 'permodalan', lender: 'Bank DKI', referenceNumber: 'KUR-2026-0042', status: 'open' } });
    const caseId: string = saved.body.case.id;
    // The mentor corrects the summary afterwards; the case stays as it was.
    await outcome.getByRole('button', { name: 'Ubah hasil' }).click();
    await outcome.getByLabel('Ringkasan').fill('Butuh modal untuk mesin jahit kedua dan obras.');
    await outcome.getByRole('button', { name: 'Simpan' }).click();
    await outcome.getByText('Butuh modal untuk mesin jahit kedua dan obras.').waitFor();
    expect((await stack.app.get(`/api/consultations/${lastWeek}/outcome`, mentor.token)).body).toMatchObject({ summary: 'Butuh modal untuk mesin jahit kedua dan obras.', followUpOn, case: { id: caseId } });

    // The entrepreneur, in a browser context of their own, sees the outcome and the case.
    const other = await openPhone(stack, { session: siti, timezoneId: ZONE });
    await other.page.goto(`/consultations/${lastWeek}`);
    const seen = other.page.getByTestId('outcome');
    await seen.getByText('Butuh modal untuk mesin jahit kedua dan obras.').waitFor();
    await seen.getByTestId('outcome-actions').getByText('Foto usaha dan KTP').waitFor();
    const seenCase = seen.getByTestId('outcome-case');
    await seenCase.getByText('Bank DKI').waitFor();
    await seenCase.getByText('KUR-2026-0042').waitFor();
    await seenCase.getByText('Sedang diproses').waitFor();
    expect(await other.page.getByTestId('outcome-form').count()).toBe(0);
    expect(await other.page.getByRole('button', { name: 'Ubah hasil' }).count()).toBe(0);
    expect(await checkScreen(other, 'entrepreneur-outcome')).toEqual(clean);

    // The board: the case is under "Sedang diproses"; the mentor moves it to "Disetujui".
    await page.goto('/mentor/cases');
    await page.getByRole('heading', { name: 'Kasus', level: 1 }).waitFor();
    const card = page.locator(`[data-testid=case][data-id="${caseId}"]`);
    await page.locator(`[data-column=open] [data-testid=case][data-id="${caseId}"]`).waitFor();
    await card.getByText('Siti Aminah').waitFor();
    await card.getByText('No. referensi KUR-2026-0042').waitFor();
    await card.getByLabel('Status kasus Permodalan · Bank DKI Siti Aminah').selectOption({ label: 'Disetujui' });
    await page.locator(`[data-column=approved] [data-testid=case][data-id="${caseId}"]`).waitFor();
    await page.getByTestId('moved').getByText('Kasus Siti Aminah dipindah ke "Disetujui".').waitFor();
    expect(await page.locator(`[data-column=open] [data-testid=case]`).count()).toBe(0);
    expect((await stack.app.get('/api/cases', mentor.token)).body.items).toEqual([expect.objectContaining({ id: caseId, status: 'approved' })]);
    expect(await checkScreen(phone, 'mentor-cases')).toEqual(clean);
    await other.page.reload();
    await other.page.getByTestId('outcome-case').getByText('Disetujui').waitFor();
    expect(other.errors).toEqual([]);
    await other.context.close();

    // Follow-ups: Budi's overdue one first, marked and dated in Indonesian, then Siti's in five days.
    await page.getByRole('navigation', { name: 'Pendampingan' }).getByRole('link', { name: 'Tindak lanjut' }).click();
    await page.getByRole('heading', { name: 'Tindak lanjut', level: 1 }).waitFor();
    const items = page.locator('[data-testid=follow-up]');
    await items.nth(1).waitFor();
    expect(await items.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-id'), n.getAttribute('data-overdue')]))).toEqual([
      [budiPast, 'true'],
      [lastWeek, 'false'],
    ]);
    const dateOf = (day: string) => formatDate(DateTime.fromISO(day, { zone: ZONE }).set({ hour: 12 }).toJSDate(), 'id', ZONE);
    const first = items.first();
    await first.getByText('Terlambat', { exact: true }).waitFor();
    await first.getByText(`Seharusnya ${dateOf(overdueOn)}`).waitFor();
    await page.getByTestId('overdue-follow-ups').getByText('Budi Santoso').waitFor();
    await items.nth(1).getByText(`Pada ${dateOf(followUpOn)}`).waitFor();
    expect(await checkScreen(phone, 'mentor-follow-ups')).toEqual(clean);
    await first.getByRole('button', { name: 'Tandai selesai tindak lanjut untuk Budi Santoso' }).click();
    await page.getByTestId('done').getByText('Tindak lanjut untuk Budi Santoso ditandai selesai.').waitFor();
    await page.locator(`[data-testid=follow-up][data-id="${budiPast}"]`).waitFor({ state: 'detached' });
    expect(await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))).toEqual([lastWeek]);
    expect(await page.getByTestId('overdue-follow-ups').count()).toBe(0);
    expect((await stack.app.get('/api/mentors/me/follow-ups?overdue=true', mentor.token)).body.items).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 180_000);

  it('a mentor marks a started consultation as a no-show; it can then get no outcome', async () => {
    const mentor = await stack.app.newUser(['mentor'], { name: 'Bapak Joko Pendamping' });
    const person = await stack.app.newEntrepreneur({ name: 'Dewi Lestari' });
    const id = await consultation(mentor, person, new Date(Date.now() - 2 * HOUR));
    const phone = await openPhone(stack, { session: mentor });
    await phone.page.goto(`/consultations/${id}`);
    await phone.page.getByRole('button', { name: 'Tandai tidak hadir' }).click();
    const dialog = phone.page.getByRole('dialog', { name: 'Pelaku usaha tidak hadir?' });
    await dialog.getByRole('button', { name: 'Ya, tidak hadir' }).click();
    await phone.page.getByTestId('consultation-details').getByTestId('status-badge').getByText('Tidak hadir').waitFor();
    expect(await phone.page.getByTestId('outcome-form').count()).toBe(0);
    expect((await stack.app.get(`/api/consultations/${id}`, mentor.token)).body.status).toBe('no_show');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 60_000);

  it('the history page refuses a mentor who never met the entrepreneur (the api answers 403) and an entrepreneur gets the not-allowed screen', async () => {
    const stranger = await stack.app.newUser(['mentor']);
    const person = await stack.app.newEntrepreneur();
    const phone = await openPhone(stack, { session: stranger });
    await phone.page.goto(`/entrepreneurs/${person.id}`);
    await phone.page.getByTestId('error').getByText('Riwayat ini hanya untuk pendamping yang pernah berkonsultasi', { exact: false }).waitFor();
    expect((await stack.app.get(`/api/entrepreneurs/${person.id}/history`, stranger.token)).status).toBe(403);
    await phone.context.close();
    const own = await openPhone(stack, { session: person });
    await own.page.goto(`/entrepreneurs/${person.id}`);
    await own.page.getByTestId('not-allowed').waitFor();
    await own.context.close();
  }, 60_000);
});
