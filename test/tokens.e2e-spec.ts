import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import { connect, next, settle } from './support/realtime-client';
import { releaseTogether } from './support/race';
import { TEST_KELURAHAN } from './support/test-env';
import { TestApp, type Session } from './support/test-app';

/** Rights end with their removal: a token (and a socket) lives only as long as the account's token version. */
describe('tokens end when the account changes: password, roles, disabled', () => {
  let api: TestApp;
  let admin: Session;
  const sockets: Socket[] = [];
  const open = async (token: string) => {
    const socket = await connect(api, token);
    sockets.push(socket);
    return socket;
  };
  const login = (email: string, password = 'rahasia-123') => api.post('/api/auth/login', { email, password });
  const changePassword = (token: string) => api.request('PUT', '/api/me/password', { token, body: { currentPassword: 'rahasia-123', newPassword: 'rahasia-baru-456' } });
  const setRoles = (id: string, body: unknown, token = admin.token) => api.request('PUT', `/api/users/${id}/roles`, { token, body });
  // An admin-only endpoint that changes nothing here: the body fails validation once the caller is admitted.
  const adminOnly = (token: string) => api.post('/api/users', {}, token);

  beforeAll(async () => {
    api = await TestApp.start();
    admin = await api.newUser(['admin']);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => api.close());

  describe('PUT /api/me/password', () => {
    it('ends every token issued before, on every device, and answers a fresh token that works', async () => {
      const siti = await api.newEntrepreneur();
      const laptop = (await login(siti.email)).body.accessToken as string;
      const res = await changePassword(siti.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String) });
      for (const old of [siti.token, laptop]) {
        const me = await api.get('/api/me', old);
        expect(me.status).toBe(401);
        expect(me.body.code).toBe('UNAUTHORIZED');
      }
      expect((await api.get('/api/me', res.body.accessToken)).body.id).toBe(siti.id);
    });

    it("disconnects the sockets of the old token, refuses it a new one, and keeps the fresh token's socket", async () => {
      const siti = await api.newEntrepreneur();
      const old = await open(siti.token);
      const ended = next<string>(old, 'disconnect');
      const fresh = (await changePassword(siti.token)).body.accessToken as string;
      expect(await ended).toBe('io server disconnect');
      await expect(connect(api, siti.token)).rejects.toThrow('unauthorized');
      const current = await open(fresh);
      await settle(200);
      expect(current.connected).toBe(true);
    });
  });

  describe('PUT /api/users/:id/roles', () => {
    it('after the admin role is removed, the old token is refused on an admin-only endpoint; a new sign-in carries the new roles', async () => {
      const other = await api.newUser(['admin']);
      expect((await adminOnly(other.token)).status).toBe(400);
      const res = await setRoles(other.id, { roles: ['speaker'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: other.id, roles: ['speaker'], disabled: false });
      expect((await adminOnly(other.token)).status).toBe(401);
      const again = (await login(other.email)).body.accessToken as string;
      expect((await adminOnly(again)).status).toBe(403);
      expect((await api.get('/api/me', again)).body.roles).toEqual(['speaker']);
    });

    it('takes a mentor whose mentor role was removed out of the directory and the public profile (404)', async () => {
      const mentor = await api.newUser(['mentor', 'speaker']);
      const siti = await api.newEntrepreneur();
      expect((await api.get(`/api/mentors/${mentor.id}`, siti.token)).status).toBe(200);
      expect((await setRoles(mentor.id, { roles: ['speaker'] })).status).toBe(200);
      expect((await api.get(`/api/mentors/${mentor.id}`, siti.token)).status).toBe(404);
      expect((await api.get('/api/mentors?limit=100', siti.token)).body.items.map((m: { id: string }) => m.id)).not.toContain(mentor.id);
    });

    it('adds the mentor role with its profile (400 without one), and leaves tokens alone when the roles stay the same', async () => {
      const speaker = await api.newUser(['speaker']);
      const without = await setRoles(speaker.id, { roles: ['speaker', 'mentor'] });
      expect(without.status).toBe(400);
      expect(without.body.message).toEqual(['mentor is required for the mentor role']);
      const mentor = { kelurahanCodes: [TEST_KELURAHAN[1]], topics: ['keuangan'] };
      const res = await setRoles(speaker.id, { roles: ['mentor', 'speaker'], mentor });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roles: ['mentor', 'speaker'], mentor });
      const token = (await login(speaker.email)).body.accessToken as string;
      expect((await setRoles(speaker.id, { roles: ['speaker', 'mentor'] })).status).toBe(200);
      expect((await api.get('/api/me', token)).status).toBe(200);
    });

    it('refuses an admin removing their own admin role with 409 NOT_YOURSELF, and non-admins with 403', async () => {
      const res = await setRoles(admin.id, { roles: ['mentor'], mentor: { kelurahanCodes: [TEST_KELURAHAN[0]], topics: ['keuangan'] } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_YOURSELF');
      expect((await api.get('/api/me', admin.token)).body.roles).toEqual(['admin']);
      const mentor = await api.newUser(['mentor']);
      expect((await setRoles(mentor.id, { roles: ['admin'] }, mentor.token)).status).toBe(403);
      expect((await setRoles('00000000-0000-4000-8000-000000000000', { roles: ['speaker'] })).status).toBe(404);
      expect((await setRoles(mentor.id, { roles: ['boss'] })).status).toBe(400);
    });
  });

  describe('two admins removing each other at once', () => {
    it('lets one through and refuses the other with 403, so an admin remains', async () => {
      const [first, second] = [await api.newUser(['admin']), await api.newUser(['admin'])];
      const results = await releaseTogether('users', 2, () =>
        Promise.all([setRoles(second.id, { roles: ['speaker'] }, first.token), api.post(`/api/users/${first.id}/disable`, undefined, second.token)]),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
      const [demoted, disabled] = results.map((r) => r.status === 200);
      const { body: secondNow } = await api.get('/api/me', demoted ? (await login(second.email)).body.accessToken : second.token);
      expect(secondNow.roles).toEqual(demoted ? ['speaker'] : ['admin']);
      expect((await login(first.email)).status).toBe(disabled ? 403 : 200);
    });
  });

  describe('POST /api/users/:id/disable and /enable', () => {
    it('refuses the login with 403 ACCOUNT_DISABLED, ends the old token and disconnects its socket; enabling lets the person sign in again', async () => {
      const siti = await api.newEntrepreneur();
      const socket = await open(siti.token);
      const ended = next<string>(socket, 'disconnect');
      const res = await api.post(`/api/users/${siti.id}/disable`, undefined, admin.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: siti.id, disabled: true });
      expect(await ended).toBe('io server disconnect');
      expect((await api.get('/api/me', siti.token)).status).toBe(401);
      await expect(connect(api, siti.token)).rejects.toThrow('unauthorized');
      const refused = await login(siti.email);
      expect(refused.body).toEqual({
        statusCode: 403,
        code: 'ACCOUNT_DISABLED',
        message: 'Akun ini telah dinonaktifkan oleh admin. Hubungi admin Dinas untuk mengaktifkannya kembali.',
      });
      // A wrong password says nothing about the account being disabled.
      expect((await login(siti.email, 'bukan-ini-123')).status).toBe(401);

      expect((await api.post(`/api/users/${siti.id}/enable`, undefined, admin.token)).body).toMatchObject({ disabled: false });
      expect((await api.get('/api/me', siti.token)).status).toBe(401);
      const again = await login(siti.email);
      expect(again.status).toBe(200);
      expect((await api.get('/api/me', again.body.accessToken)).body.disabled).toBe(false);
    });

    it('takes a disabled mentor out of the directory and the booking (404) until enabled', async () => {
      const mentor = await api.newUser(['mentor']);
      const siti = await api.newEntrepreneur();
      const listed = async () => (await api.get('/api/mentors?limit=100', siti.token)).body.items.some((m: { id: string }) => m.id === mentor.id);
      expect(await listed()).toBe(true);
      expect((await api.post(`/api/users/${mentor.id}/disable`, undefined, admin.token)).status).toBe(200);
      expect(await listed()).toBe(false);
      expect((await api.get(`/api/mentors/${mentor.id}`, siti.token)).status).toBe(404);
      expect((await api.get(`/api/mentors/${mentor.id}/slots?from=2032-01-05T00:00:00Z&to=2032-01-06T00:00:00Z`, siti.token)).status).toBe(404);
      const booking = await api.post('/api/consultations', { mentorId: mentor.id, start: '2032-01-05T02:00:00Z', topic: 'keuangan' }, siti.token);
      expect(booking.status).toBe(404);
      expect(booking.body.code).toBe('NOT_FOUND');
      expect((await api.post(`/api/users/${mentor.id}/enable`, undefined, admin.token)).status).toBe(200);
      expect(await listed()).toBe(true);
    });

    it('refuses an admin disabling their own account with 409 NOT_YOURSELF, non-admins with 403, unknown ids with 404', async () => {
      const res = await api.post(`/api/users/${admin.id}/disable`, undefined, admin.token);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_YOURSELF');
      expect((await api.get('/api/me', admin.token)).status).toBe(200);
      const siti = await api.newEntrepreneur();
      const mentor = await api.newUser(['mentor']);
      expect((await api.post(`/api/users/${siti.id}/disable`, undefined, mentor.token)).status).toBe(403);
      expect((await api.post(`/api/users/${siti.id}/enable`, undefined, siti.token)).status).toBe(403);
      expect((await api.post('/api/users/00000000-0000-4000-8000-000000000000/disable', undefined, admin.token)).status).toBe(404);
      expect((await api.post('/api/users/bukan-id/enable', undefined, admin.token)).status).toBe(404);
    });
  });

  describe('sockets and token expiry', () => {
    it('disconnects a socket when its token expires', async () => {
      const siti = await api.newEntrepreneur();
      const shortLived = await api.app.get(JwtService, { strict: false }).signAsync({ sub: siti.id, roles: ['entrepreneur'], ver: 0 }, { expiresIn: 2 });
      const socket = await open(shortLived);
      const ended = await next<string>(socket, 'disconnect', 5_000);
      expect(ended).toBe('io server disconnect');
      await expect(connect(api, shortLived)).rejects.toThrow('unauthorized');
    });
  });
});
