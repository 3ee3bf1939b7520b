import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { connect, sendNoFault } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';
import { bookedConsultation } from './support/video-fixtures';

/** `{"a":[[[…]]]}` nested `depth` levels, as text (about 10 KB at 5,000): JSON.stringify itself would overflow here. */
const nestedJson = (depth: number) => `{"a":${'['.repeat(depth)}0${']'.repeat(depth)}}`;

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));

describe('hostile input: deep nesting and control characters get a 400 and write nothing', () => {
  let app: TestApp;
  let admin: Session;
  let mentor: Session;
  let entrepreneur: Session;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    mentor = await app.newUser(['mentor']);
    [entrepreneur] = await app.newEntrepreneurs(1);
    const set = await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay } });
    expect(set.status).toBe(200);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => app.close());

  const refused = (res: { status: number; body: { code?: string; message?: string | string[] } }, words: string) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(([] as string[]).concat(res.body.message ?? []).join(' ')).toContain(words);
  };

  describe('a body nested 5,000 levels deep', () => {
    it.each([
      ['POST', '/api/auth/login', () => undefined],
      ['POST', '/api/consultations', () => entrepreneur.token],
      ['PUT', '/api/mentors/me/availability', () => mentor.token],
    ])('%s %s answers 400, not a stack overflow', async (method, path, token) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token()) headers.authorization = `Bearer ${token()}`;
      const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body: nestedJson(5_000) });
      refused({ status: res.status, body: await res.json() }, 'levels deep');
    });

    it('as a socket payload gets a VALIDATION_FAILED ack, and the connection lives on', async () => {
      const socket = await connect(app, entrepreneur.token);
      sockets.push(socket);
      const ack = await sendNoFault(socket, 'consultation:message', { consultationId: randomUUID(), clientMessageId: 'deep-1', body: 'halo', ...JSON.parse(nestedJson(1_000)) });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(String(ack.ok === false && ack.error.message)).toContain('levels deep');
      expect(socket.connected).toBe(true);
      expect((await sendNoFault(socket, 'consultation:join', { consultationId: randomUUID() })).ok).toBe(false);
    });

    it('a workshop with its sessions (a few levels) is still fine', async () => {
      const start = new Date(Date.now() + 40 * 86_400_000);
      const res = await app.post(
        '/api/workshops',
        { title: 'Pencatatan Keuangan', description: 'Baris satu.\nBaris dua.', topic: 'keuangan', capacity: 10, speakerIds: [], sessions: [{ start, end: new Date(start.getTime() + 3_600_000) }] },
        admin.token,
      );
      expect(res.status).toBe(201);
      expect(res.body.description).toBe('Baris satu.\nBaris dua.');
    });
  });

  describe('control characters in human text', () => {
    // A bare CR is what broke out of an .ics line; U+202E turns text around on screen; NUL and BEL are never text.
    const INJECTION = 'Rapat\rEND:VEVENT\rBEGIN:VEVENT';

    it('a booking note with a bare CR is refused and nothing is booked; line breaks and tabs are kept, CRLF becomes LF', async () => {
      const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const to = new Date(Date.now() + 4 * 86_400_000).toISOString();
      const slots = (await app.get(`/api/mentors/${mentor.id}/slots?from=${from}&to=${to}`, entrepreneur.token)).body.items as { start: string }[];
      const book = (note: string, start = slots[0].start) => app.post('/api/consultations', { mentorId: mentor.id, start, topic: 'permodalan', note }, entrepreneur.token);
      refused(await book(INJECTION), 'note must be plain text');
      refused(await book('oke\u0000'), 'note must be plain text');
      expect(await app.app.get(DataSource).getRepository(Consultation).countBy({ mentorId: mentor.id })).toBe(0);

      const booked = await book('Baris satu\r\nBaris dua\n\tdengan tab');
      expect(booked.status).toBe(201);
      const stored = await app.app.get(DataSource).getRepository(Consultation).findOneByOrFail({ id: booked.body.id });
      expect(stored.note).toBe('Baris satu\nBaris dua\n\tdengan tab');

      refused(await app.post(`/api/consultations/${booked.body.id}/cancel`, { reason: 'Ada\u0007urusan' }, entrepreneur.token), 'reason must be plain text');
      expect((await app.get(`/api/consultations/${booked.body.id}`, entrepreneur.token)).body.status).toBe('booked');
    });

    it.each<[string, string, string, () => string, Record<string, unknown>, string]>([
      ['a region name with CR', 'POST', '/api/regions', () => admin.token, { code: '31.79', name: `Kota${'\r'}Uji`, level: 'kota' }, 'name must be plain text on one line'],
      ['a workshop title with a line break', 'POST', '/api/workshops', () => admin.token, { title: 'Judul\nbaru', description: 'x', topic: 'keuangan', capacity: 5, speakerIds: [] }, 'title must be plain text on one line'],
      ['a workshop description with U+202E', 'POST', '/api/workshops', () => admin.token, { title: 'Judul', description: 'gnp.exe\u202Etxt', topic: 'keuangan', capacity: 5, speakerIds: [] }, 'description must be plain text'],
      ['an outcome summary with NUL', 'POST', `/api/consultations/${randomUUID()}/outcome`, () => mentor.token, { summary: 'Ringkas\u0000', actions: [] }, 'summary must be plain text'],
      ['an outcome action on two lines', 'POST', `/api/consultations/${randomUUID()}/outcome`, () => mentor.token, { summary: 'Ringkas', actions: ['Urus NIB\rBEGIN:VEVENT'] }, 'each action must be plain text on one line'],
      ['a business name with CR', 'PATCH', '/api/me', () => entrepreneur.token, { business: { name: `Kue${'\r'}Rina` } }, 'business.name must be plain text on one line'],
    ])('%s: 400 (%s %s)', async (_what, method, path, token, body, words) => {
      refused(await app.request(method, path, { token: token(), body }), words);
    });

    it('over the socket: a chat message, a question and a poll option with control characters get VALIDATION_FAILED acks', async () => {
      const c = await bookedConsultation(app, mentor.id, entrepreneur.id);
      const socket = await connect(app, entrepreneur.token);
      sockets.push(socket);
      const chat = await sendNoFault(socket, 'consultation:message', { consultationId: c.id, clientMessageId: 'ctl-1', body: `halo${'\r'}END:VEVENT` });
      expect(chat).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const ask = await sendNoFault(socket, 'workshop:question', { sessionId: randomUUID(), body: 'tanya\u0000' });
      expect(ask).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const speaker = await connect(app, admin.token);
      sockets.push(speaker);
      const poll = await sendNoFault(speaker, 'workshop:poll:open', { sessionId: randomUUID(), question: 'Pilih', options: ['Ya', 'Ti\ndak'] });
      expect(poll).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      // A message on several lines is fine.
      await sendNoFault(socket, 'consultation:join', { consultationId: c.id });
      expect(await sendNoFault(socket, 'consultation:message', { consultationId: c.id, clientMessageId: 'ctl-2', body: 'baris 1\nbaris 2' })).toMatchObject({ ok: true, data: { body: 'baris 1\nbaris 2' } });
    });
  });
});
