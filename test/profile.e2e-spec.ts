import { DataSource } from 'typeorm';
import { TEST_KELURAHAN } from './support/test-env';
import { TestApp } from './support/test-app';

describe('editing my own account: PATCH /api/me, PUT /api/me/password', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  const patchMe = (token: string, body: unknown) => api.request('PATCH', '/api/me', { token, body });
  const changePassword = (token: string, body: unknown) => api.request('PUT', '/api/me/password', { token, body });

  describe('PATCH /api/me', () => {
    it('changes name, phone, zone, language and business, answers the new /me and keeps the rest', async () => {
      const siti = await api.newEntrepreneur();
      const before = (await api.get('/api/me', siti.token)).body;
      const res = await patchMe(siti.token, {
        name: '  Siti Rahmawati ',
        phone: '0813-1111-2222',
        timezone: 'Asia/Makassar',
        locale: 'en',
        business: { name: 'Katering Siti', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] },
      });
      expect(res.status).toBe(200);
      const expected = {
        ...before,
        name: 'Siti Rahmawati',
        phone: '+6281311112222',
        timezone: 'Asia/Makassar',
        locale: 'en',
        business: { name: 'Katering Siti', type: 'katering', kelurahanCode: TEST_KELURAHAN[1] },
      };
      expect(res.body).toEqual(expected);
      expect((await api.get('/api/me', siti.token)).body).toEqual(expected);
    });

    it('changes only what is given: one business field, nothing else', async () => {
      const siti = await api.newEntrepreneur();
      const before = (await api.get('/api/me', siti.token)).body;
      const res = await patchMe(siti.token, { business: { type: 'kerajinan' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...before, business: { ...before.business, type: 'kerajinan' } });
      expect((await patchMe(siti.token, {})).body).toEqual(res.body);
    });

    it('removes the phone number with null and writes a zone the way the zone database spells it', async () => {
      const siti = await api.newEntrepreneur();
      const res = await patchMe(siti.token, { phone: null, timezone: 'asia/jayapura' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ phone: null, timezone: 'Asia/Jayapura' });
    });

    it('keeps one language: the one set here is the notifications language, and the other way round', async () => {
      const siti = await api.newEntrepreneur();
      await patchMe(siti.token, { locale: 'en' });
      expect((await api.get('/api/me/notification-preferences', siti.token)).body.locale).toBe('en');
      const put = await api.request('PUT', '/api/me/notification-preferences', { token: siti.token, body: { email: false, whatsapp: true, inApp: true, locale: 'id' } });
      expect(put.body).toEqual({ email: false, whatsapp: true, inApp: true, locale: 'id' });
      expect((await api.get('/api/me', siti.token)).body.locale).toBe('id');
      await patchMe(siti.token, { locale: 'en' });
      expect((await api.get('/api/me/notification-preferences', siti.token)).body).toEqual({ email: false, whatsapp: true, inApp: true, locale: 'en' });
    });

    it('moves a language chosen in the preferences before there was one setting onto the account (migration LocaleOnAccount)', async () => {
      const siti = await api.newEntrepreneur();
      const db = api.app.get(DataSource);
      await db.query('INSERT INTO notification_preferences (userId, email, whatsapp, locale) VALUES (?, 1, 0, ?)', [siti.id, 'en']);
      const migration = db.migrations.find((m) => m.name?.startsWith('LocaleOnAccount'))!;
      const runner = db.createQueryRunner();
      try {
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect((await api.get('/api/me', siti.token)).body.locale).toBe('en');
      expect(await db.query('SELECT locale, whatsapp FROM notification_preferences WHERE userId = ?', [siti.id])).toEqual([{ locale: null, whatsapp: 0 }]);
    });

    it('lets a mentor change their details', async () => {
      const mentor = await api.newUser(['mentor']);
      const res = await patchMe(mentor.token, { name: 'Rina Marlina', timezone: 'Asia/Jakarta' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Rina Marlina', roles: ['mentor'], mentor: { kelurahanCodes: [TEST_KELURAHAN[0]] } });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a control character in the name', { name: 'Siti\u0007Aminah' }, 'name must be plain text on one line, without control characters'],
      ['a line break in the business name', { business: { name: 'Toko\nSiti' } }, 'business.name must be plain text on one line, without control characters'],
      ['a right-to-left override in the name', { name: 'Siti \u202Enimha' }, 'name must be plain text on one line, without control characters'],
      ['a null name', { name: null }, 'name must not be null (leave it out to keep it as it is)'],
      ['a one-letter name', { name: 'S' }, 'name must be longer than or equal to 2 characters'],
      ['an unknown zone', { timezone: 'Asia/Atlantis' }, 'timezone must be an IANA time zone such as Asia/Jakarta'],
      ['an offset instead of a zone', { timezone: '+07:00' }, 'timezone must be an IANA time zone such as Asia/Jakarta'],
      ['an unknown language', { locale: 'jv' }, 'locale must be one of the following values: id, en'],
      ['a foreign phone number', { phone: '12' }, 'phone must be an Indonesian phone number like 0812-3456-7890'],
      ['an unknown business type', { business: { type: 'tambang' } }, 'business.type must be one of the following values: konveksi, kerajinan, makanan_minuman, katering, kelontong, lainnya'],
      ['a kecamatan as kelurahan', { business: { kelurahanCode: '31.71.09' } }, 'business.kelurahanCode must be a kelurahan code like 31.71.09.1001'],
      ['an unknown kelurahan', { business: { kelurahanCode: '31.71.09.9999' } }, 'business.kelurahanCode 31.71.09.9999 is not a known kelurahan'],
      ['an email change', { email: 'baru@uji.pendamping.id' }, 'email is not an allowed field'],
      ['a role change', { roles: ['admin'] }, 'roles is not an allowed field'],
    ];

    it.each(invalid)('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_name, body, message) => {
      const siti = await api.newEntrepreneur();
      const before = (await api.get('/api/me', siti.token)).body;
      const res = await patchMe(siti.token, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(message);
      expect((await api.get('/api/me', siti.token)).body).toEqual(before);
    });

    it('refuses a business for someone who is not an entrepreneur', async () => {
      const speaker = await api.newUser(['speaker']);
      const res = await patchMe(speaker.token, { business: { name: 'Toko Dewi' } });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('business is only allowed with the entrepreneur role');
    });

    it('needs a token', async () => {
      expect((await patchMe('', { name: 'Siapa' })).status).toBe(401);
    });
  });

  describe('PUT /api/me/password', () => {
    it('changes the password: 200 with a fresh token, the new one signs in, the old one no longer does, and the token in hand has ended', async () => {
      const siti = await api.newEntrepreneur();
      const res = await changePassword(siti.token, { currentPassword: 'rahasia-123', newPassword: 'rahasia-baru-456' });
      expect(res.status).toBe(200);
      expect((await api.post('/api/auth/login', { email: siti.email, password: 'rahasia-123' })).status).toBe(401);
      expect((await api.post('/api/auth/login', { email: siti.email, password: 'rahasia-baru-456' })).status).toBe(200);
      expect((await api.get('/api/me', siti.token)).status).toBe(401);
      expect((await api.get('/api/me', res.body.accessToken)).status).toBe(200);
    });

    it('refuses a wrong current password with 403 WRONG_PASSWORD and keeps the old one', async () => {
      const siti = await api.newEntrepreneur();
      const res = await changePassword(siti.token, { currentPassword: 'bukan-ini-123', newPassword: 'rahasia-baru-456' });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403, code: 'WRONG_PASSWORD', message: 'The current password is wrong' });
      expect((await api.post('/api/auth/login', { email: siti.email, password: 'rahasia-123' })).status).toBe(200);
    });

    it('counts wrong current passwords as failed sign-ins: the sixth in a row is 429 RATE_LIMITED', async () => {
      const siti = await api.newEntrepreneur();
      const wrong = { currentPassword: 'tebak-tebakan', newPassword: 'rahasia-baru-456' };
      for (let i = 0; i < 5; i++) expect((await changePassword(siti.token, wrong)).status).toBe(403);
      const limited = await changePassword(siti.token, wrong);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a short new password', { currentPassword: 'rahasia-123', newPassword: 'pendek' }, 'newPassword must have at least 8 characters'],
      ['the same password again', { currentPassword: 'rahasia-123', newPassword: 'rahasia-123' }, 'newPassword must differ from currentPassword'],
      ['no current password', { newPassword: 'rahasia-baru-456' }, 'currentPassword must be a string'],
    ];

    it.each(invalid)('refuses %s with 400 VALIDATION_FAILED', async (_name, body, message) => {
      const siti = await api.newEntrepreneur();
      const res = await changePassword(siti.token, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(message);
      expect((await api.post('/api/auth/login', { email: siti.email, password: 'rahasia-123' })).status).toBe(200);
    });
  });
});
