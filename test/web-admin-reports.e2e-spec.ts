import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { checkScreen, openPhone, startWebStack, type WebStack } from './support/browser';
import type { Session } from './support/test-app';

// The admin's reports screen in a real Chromium at 360 px (and 1280 px for the screenshots) against the
// real api and worker, on data made through the api: the program funnel, then filtered to a kecamatan.

const clean = { overflow: 0, violations: [], errors: [] };
const CILINCING = '31.75.06';

describe('web app: an admin reads the program funnel and filters it by kecamatan', () => {
  let stack: WebStack;
  let admin: Session;

  beforeAll(async () => {
    stack = await startWebStack('reports');
    admin = await stack.app.newUser(['admin']);
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  const countOf = (page: Page, stage: string) => page.getByTestId(`count-${stage}`);
  async function expectCounts(page: Page, counts: Record<string, number>): Promise<void> {
    for (const [stage, n] of Object.entries(counts)) {
      await page.locator(`[data-stage=${stage}][data-count="${n}"]`).waitFor();
      expect(await countOf(page, stage).textContent()).toBe(`${n} orang`);
    }
  }

  it('An admin sees the funnel of everything made through the api (3 bookings, 3 registrations of 5 entrepreneurs), chooses Kecamatan Cilincing and sees its own counts, then an empty kecamatan', async () => {
    const app = stack.app;
    const kelurahan = `${CILINCING}.9001`;
    expect((await app.post('/api/regions', { code: kelurahan, name: 'Kelurahan Uji Cilincing', level: 'kelurahan', parentCode: CILINCING }, admin.token)).status).toBe(201);
    const cilincing: Session[] = [];
    for (let i = 0; i < 3; i++) cilincing.push(await app.newEntrepreneur({ business: { name: `Usaha Cilincing ${i}`, type: 'kelontong', kelurahanCode: kelurahan } }));
    const tebet = [await app.newEntrepreneur(), await app.newEntrepreneur()];

    const mentor = await app.newUser(['mentor']);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60, weekly } })).status).toBe(200);
    const from = DateTime.now().plus({ days: 1 });
    const slots = await app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 3 }).toISO()!)}`, admin.token);
    const starts: string[] = slots.body.items.map((s: { start: string }) => s.start);
    for (const [i, who] of [cilincing[0], cilincing[1], tebet[0]].entries()) {
      expect((await app.post('/api/consultations', { mentorId: mentor.id, start: starts[i], topic: 'permodalan' }, who.token)).status).toBe(201);
    }
    const speaker = await app.newUser(['speaker']);
    const day = DateTime.now().plus({ days: 5 }).setZone('Asia/Jakarta').set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const workshop = await app.post(
      '/api/workshops',
      { title: 'Kemasan', description: 'Kemasan produk.', topic: 'produksi', capacity: 10, speakerIds: [speaker.id], sessions: [{ start: day.toUTC().toISO(), end: day.plus({ hours: 2 }).toUTC().toISO() }] },
      admin.token,
    );
    expect(workshop.status).toBe(201);
    expect((await app.post(`/api/workshops/${workshop.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    for (const who of [cilincing[2], ...tebet]) expect((await app.post(`/api/workshops/${workshop.body.id}/registrations`, undefined, who.token)).status).toBe(201);

    const phone = await openPhone(stack, { session: admin });
    const { page } = phone;
    await page.goto('/admin/reports');
    await page.getByRole('heading', { name: 'Laporan', level: 1 }).waitFor();
    // Its place in the admin's section bar.
    expect(await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Laporan' }).getAttribute('aria-current')).toBe('page');
    // The last 90 days, today included, in WIB.
    const today = DateTime.now().setZone('Asia/Jakarta').setLocale('id');
    const date = (d: DateTime) => d.toFormat('cccc, d LLLL yyyy');
    await page.getByText(`Periode: ${date(today.minus({ days: 89 }))} – ${date(today)} (WIB)`).waitFor();
    await expectCounts(page, { entrepreneurs: 5, booked: 3, consulted: 0, caseOpened: 0, caseApproved: 0, workshopRegistered: 3, certified: 0 });
    const funnel = page.getByRole('list', { name: /^Corong program, Periode:/ });
    await funnel.getByText('60% dari “Pelaku usaha binaan”').first().waitFor();
    expect(await funnel.getByText('0% dari “Memesan konsultasi”').count()).toBe(1);
    expect(await checkScreen(phone, 'admin-reports')).toEqual(clean);

    const kecamatan = page.getByRole('combobox', { name: 'Kecamatan', exact: true });
    await kecamatan.click();
    await kecamatan.fill('Cilin');
    await page.getByRole('option', { name: 'Cilincing', exact: true }).click();
    await page.getByRole('heading', { name: 'Corong program: Cilincing', level: 2 }).waitFor();
    await expectCounts(page, { entrepreneurs: 3, booked: 2, consulted: 0, workshopRegistered: 1, certified: 0 });
    await funnel.getByText('67% dari “Pelaku usaha binaan”').waitFor();
    expect(new URL(page.url()).searchParams.get('kecamatan')).toBe(CILINCING);
    expect(await checkScreen(phone, 'admin-reports-kecamatan')).toEqual(clean);

    // A shorter period still holds today's bookings; a kecamatan without anyone shows the empty state.
    await page.getByTestId('period').locator('label', { hasText: '30 hari' }).click();
    // The choice lives in the address, and the router applies a navigation in a transition: wait for it (the
    // radio is the chip's hidden input).
    await page.getByRole('radio', { name: '30 hari', checked: true }).waitFor({ state: 'attached' });
    await page.getByText(`Periode: ${date(today.minus({ days: 29 }))} – ${date(today)} (WIB)`).waitFor();
    await expectCounts(page, { entrepreneurs: 3, booked: 2 });
    await kecamatan.click();
    await kecamatan.fill('Gambir');
    await page.getByRole('option', { name: 'Gambir', exact: true }).click();
    await page.getByText('Belum ada pelaku usaha binaan di kecamatan ini.', { exact: false }).waitFor();
    expect(await checkScreen(phone, 'admin-reports-empty')).toEqual(clean);

    // Calendar dates: until both are chosen the screen says what is missing; then the month so far.
    await kecamatan.click();
    await kecamatan.fill('Cilin');
    await page.getByRole('option', { name: 'Cilincing', exact: true }).click();
    await page.getByTestId('period').locator('label', { hasText: 'Pilih tanggal' }).click();
    await page.getByText('Pilih tanggal mulai dan tanggal akhir.').waitFor();
    await page.getByRole('button', { name: 'Rentang tanggal' }).click();
    const first = today.startOf('month');
    await page.getByRole('button', { name: date(first), exact: true }).click();
    await page.getByRole('button', { name: date(today), exact: true }).click();
    await page.getByText(`Periode: ${date(first)} – ${date(today)} (WIB)`).waitFor();
    await expectCounts(page, { entrepreneurs: 3, booked: 2, workshopRegistered: 1 });
    expect(new URL(page.url()).searchParams.get('from')).toBe(first.toISODate());
    expect(await checkScreen(phone, 'admin-reports-range')).toEqual(clean);
    await phone.context.close();
  });

  it('A mentor who opens the reports address gets the not-allowed screen, and the api is never asked for the funnel', async () => {
    const mentor = await stack.app.newUser(['mentor']);
    const phone = await openPhone(stack, { session: mentor });
    const asked: string[] = [];
    phone.page.on('request', (r) => {
      if (r.url().includes('/api/admin/reports')) asked.push(r.url());
    });
    await phone.page.goto('/admin/reports');
    await phone.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await phone.page.getByTestId('funnel').count()).toBe(0);
    expect(await phone.page.getByRole('heading', { name: 'Laporan', level: 1 }).count()).toBe(0);
    expect(asked).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
