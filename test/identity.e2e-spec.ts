import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { TEST_KELURAHAN, testEnv } from './support/test-env';
import { TestApp, uniqueEmail } from './support/test-app';

describe('identity (HTTP, real MySQL and Redis)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  describe('register, login, me', () => {
    it('registers an entrepreneur and returns the profile with an access token', async () => {
      const body = api.registration({ locale: 'en' });
      const res = await api.post('/api/auth/register', body);
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({
        email: body.email,
        name: 'Siti Aminah',
        roles: ['entrepreneur'],
        locale: 'en',
        timezone: 'Asia/Jakarta',
        phone: '+6281234567890',
        business: { name: 'Konveksi Siti', type: 'konveksi', kelurahanCode: TEST_KELURAHAN[0] },
      });
      expect(res.body.user).not.toHaveProperty('passwordHash');

      const me = await api.get('/api/me', res.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body).toEqual(res.body.user);
    });

    it('logs in with the email in any letter case', async () => {
      const user = await api.newEntrepreneur();
      const res = await api.post('/api/auth/login', { email: user.email.toUpperCase(), password: 'rahasia-123' });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
      expect((await api.get('/api/me', res.body.accessToken)).body.id).toBe(user.id);
    });

    it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
      const user = await api.newEntrepreneur();
      const wrong = await api.post('/api/auth/login', { email: user.email, password: 'salah-sekali' });
      const unknown = await api.post('/api/auth/login', { email: uniqueEmail('siapa'), password: 'rahasia-123' });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' });
      }
    });

    it('refuses a second account for the same email, whatever its case, with 409 EMAIL_TAKEN', async () => {
      const first = await api.newEntrepreneur();
      const res = await api.post('/api/auth/register', api.registration({ email: first.email.toUpperCase() }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EMAIL_TAKEN');
    });

    it('creates exactly one account when the same email registers ten times at once', async () => {
      const body = api.registration();
      const results = await Promise.all(Array.from({ length: 10 }, () => api.post('/api/auth/register', body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    });
  });

  describe('invalid bodies get 400 VALIDATION_FAILED with readable messages and write nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a missing email', { email: undefined }, 'email must be a valid email address'],
      ['a bad email', { email: 'bukan-email' }, 'email must be a valid email address'],
      ['a short password', { password: 'pendek' }, 'password must have at least 8 characters'],
      ['a missing business', { business: undefined }, 'business is required: the name, type and kelurahanCode of your business'],
      ['an unknown business type', { business: { name: 'Toko', type: 'tambang', kelurahanCode: TEST_KELURAHAN[0] } }, 'business.type must be one of the following values: konveksi, kerajinan, makanan_minuman, katering, kelontong, lainnya'],
      ['a malformed kelurahan code', { business: { name: 'Toko', type: 'kelontong', kelurahanCode: 'Tebet' } }, 'business.kelurahanCode must be a kelurahan code like 31.71.09.1001'],
      ['an unknown kelurahan', { business: { name: 'Toko', type: 'kelontong', kelurahanCode: '31.71.09.9999' } }, 'business.kelurahanCode 31.71.09.9999 is not a known kelurahan'],
      ['a kecamatan given as kelurahan', { business: { name: 'Toko', type: 'kelontong', kelurahanCode: '31.71.09' } }, 'business.kelurahanCode must be a kelurahan code like 31.71.09.1001'],
      ['an extra field', { isAdmin: true }, 'isAdmin is not an allowed field'],
      ['a business that is not an object', { business: [] }, 'business must be an object'],
      ['an extra nested field', { business: { name: 'Toko', type: 'kelontong', kelurahanCode: TEST_KELURAHAN[0], omzet: 5 } }, 'business.omzet is not an allowed field'],
      ['an unknown locale', { locale: 'jv' }, 'locale must be one of the following values: id, en'],
      ['a foreign phone number', { phone: '12' }, 'phone must be an Indonesian phone number like 0812-3456-7890'],
    ];

    it.each(cases)('%s', async (_name, overrides, message) => {
      const body = api.registration(overrides);
      const res = await api.post('/api/auth/register', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(message);
      if (typeof body.email === 'string') expect(await api.countUsers(body.email)).toBe(0);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const res = await api.request('POST', '/api/auth/register', { headers: { 'content-type': 'application/json' }, body: undefined });
      expect(res.status).toBe(400);
      const broken = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toMatchObject({ statusCode: 400, message: expect.stringMatching(/JSON/) });
    });
  });

  describe('tokens', () => {
    it('answers 401 without a token, with a forged one and with an expired one', async () => {
      const user = await api.newEntrepreneur();
      const [header, payload] = user.token.split('.');
      const forgedSignature = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      const signedElsewhere = await new JwtService({ secret: 'another-secret-that-is-long-enough-000000' }).signAsync({ sub: user.id, roles: ['admin'] });
      const expired = await new JwtService({ secret: 'test-secret-that-is-long-enough-0123456789' }).signAsync(
        { sub: user.id, roles: ['entrepreneur'], exp: Math.floor(Date.now() / 1000) - 10 },
      );
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      for (const token of [undefined, 'garbage', forgedSignature, signedElsewhere, expired, unsigned]) {
        const res = await api.get('/api/me', token);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
      expect((await api.get('/api/me', user.token)).status).toBe(200);
    });
  });

  describe('admin-created accounts and roles', () => {
    it('lets an admin create a mentor whose /me shows the kelurahan and topics', async () => {
      const admin = await api.newUser(['admin']);
      const email = uniqueEmail('mentor');
      const res = await api.post(
        '/api/users',
        { email, password: 'rahasia-123', name: 'Rina Marlina', roles: ['mentor'], mentor: { kelurahanCodes: [TEST_KELURAHAN[1], TEST_KELURAHAN[0]], topics: ['perizinan', 'permodalan'] } },
        admin.token,
      );
      expect(res.status).toBe(201);
      const login = await api.post('/api/auth/login', { email, password: 'rahasia-123' });
      const me = await api.get('/api/me', login.body.accessToken);
      expect(me.body).toMatchObject({ roles: ['mentor'], mentor: { kelurahanCodes: [TEST_KELURAHAN[0], TEST_KELURAHAN[1]], topics: expect.arrayContaining(['perizinan', 'permodalan']) } });
      expect(me.body).not.toHaveProperty('business');
    });

    it('lets an admin create a speaker with an organization', async () => {
      const admin = await api.newUser(['admin']);
      const res = await api.post('/api/users', { email: uniqueEmail('speaker'), password: 'rahasia-123', name: 'Dewi', roles: ['speaker'], organization: 'Bank DKI' }, admin.token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ roles: ['speaker'], organization: 'Bank DKI' });
    });

    it('refuses a mentor without a profile, or with an unknown kelurahan, and writes nothing', async () => {
      const admin = await api.newUser(['admin']);
      const email = uniqueEmail('mentor');
      const missing = await api.post('/api/users', { email, password: 'rahasia-123', name: 'Rina', roles: ['mentor'] }, admin.token);
      expect(missing.status).toBe(400);
      expect(missing.body.message).toContain('mentor is required for the mentor role');
      const unknown = await api.post(
        '/api/users',
        { email, password: 'rahasia-123', name: 'Rina', roles: ['mentor'], mentor: { kelurahanCodes: ['31.71.09.9998'], topics: ['keuangan'] } },
        admin.token,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('mentor.kelurahanCodes has unknown kelurahan: 31.71.09.9998');
      expect(await api.countUsers(email)).toBe(0);
    });

    it('answers 400, not 500, for a mentor profile that is not an object', async () => {
      const admin = await api.newUser(['admin']);
      const res = await api.post('/api/users', { email: uniqueEmail('mentor'), password: 'rahasia-123', name: 'Rina', roles: ['mentor'], mentor: [] }, admin.token);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('mentor must be an object');
    });

    it('forbids a mentor and an entrepreneur from admin endpoints with 403', async () => {
      const mentor = await api.newUser(['mentor']);
      const entrepreneur = await api.newEntrepreneur();
      for (const caller of [mentor, entrepreneur]) {
        const res = await api.post('/api/users', { email: uniqueEmail('x'), password: 'rahasia-123', name: 'X', roles: ['admin'] }, caller.token);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
        const region = await api.post('/api/regions', { code: '31.71.09.1099', name: 'Baru', level: 'kelurahan', parentCode: '31.71.09' }, caller.token);
        expect(region.status).toBe(403);
      }
    });

    it('does not let self-registration choose roles', async () => {
      const res = await api.post('/api/auth/register', api.registration({ roles: ['admin'] }));
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('roles is not an allowed field');
    });
  });

  describe('login throttling', () => {
    it('answers 429 RATE_LIMITED with Retry-After after repeated wrong passwords for one email, even with the right one', async () => {
      const user = await api.newEntrepreneur();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await api.post('/api/auth/login', { email: user.email, password: 'salah-sekali' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const right = await api.post('/api/auth/login', { email: user.email, password: 'rahasia-123' });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('RATE_LIMITED');
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('lets no more than five wrong passwords through when they arrive at once', async () => {
      const user = await api.newEntrepreneur();
      const results = await Promise.all(Array.from({ length: 20 }, () => api.post('/api/auth/login', { email: user.email, password: 'salah-sekali' })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    });

    it('does not block a kelurahan office signing in a whole class from one IP', async () => {
      const people = await Promise.all(Array.from({ length: 25 }, () => api.newEntrepreneur()));
      for (const person of people) {
        expect((await api.post('/api/auth/login', { email: person.email, password: 'rahasia-123' })).status).toBe(200);
      }
    });
  });

  describe('behind a load balancer (TRUST_PROXY)', () => {
    // The test plays the load balancer: it appends the address it saw (the right-most entry) to whatever
    // X-Forwarded-For the client sent. A client that writes a new left-most address on every attempt is
    // still the same client.
    const CLIENT = '198.51.100.7';
    const forwarded = (ip = CLIENT) => ({ 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250) + 1}, ${ip}` });

    // 101 password checks: one form only (the registration test below covers both, at a few hashes each).
    it('counts failed logins per client IP, whatever left-most X-Forwarded-For the client sends (TRUST_PROXY as a hop count)', async () => {
      const proxied = await TestApp.start({ TRUST_PROXY: '1', REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-proxy-login` });
      try {
        const attempt = (ip?: string) => proxied.request('POST', '/api/auth/login', { body: { email: uniqueEmail('tebak'), password: 'salah-sekali' }, headers: forwarded(ip) });
        const statuses: number[] = [];
        for (let batch = 0; batch < 10; batch++) statuses.push(...(await Promise.all(Array.from({ length: 10 }, () => attempt()))).map((r) => r.status));
        expect(statuses).toEqual(Array(100).fill(401));
        const over = await attempt();
        expect(over.status).toBe(429);
        expect(over.body.code).toBe('RATE_LIMITED');
        // Another client behind the same balancer is counted apart: the IP is the balancer's entry.
        expect((await attempt('198.51.100.8')).status).toBe(401);
      } finally {
        await proxied.close();
      }
    }, 90_000);

    it.each([
      ['a hop count', '1'],
      ["the balancer's address", '127.0.0.1'],
    ])('counts self-registrations per client IP, whatever left-most X-Forwarded-For the client sends (TRUST_PROXY as %s)', async (_case, trustProxy) => {
      const proxied = await TestApp.start({ TRUST_PROXY: trustProxy, REGISTRATIONS_PER_IP_PER_HOUR: '2', REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-proxy-reg-${trustProxy.replaceAll('.', '')}` });
      try {
        const register = (ip?: string) => proxied.request('POST', '/api/auth/register', { body: proxied.registration(), headers: forwarded(ip) });
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await register()).status);
        expect(statuses).toEqual([201, 201, 429]);
        expect((await register('198.51.100.8')).status).toBe(201);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('registration limit per IP', () => {
    it('lets REGISTRATIONS_PER_IP_PER_HOUR registrations through from one IP, also when they arrive at once, and writes nothing for the rest', async () => {
      const limited = await TestApp.start({ REGISTRATIONS_PER_IP_PER_HOUR: '3', REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-reglimit` });
      try {
        const bodies = Array.from({ length: 8 }, () => limited.registration());
        const results = await Promise.all(bodies.map((body) => limited.post('/api/auth/register', body)));
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s === 201)).toHaveLength(3);
        expect(statuses.filter((s) => s === 429)).toHaveLength(5);
        const refused = results.find((r) => r.status === 429)!;
        expect(refused.body.code).toBe('RATE_LIMITED');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        const stored = await limited.app.get(DataSource).getRepository(User).countBy(bodies.map((b) => ({ email: b.email })));
        expect(stored).toBe(3);
      } finally {
        await limited.close();
      }
    });
  });
});
