import type { Locator, Page } from 'playwright-core';
import { checkScreen, openPhone, startWebStack, valueOf, type Phone, type WebStack } from './support/browser';
import { fakeWhatsApp, WHATSAPP_TOKEN } from './support/fake-whatsapp';
import { waitFor } from './support/notification-fixtures';
import { TEST_KELURAHAN } from './support/test-env';
import type { Session } from './support/test-app';

// The Dinas admin's console in a real Chromium at 360 px against the real api and worker: people (search,
// filters, edit, a new mentor with kelurahan), regions (a new kelurahan) and failed deliveries (a real
// WhatsApp failure, from a fake WhatsApp provider on loopback that answers 400, retried from the list).

const clean = { overflow: 0, violations: [], errors: [] };

/** Opens a Mantine Select by its label, optionally types to narrow it, and clicks the option. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string, search?: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true })).first();
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Chromium logs every 4xx answer as a console error, also one the screen expects: takes exactly those out. */
function answered(phone: Phone, status: number): void {
  const expected = `the server responded with a status of ${status}`;
  const rest = phone.errors.filter((e) => !e.includes(expected));
  phone.errors.splice(0, phone.errors.length, ...rest);
}

describe('web app: the admin manages people, regions and failed deliveries (fake WhatsApp provider)', () => {
  let wa: Awaited<ReturnType<typeof fakeWhatsApp>>;
  let stack: WebStack;
  let admin: Session;
  let phone: Phone;

  beforeAll(async () => {
    wa = await fakeWhatsApp();
    stack = await startWebStack('adminpeople', { WHATSAPP_API_URL: wa.url, WHATSAPP_TOKEN });
    admin = await stack.app.newUser(['admin'], { name: 'Admin Dinas' });
    phone = await openPhone(stack, { session: admin });
  }, 90_000);
  afterAll(async () => {
    await phone?.context.close();
    await stack?.close();
    await wa?.close();
  });

  const people = (page: Page) => page.getByTestId('person');
  /** The names on the directory's cards, in order. */
  const namesShown = (page: Page) => people(page).evaluateAll((cards) => cards.map((c) => c.querySelector('p')?.textContent));
  const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Admin', exact: true });

  it('finds an entrepreneur by name and business type, opens them, edits their business name (kept on the account); a taken email is refused in Indonesian', async () => {
    const rahayu = await stack.app.newEntrepreneur({ name: 'Siti Rahayu', business: { name: 'Dapur Rahayu', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] } });
    await stack.app.newEntrepreneur({ name: 'Siti Aminah' });
    await stack.app.newEntrepreneur({ name: 'Budi Santoso', business: { name: 'Katering Budi', type: 'katering', kelurahanCode: TEST_KELURAHAN[0] } });
    const { page } = phone;
    await page.goto('/admin/people');
    await page.getByRole('heading', { name: 'Pengguna', level: 1 }).waitFor();
    await people(page).first().waitFor();
    expect(await checkScreen(phone, 'admin-people')).toEqual(clean);

    await page.getByRole('searchbox', { name: 'Cari' }).fill('Siti');
    await page.waitForURL(/q=Siti/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=person]')].every((c) => c.textContent?.includes('Siti')));
    expect(await namesShown(page)).toEqual(['Siti Aminah', 'Siti Rahayu']);
    await choose(page, page, 'Jenis usaha', 'Katering');
    await page.waitForURL(/businessType=katering/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=person]').length === 1);
    expect(await namesShown(page)).toEqual(['Siti Rahayu']);
    await people(page).getByText('Dapur Rahayu · Katering').waitFor();
    // The area filter narrows too: Budi's kelurahan holds no Siti.
    await choose(page, page, 'Kecamatan', 'Tebet', 'Tebet');
    await choose(page, page, 'Kelurahan', 'Kelurahan Uji 1');
    await page.getByTestId('empty').getByText('Tidak ada pengguna yang cocok').waitFor();
    await choose(page, page, 'Kelurahan', 'Kelurahan Uji 2');
    await people(page).getByText('Siti Rahayu').waitFor();
    expect(await checkScreen(phone, 'admin-people-filtered')).toEqual(clean);

    await people(page).getByText('Siti Rahayu').click();
    await page.getByRole('heading', { name: 'Siti Rahayu', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Riwayat pendampingan' }).getAttribute('href')).toBe(`/entrepreneurs/${rahayu.id}`);
    const form = page.getByTestId('details-form');
    expect(await valueOf(form.getByLabel('Kelurahan'), 'Kelurahan Uji 2')).toBe('Kelurahan Uji 2');
    expect(await checkScreen(phone, 'admin-person')).toEqual(clean);

    await form.getByLabel('Nama usaha').fill('Katering Bu Rahayu');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await form.getByText('Perubahan tersimpan.').waitFor();
    const stored = await stack.app.get(`/api/users/${rahayu.id}`, admin.token);
    expect(stored.body.business).toEqual({ name: 'Katering Bu Rahayu', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] });
    expect(stored.body.name).toBe('Siti Rahayu');

    // Someone else's email: the api's 409 in Indonesian; nothing changes.
    const other = await stack.app.newEntrepreneur();
    await form.getByLabel('Email').fill(other.email);
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await form.getByText('Email ini sudah dipakai akun lain.').waitFor();
    answered(phone, 409);
    expect((await stack.app.get(`/api/users/${rahayu.id}`, admin.token)).body.email).toBe(rahayu.email);
  }, 120_000);

  it('creates a mentor assigned to a kelurahan with topics; the form first names what is missing; the mentor can sign in and is in the directory for that kelurahan', async () => {
    const { page } = phone;
    await page.goto('/admin/people');
    await page.getByRole('link', { name: 'Tambah pengguna' }).click();
    await page.getByRole('heading', { name: 'Tambah pengguna', level: 1 }).waitFor();
    const form = page.getByTestId('new-person');
    await form.getByLabel('Pendamping', { exact: true }).check();
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await form.getByText('Nama minimal 2 huruf.').waitFor();
    await form.getByText('Kata sandi minimal 8 karakter.').waitFor();
    await form.getByText('Pilih minimal satu topik.').waitFor();
    await form.getByText('Pilih minimal satu kelurahan.').waitFor();

    const email = `rina.${Date.now()}@uji.pendamping.id`;
    await form.getByLabel('Nama lengkap').fill('Rina Pendamping');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Kata sandi awal').fill('rahasia-123');
    await form.getByLabel('Nomor ponsel (WhatsApp)').fill('0812-7777-8888');
    await form.getByLabel('Permodalan').check();
    await form.getByLabel('Pemasaran').check();
    await choose(page, form, 'Kelurahan yang didampingi', 'Tebet', 'Tebet');
    await form.getByRole('checkbox', { name: 'Kelurahan Uji 3' }).check();
    await form.getByTestId('assigned').getByText('Kelurahan Uji 3').waitFor();
    expect(await checkScreen(phone, 'admin-person-new')).toEqual(clean);
    await form.getByRole('button', { name: 'Buat akun' }).click();

    await page.getByRole('heading', { name: 'Rina Pendamping', level: 1 }).waitFor();
    await page.getByText('Akun Rina Pendamping dibuat.').waitFor();
    const id = page.url().split('/').pop()!;
    const created = await stack.app.get(`/api/users/${id}`, admin.token);
    expect(created.body).toMatchObject({ email, name: 'Rina Pendamping', roles: ['mentor'], phone: '+6281277778888', mentor: { kelurahanCodes: [TEST_KELURAHAN[2]], topics: ['permodalan', 'pemasaran'] } });
    const login = await stack.app.post('/api/auth/login', { email, password: 'rahasia-123' });
    expect(login.status).toBe(200);
    const directory = await stack.app.get(`/api/mentors?kelurahan=${TEST_KELURAHAN[2]}&limit=100`, login.body.accessToken);
    expect(directory.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({ assigned: true });

    // Her assignment moves to another kelurahan from her page.
    const roles = page.getByTestId('roles-form');
    await roles.getByRole('checkbox', { name: 'Kelurahan Uji 1' }).check();
    await roles.getByRole('button', { name: 'Hapus Kelurahan Uji 3' }).click();
    await roles.getByRole('button', { name: 'Simpan peran' }).click();
    await roles.getByText('Peran dan penugasan tersimpan.').waitFor();
    expect((await stack.app.get(`/api/users/${id}`, admin.token)).body.mentor.kelurahanCodes).toEqual([TEST_KELURAHAN[0]]);
  }, 120_000);

  it('disables an account after confirming, and enables it again', async () => {
    const person = await stack.app.newEntrepreneur({ name: 'Dewi Lestari' });
    const { page } = phone;
    await page.goto(`/admin/people/${person.id}`);
    await page.getByRole('heading', { name: 'Dewi Lestari', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nonaktifkan akun Dewi Lestari?' });
    await dialog.waitFor();
    expect(await checkScreen(phone, 'admin-person-disable')).toEqual(clean);
    await dialog.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByTestId('status').getByText('Akun nonaktif: pengguna tidak dapat masuk.').waitFor();
    expect((await stack.app.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).body.code).toBe('ACCOUNT_DISABLED');
    await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, aktifkan' }).click();
    await page.getByTestId('status').getByText('Akun aktif: pengguna dapat masuk.').waitFor();
    expect((await stack.app.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).status).toBe(200);
  }, 60_000);

  it("adds a kelurahan to a kecamatan: a wrong code is named first, a taken code is the api's 409 in Indonesian, then the new one is listed and offered in the pickers", async () => {
    const { page } = phone;
    await page.goto('/admin/people');
    await adminNav(page).getByRole('link', { name: 'Wilayah' }).click();
    await page.getByRole('heading', { name: 'Wilayah', level: 1 }).waitFor();
    await choose(page, page, 'Kota/kabupaten', 'Kota Administrasi Jakarta Selatan');
    await page.getByRole('button', { name: /^Tebet/ }).click();
    const panel = page.locator('[data-code="31.71.09"]');
    await panel.getByTestId('kelurahan-list').getByText('Kelurahan Uji 1').waitFor();
    const add = panel.getByTestId('add-kelurahan');
    await add.getByLabel('Nama kelurahan').fill('Manggarai Selatan');
    await add.getByLabel('Kode Kemendagri').fill('31.71.08.1005');
    await add.getByRole('button', { name: 'Tambah kelurahan' }).click();
    await add.getByText('Kode harus diawali 31.71.09. lalu 4 angka', { exact: false }).waitFor();
    await add.getByLabel('Kode Kemendagri').fill(TEST_KELURAHAN[0]);
    await add.getByRole('button', { name: 'Tambah kelurahan' }).click();
    await add.getByText('Kode ini sudah dipakai wilayah lain.', { exact: false }).waitFor();
    answered(phone, 409);
    expect(await checkScreen(phone, 'admin-regions-error')).toEqual(clean);

    await add.getByLabel('Kode Kemendagri').fill('31.71.09.1006');
    await add.getByRole('button', { name: 'Tambah kelurahan' }).click();
    await add.getByText('Kelurahan Manggarai Selatan (31.71.09.1006) ditambahkan.').waitFor();
    await panel.locator('[data-code="31.71.09.1006"]').getByText('Manggarai Selatan').waitFor();
    expect(await add.getByLabel('Nama kelurahan').inputValue()).toBe('');
    const listed = await stack.app.get('/api/regions?parent=31.71.09&limit=100');
    expect(listed.body.items).toContainEqual({ code: '31.71.09.1006', name: 'Manggarai Selatan', level: 'kelurahan', parentCode: '31.71.09' });
    expect(await checkScreen(phone, 'admin-regions')).toEqual(clean);

    // The people filter offers it at once (the region queries were read again).
    await adminNav(page).getByRole('link', { name: 'Pengguna' }).click();
    await choose(page, page, 'Kecamatan', 'Tebet', 'Tebet');
    await choose(page, page, 'Kelurahan', 'Manggarai Selatan');
  }, 90_000);

  it('a WhatsApp message the provider refused is listed with its recipient, message, cause and time in WIB; retried from the list, it leaves the list and is delivered', async () => {
    const person = await stack.app.newEntrepreneur({ name: 'Ani Wulandari', phone: '0812-5555-1212' });
    wa.script.set('6281255551212', [400]);
    const start = new Date(Date.now() + 3 * 86_400_000);
    const sessions = [{ start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString() }];
    const workshop = await stack.app.post('/api/workshops', { title: 'Foto Produk', description: 'Praktik.', topic: 'pemasaran', capacity: 10, speakerIds: [], sessions }, admin.token);
    expect((await stack.app.post(`/api/workshops/${workshop.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    expect((await stack.app.post(`/api/workshops/${workshop.body.id}/registrations`, undefined, person.token)).status).toBe(201);
    const failedList = () => stack.app.get('/api/admin/notification-deliveries?limit=100', admin.token);
    const failed = (await waitFor(failedList, (r) => r.body.items.some((d: { userId: string }) => d.userId === person.id), 30_000)).body.items.find((d: { userId: string }) => d.userId === person.id);
    expect(failed).toMatchObject({ channel: 'whatsapp', status: 'failed', type: 'workshop.registered' });

    const { page } = phone;
    await page.goto('/admin/people');
    await adminNav(page).getByRole('link', { name: 'Pengiriman' }).click();
    await page.getByRole('heading', { name: 'Pengiriman gagal', level: 1 }).waitFor();
    const card = page.locator(`[data-testid=delivery][data-id="${failed.id}"]`);
    await card.getByText('Pendaftaran workshop').waitFor();
    await card.getByText('WhatsApp', { exact: true }).waitFor();
    await card.getByText('Ani Wulandari').waitFor();
    await card.getByText('(+6281255551212)').waitFor();
    await card.getByText('400', { exact: false }).first().waitFor();
    expect(await card.textContent()).toMatch(/\w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB/);
    expect(await page.getByRole('button', { name: 'Buka dasbor antrean' }).isVisible()).toBe(true);
    expect(await checkScreen(phone, 'admin-deliveries')).toEqual(clean);

    await card.getByRole('button', { name: 'Kirim ulang Pendaftaran workshop untuk Ani Wulandari' }).click();
    await page.getByText('Dikirim ulang: Pendaftaran workshop untuk Ani Wulandari.').waitFor();
    await card.waitFor({ state: 'detached' });
    // Delivered on the second try, and not listed again when the page is read afresh.
    await waitFor(() => Promise.resolve(wa.to('6281255551212').length), (n) => n === 2, 20_000);
    const after = await waitFor(failedList, (r) => !r.body.items.some((d: { id: string }) => d.id === failed.id), 20_000);
    expect(after.body.items.map((d: { id: string }) => d.id)).not.toContain(failed.id);
    await page.reload();
    await page.getByRole('heading', { name: 'Pengiriman gagal', level: 1 }).waitFor();
    await page.getByTestId('empty').or(page.getByTestId('deliveries')).first().waitFor();
    expect(await page.locator(`[data-testid=delivery][data-id="${failed.id}"]`).count()).toBe(0);
    expect(wa.malformed).toEqual([]);
  }, 120_000);

  it('an entrepreneur opening the admin pages sees the not-allowed screen, and the api refuses the same calls with 403', async () => {
    const person = await stack.app.newEntrepreneur();
    const other = await openPhone(stack, { session: person });
    for (const path of ['/admin/workshops', '/admin/people', '/admin/regions', '/admin/notifications', '/admin/reports']) {
      await other.page.goto(path);
      await other.page.getByTestId('not-allowed').waitFor();
      await other.page.getByText('Halaman ini hanya untuk admin program.', { exact: false }).waitFor();
    }
    expect(await checkScreen(other, 'admin-not-allowed')).toEqual(clean);
    // Hiding the page is not the guard: the api answers the calls these pages make with 403.
    for (const path of ['/api/admin/workshops', '/api/users?q=sari', '/api/admin/notification-deliveries', '/api/admin/reports/funnel']) {
      const res = await stack.app.get(path, person.token);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
    }
    expect(other.errors).toEqual([]);
    await other.context.close();
  }, 60_000);
});
