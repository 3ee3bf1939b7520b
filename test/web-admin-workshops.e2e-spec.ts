import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Socket } from 'socket.io-client';
import { Clock } from '@pendamping/platform';
import { AttendanceService } from '@pendamping/workshops';
import { checkScreen, DESKTOP, openPhone, type Phone, type WebStack, startWebStack } from './support/browser';
import { connect, ok } from './support/realtime-client';
import type { Session } from './support/test-app';

// The Dinas's workshop console in the browser: the list, a weekly series built in the recurrence builder
// (its WIB dates previewed, then published, and an entrepreneur registering in another browser), and a
// workshop's tabs after it happened: registrations, attendance with its CSV download, feedback,
// certificates and the live rooms' questions and polls. Real api, worker, socket.io and Chromium.

const clean = { overflow: 0, violations: [], errors: [] };
/** A Jakarta day of its own far ahead (parallel suites never share it), at 10:00 WIB. */
const farDay = () => DateTime.now().setZone('Asia/Jakarta').plus({ days: 60 + Math.floor(Math.random() * 2000) }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
/** "Senin, 7 Desember 2026 pukul 10.00 WIB", written here with luxon rather than by the app's formatter. */
const indonesian = (d: DateTime) => d.setZone('Asia/Jakarta').setLocale('id').toFormat("cccc, d LLLL yyyy 'pukul' HH.mm 'WIB'");

describe('web: the admin workshop console', () => {
  let stack: WebStack;
  let admin: Session;
  const phones: Phone[] = [];
  const sockets: Socket[] = [];
  const open = async (session?: Session, desktop = false) => {
    const p = await openPhone(stack, { session, ...(desktop && { viewport: DESKTOP }) });
    phones.push(p);
    return p;
  };

  beforeAll(async () => {
    stack = await startWebStack('adminworkshops');
    admin = await stack.app.newUser(['admin'], { name: 'Admin Dinas' });
  }, 90_000);
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(phones.splice(0).map((p) => p.context.close()));
    stack.app.app.get(Clock).now = Clock.prototype.now;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('an admin builds a weekly series of 4 sessions, sees every date in WIB, publishes it, and an entrepreneur registers for it', async () => {
    await stack.app.newUser(['speaker'], { name: 'Dewi Anggraini', organization: 'Bank DKI' });
    // Something of each kind in the list: a draft and a cancelled workshop.
    const day = farDay();
    const draft = { title: 'Izin Usaha NIB', description: 'Materi.', topic: 'perizinan', capacity: 10, speakerIds: [], sessions: [{ start: day.plus({ days: 2 }).toISO(), end: day.plus({ days: 2, hours: 1 }).toISO() }] };
    expect((await stack.app.post('/api/workshops', draft, admin.token)).status).toBe(201);
    const dropped = await stack.app.post('/api/workshops', { ...draft, title: 'Foto Produk', sessions: [{ start: day.plus({ days: 3 }).toISO(), end: day.plus({ days: 3, hours: 1 }).toISO() }] }, admin.token);
    expect((await stack.app.post(`/api/workshops/${dropped.body.id}/cancel`, { reason: 'Narasumber berhalangan' }, admin.token)).status).toBe(200);

    const desk = await open(admin, true);
    const { page } = desk;
    await page.goto('/admin');
    await page.waitForURL('**/admin/workshops');
    const rows = page.getByTestId('admin-workshop');
    await rows.filter({ hasText: 'Izin Usaha NIB' }).getByTestId('status').filter({ hasText: 'Draf' }).waitFor();
    await rows.filter({ hasText: 'Foto Produk' }).getByTestId('status').filter({ hasText: 'Dibatalkan' }).waitFor();
    expect(await checkScreen(desk, 'admin-workshops-list')).toEqual(clean);
    await page.getByLabel('Status').selectOption('cancelled');
    await page.waitForURL(/status=cancelled/);
    await rows.first().filter({ hasText: 'Foto Produk' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Buat workshop' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buat workshop' }).waitFor();
    await page.getByLabel('Judul').fill('Pengelolaan Keuangan UMKM');
    await page.getByLabel('Deskripsi').fill('Memisahkan uang usaha dan pribadi.\nMencatat arus kas harian.');
    await page.getByTestId('workshop-form').getByLabel('Topik').click();
    await page.getByRole('option', { name: 'Keuangan', exact: true }).click();
    await page.getByLabel('Kapasitas (kursi)').fill('25');
    await page.getByTestId('workshop-form').getByLabel('Narasumber').fill('Dewi');
    await page.getByRole('option', { name: 'Dewi Anggraini (Bank DKI)' }).click();

    // The builder: the weekday of the first day, 10:00, 90 minutes, 4 weeks, from that day.
    const weekday = day.setLocale('id').toFormat('cccc');
    await page.getByTestId('series-builder').getByText(weekday, { exact: true }).click();
    await page.getByLabel('Jam mulai').fill('10:00');
    await page.getByLabel('Durasi (menit)').fill('90');
    await page.getByLabel('Jumlah minggu').fill('4');
    await page.getByLabel('Mulai dari tanggal').fill(day.toISODate()!);
    const expected = [0, 1, 2, 3].map((w) => indonesian(day.plus({ weeks: w })));
    const preview = page.getByTestId('preview-date');
    await page.getByTestId('series-preview').getByText('4 sesi').waitFor();
    await expect(preview.allTextContents()).resolves.toEqual(expected);
    expect(expected[0]).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} pukul 10\.00 WIB$/);
    await page.mouse.move(0, 0);
    expect(await checkScreen(desk, 'admin-workshop-form')).toEqual(clean);

    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.waitForURL(/\/admin\/workshops\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Pengelolaan Keuangan UMKM' }).waitFor();
    await page.getByTestId('status').filter({ hasText: 'Draf' }).waitFor();
    // The api expanded the rule to the very instants the preview showed.
    const stored = (await stack.app.get(`/api/workshops/${id}`, admin.token)).body;
    expect(stored.sessions.map((s: { start: string }) => s.start)).toEqual([0, 1, 2, 3].map((w) => day.plus({ weeks: w }).toUTC().toISO()));
    expect(stored.recurrence).toEqual({ rrule: `DTSTART;TZID=Asia/Jakarta:${day.toFormat("yyyyMMdd'T'HHmmss")}\nRRULE:FREQ=WEEKLY;BYDAY=${day.toFormat('EEE').slice(0, 2).toUpperCase()};COUNT=4`, durationMinutes: 90 });
    expect(stored).toMatchObject({ capacity: 25, topic: 'keuangan', speakers: [{ name: 'Dewi Anggraini', organization: 'Bank DKI' }] });
    await expect(page.getByTestId('admin-sessions').locator('li').count()).resolves.toBe(4);

    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByTestId('published').waitFor();
    await page.getByTestId('status').filter({ hasText: 'Terbit' }).waitFor();
    expect(await checkScreen(desk, 'admin-workshop-overview')).toEqual(clean);

    // In another browser, an entrepreneur finds it and registers.
    const entrepreneur = await stack.app.newEntrepreneur({ name: 'Siti Aminah' });
    const phone = await open(entrepreneur);
    await phone.page.goto(`/workshops/${id}`);
    await phone.page.getByRole('button', { name: 'Daftar workshop' }).click();
    await phone.page.locator('[data-testid=my-status][data-status=registered]').waitFor();
    expect(phone.errors).toEqual([]);

    await page.getByRole('tab', { name: 'Pendaftar' }).click();
    await page.waitForURL(`**/admin/workshops/${id}/registrations`);
    const row = page.getByTestId('registration-row').filter({ hasText: 'Siti Aminah' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Terdaftar');
    expect(await checkScreen(desk, 'admin-workshop-registrations')).toEqual(clean);

    // Cancelling asks for a reason first.
    await page.getByRole('button', { name: 'Batalkan workshop' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Ya, batalkan workshop' }).click();
    await dialog.getByText('Tulis alasan minimal 3 karakter.').waitFor();
    expect((await stack.app.get(`/api/workshops/${id}`, admin.token)).body.status).toBe('published');
    await dialog.getByRole('button', { name: 'Jangan batalkan' }).click();
  }, 120_000);

  it('after the workshop: attendance per session downloads as a CSV file; feedback, certificates and the live report have their tabs', async () => {
    const day = farDay();
    const sessions = [0, 1].map((w) => ({ start: day.plus({ weeks: w }).toUTC().toISO()!, end: day.plus({ weeks: w, hours: 1 }).toUTC().toISO()! }));
    const created = await stack.app.post('/api/workshops', { title: 'Pemasaran Digital', description: 'Jualan online.', topic: 'pemasaran', capacity: 10, speakerIds: [], sessions }, admin.token);
    const id = created.body.id as string;
    const [s1, s2] = created.body.sessions.map((s: { id: string }) => s.id) as string[];
    expect((await stack.app.post(`/api/workshops/${id}/publish`, undefined, admin.token)).status).toBe(200);
    const [ratna, budi, joko] = [await stack.app.newEntrepreneur({ name: 'Ratna Sari Dewi' }), await stack.app.newEntrepreneur({ name: 'Budi Santoso' }), await stack.app.newEntrepreneur({ name: 'Joko Prasetyo' })];
    for (const who of [ratna, budi, joko]) expect((await stack.app.post(`/api/workshops/${id}/registrations`, undefined, who.token)).status).toBe(201);
    const at = (session: number, minutes: number) => day.plus({ weeks: session, minutes }).toJSDate();
    const clock = stack.app.app.get(Clock);

    // During the first session: a question with a vote, and a poll.
    clock.now = () => at(0, 10);
    const [host, asker, voter] = await Promise.all([connect(stack.app, admin.token), connect(stack.app, ratna.token), connect(stack.app, budi.token)]);
    sockets.push(host, asker, voter);
    for (const s of [host, asker, voter]) await ok(s, 'workshop:join', { sessionId: s1 });
    const question = await ok(asker, 'workshop:question', { sessionId: s1, body: 'Bagaimana cara memulai jualan di marketplace?' });
    await ok(voter, 'workshop:question:vote', { questionId: question.id });
    const poll = await ok(host, 'workshop:poll:open', { sessionId: s1, question: 'Sudah punya toko online?', options: ['Sudah', 'Belum'] });
    await ok(asker, 'workshop:poll:vote', { pollId: poll.id, option: 1 });
    await ok(voter, 'workshop:poll:vote', { pollId: poll.id, option: 1 });

    // The video room's join and leave events, as the attendance suites feed them, read the day after.
    clock.now = () => at(1, 24 * 60);
    const attendance = stack.app.app.get(AttendanceService);
    const feed = (sessionId: string, userId: string, kind: 'joined' | 'left', when: Date) => attendance.recordParticipantEvent({ sessionId, userId, kind, at: when });
    await feed(s1, ratna.id, 'joined', at(0, -5));
    await feed(s1, ratna.id, 'left', at(0, 60));
    await feed(s2, ratna.id, 'joined', at(1, 0));
    await feed(s2, ratna.id, 'left', at(1, 50));
    await feed(s1, budi.id, 'joined', at(0, 0));
    await feed(s1, budi.id, 'left', at(0, 30));
    expect((await stack.app.post(`/api/workshops/${id}/feedback`, { rating: 4, comment: 'Sangat bermanfaat.' }, ratna.token)).status).toBe(201);

    const desk = await open(admin, true);
    const { page } = desk;
    await page.goto(`/admin/workshops/${id}/attendance`);
    await page.getByTestId('attendance-summary').getByText('1 dari 3 pendaftar hadir').waitFor();
    expect(await checkScreen(desk, 'admin-workshop-attendance')).toEqual(clean);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(file.suggestedFilename()).toBe(`kehadiran-${id}.csv`);
    const lines = (await readFile((await file.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toBe('userId,name,seconds,attended,session1Seconds,session1Attended,session2Seconds,session2Attended');
    const byName = Object.fromEntries(lines.slice(1).map((l) => l.split(',')).map((cells) => [cells[1], cells]));
    expect(byName['Ratna Sari Dewi']).toEqual([ratna.id, 'Ratna Sari Dewi', '6600', 'true', '3600', 'true', '3000', 'true']);
    expect(byName['Budi Santoso']).toEqual([budi.id, 'Budi Santoso', '1800', 'false', '1800', 'false', '0', 'false']);
    expect(byName['Joko Prasetyo']).toEqual([joko.id, 'Joko Prasetyo', '0', 'false', '0', 'false', '0', 'false']);
    expect(lines).toHaveLength(4);

    await page.getByRole('tab', { name: 'Umpan balik' }).click();
    await page.getByTestId('feedback-average').getByText('dari 1 umpan balik').waitFor();
    await page.getByTestId('feedback-item').filter({ hasText: 'Sangat bermanfaat.' }).getByText('4 dari 5').waitFor();
    expect(await checkScreen(desk, 'admin-workshop-feedback')).toEqual(clean);

    // Ratna's attendance counted when she left: her certificate is issued.
    await page.getByRole('tab', { name: 'Sertifikat' }).click();
    const certificate = page.getByTestId('certificate-row').filter({ hasText: 'Ratna Sari Dewi' });
    await certificate.waitFor();
    await expect(certificate.textContent()).resolves.toMatch(/PDP-\d{4}-[A-Z2-9]{8}/);
    await expect(page.getByTestId('certificate-row').count()).resolves.toBe(1);
    expect(await checkScreen(desk, 'admin-workshop-certificates')).toEqual(clean);

    await page.getByRole('tab', { name: 'Laporan sesi' }).click();
    const first = page.getByTestId('report-session').first();
    await first.getByTestId('report-question').filter({ hasText: 'Bagaimana cara memulai jualan di marketplace?' }).getByText('dari Ratna Sari Dewi · 1 dukungan').waitFor();
    await first.getByTestId('report-poll').getByText('Belum: 2 suara (100%)').waitFor();
    await page.getByTestId('report-session').nth(1).getByText('Tidak ada pertanyaan.').waitFor();
    expect(await checkScreen(desk, 'admin-workshop-live-report')).toEqual(clean);
  }, 120_000);

  it('the console is for admins: an entrepreneur is told the page is not for them', async () => {
    const entrepreneur = await stack.app.newEntrepreneur();
    const phone = await open(entrepreneur);
    await phone.page.goto('/admin/workshops');
    await phone.page.getByText('Halaman ini tidak untuk akun Anda').waitFor();
    expect(phone.errors).toEqual([]);
  });
});
