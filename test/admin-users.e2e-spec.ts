import { DataSource } from 'typeorm';
import { EntrepreneurProfile, User } from '@pendamping/identity';
import { LogCapture } from './support/log-capture';
import { TEST_KELURAHAN } from './support/test-env';
import { TestApp, uniqueEmail, type Session } from './support/test-app';

// PATCH /api/users/:id: an admin correcting someone's details (real MySQL and Redis).

describe("admins edit people's details (PATCH /api/users/:id)", () => {
  const logs = new LogCapture();
  let api: TestApp;
  let admin: Session;

  beforeAll(async () => {
    api = await TestApp.start({ LOG_LEVEL: 'info' }, { imports: [logs.module()] });
    admin = await api.newUser(['admin']);
  });
  afterAll(() => api.close());

  const patch = (id: string, body: unknown, token = admin.token) => api.request('PATCH', `/api/users/${id}`, { token, body });
  const row = (id: string) => api.app.get(DataSource).getRepository(User).findOneByOrFail({ id });

  it("changes an entrepreneur's name, email, phone, zone, language and business; the answer is the new user, the rest stays, and the person still signs in with the new email", async () => {
    const person = await api.newEntrepreneur({ name: 'Siti Aminah' });
    const email = uniqueEmail('baru');
    const res = await patch(person.id, {
      name: '  Siti Rahmawati ',
      email: `  ${email.toUpperCase()} `,
      phone: '0813-2222-3333',
      timezone: 'Asia/Makassar',
      locale: 'en',
      business: { name: 'Katering Siti', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: person.id,
      name: 'Siti Rahmawati',
      email,
      phone: '+6281322223333',
      timezone: 'Asia/Makassar',
      locale: 'en',
      roles: ['entrepreneur'],
      disabled: false,
      business: { name: 'Katering Siti', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] },
    });
    // Their token still works (nothing about their rights changed), and /api/me says the same.
    expect((await api.get('/api/me', person.token)).body).toEqual(res.body);
    expect((await api.post('/api/auth/login', { email, password: 'rahasia-123' })).status).toBe(200);
    expect((await api.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).status).toBe(401);

    // A partial change leaves everything else as it was; null removes the phone.
    const partial = await patch(person.id, { phone: null, business: { type: 'kelontong' } });
    expect(partial.status).toBe(200);
    expect(partial.body).toEqual({ ...res.body, phone: null, business: { ...res.body.business, type: 'kelontong' } });
  });

  it("sets and removes a speaker's organization", async () => {
    const speaker = await api.newUser(['speaker']);
    expect((await patch(speaker.id, { organization: ' Bank DKI ' })).body.organization).toBe('Bank DKI');
    expect((await patch(speaker.id, { organization: null })).body.organization).toBeNull();
  });

  it('logs who changed which fields, never the values', async () => {
    const person = await api.newEntrepreneur();
    const email = uniqueEmail('jejak');
    expect((await patch(person.id, { email, phone: '0814-5555-6666' })).status).toBe(200);
    const lines = logs.containing('an admin changed account details').map((line) => JSON.parse(line));
    const mine = lines.find((l) => l.userId === person.id);
    expect(mine).toMatchObject({ adminId: admin.id, userId: person.id, fields: ['phone', 'email'] });
    expect(logs.text()).not.toContain(email);
    expect(logs.text()).not.toContain('6281455556666');
  });

  it('answers 409 EMAIL_TAKEN for an email another account has (in any letter case), and writes none of the other fields', async () => {
    const [a, b] = [await api.newEntrepreneur({ name: 'Ani Lestari' }), await api.newEntrepreneur()];
    const res = await patch(a.id, { name: 'Nama Lain', email: b.email.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
    const stored = await row(a.id);
    expect([stored.name, stored.email]).toEqual(['Ani Lestari', a.email]);
    // Their own email again is no conflict.
    expect((await patch(a.id, { email: a.email })).status).toBe(200);
  });

  it.each([
    ['a short name', { name: 'A' }, 'name'],
    ['a malformed email', { email: 'bukan-email' }, 'email'],
    ['a phone that is not Indonesian', { phone: '12345' }, 'phone'],
    ['an unknown zone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['an unknown language', { locale: 'fr' }, 'locale'],
    ['an unknown business type', { business: { type: 'tambang' } }, 'type'],
    ['a malformed kelurahan code', { business: { kelurahanCode: '31.71' } }, 'kelurahanCode'],
    ['a kelurahan that does not exist', { business: { kelurahanCode: '31.71.09.9999' } }, 'kelurahanCode'],
    ['a name of null', { name: null }, 'name'],
    ['a field that is not editable here', { roles: ['admin'] }, 'roles'],
  ])('answers 400 VALIDATION_FAILED naming the field for %s, and changes nothing', async (_what, body, field) => {
    const person = await api.newEntrepreneur();
    const before = await row(person.id);
    const res = await patch(person.id, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.message)).toContain(field);
    expect(await row(person.id)).toEqual(before);
  });

  it('answers 400 for business fields of someone who has no business, and writes nothing else', async () => {
    const mentor = await api.newUser(['mentor'], { name: 'Rina Pendamping' });
    const res = await patch(mentor.id, { name: 'Rina Baru', business: { name: 'Usaha' } });
    expect(res.status).toBe(400);
    expect(res.body.message.join(' ')).toContain('business is only allowed with the entrepreneur role');
    expect((await row(mentor.id)).name).toBe('Rina Pendamping');
    expect(await api.app.get(DataSource).getRepository(EntrepreneurProfile).existsBy({ userId: mentor.id })).toBe(false);
  });

  it('is for admins only: 403 for an entrepreneur, a mentor and a speaker (also on themselves), 401 without a token', async () => {
    const person = await api.newEntrepreneur({ name: 'Dewi Sartika' });
    for (const who of [person, await api.newUser(['mentor']), await api.newUser(['speaker'])]) {
      const res = await patch(person.id, { name: 'Diubah Orang Lain' }, who.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await api.request('PATCH', `/api/users/${person.id}`, { body: { name: 'Tanpa Token' } })).status).toBe(401);
    expect((await row(person.id)).name).toBe('Dewi Sartika');
  });

  describe("a mentor's kelurahan and topics (PUT /api/users/:id/roles)", () => {
    const roles = (id: string, body: unknown) => api.request('PUT', `/api/users/${id}/roles`, { token: admin.token, body });

    it('mentor given again replaces their kelurahan and topics; the directory follows, and their token still works (the roles did not change)', async () => {
      const mentor = await api.newUser(['mentor'], { name: 'Rina Penugasan' });
      const res = await roles(mentor.id, { roles: ['mentor'], mentor: { kelurahanCodes: [TEST_KELURAHAN[2], TEST_KELURAHAN[1]], topics: ['pemasaran'] } });
      expect(res.status).toBe(200);
      expect(res.body.mentor).toEqual({ kelurahanCodes: [TEST_KELURAHAN[1], TEST_KELURAHAN[2]], topics: ['pemasaran'] });
      const profile = await api.get(`/api/mentors/${mentor.id}?kelurahan=${TEST_KELURAHAN[2]}`, mentor.token);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ assigned: true, topics: ['pemasaran'], kelurahanCodes: [TEST_KELURAHAN[1], TEST_KELURAHAN[2]] });
      expect((await api.get(`/api/mentors/${mentor.id}?kelurahan=${TEST_KELURAHAN[0]}`, mentor.token)).body.assigned).toBe(false);
    });

    it('an unknown kelurahan in the new assignment is a 400 and the old assignment stays', async () => {
      const mentor = await api.newUser(['mentor']);
      const res = await roles(mentor.id, { roles: ['mentor'], mentor: { kelurahanCodes: ['31.71.09.9999'], topics: ['pemasaran'] } });
      expect(res.status).toBe(400);
      expect((await api.get(`/api/users/${mentor.id}`, admin.token)).body.mentor).toEqual({ kelurahanCodes: [TEST_KELURAHAN[0]], topics: ['permodalan'] });
    });

    it('a business given again for an entrepreneur is still a 400 (PATCH changes it)', async () => {
      const person = await api.newEntrepreneur();
      const res = await roles(person.id, { roles: ['entrepreneur'], business: { name: 'Usaha Lain', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[0] } });
      expect(res.status).toBe(400);
      expect(res.body.message.join(' ')).toContain('business: this person already has one');
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await patch('0190a3b4-0000-7000-8000-000000000000', { name: 'Siapa' })).status).toBe(404);
    expect((await patch('bukan-id', { name: 'Siapa' })).status).toBe(404);
  });
});
