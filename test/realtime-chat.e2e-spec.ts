import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { ChatMessage } from '@pendamping/realtime';
import { connect, eventually, next, ok, record, send, settle } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';

describe('realtime: consultation chat', () => {
  let app: TestApp;
  let admin: Session;
  const sockets: Socket[] = [];
  const open = async (who: Session) => {
    const socket = await connect(app, who.token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => app.close());

  /** A booked consultation written straight to the database (booking has its own suite). */
  async function consultation(): Promise<{ id: string; mentor: Session; entrepreneur: Session }> {
    const mentor = await app.newUser(['mentor']);
    const [entrepreneur] = await app.newEntrepreneurs(1);
    const start = new Date(Date.now() + 86_400_000);
    const id = newId();
    await app.app.get(DataSource).getRepository(Consultation).insert({ id, mentorId: mentor.id, entrepreneurId: entrepreneur.id, start, end: new Date(start.getTime() + 1_800_000), topic: 'permodalan', status: 'booked' });
    return { id, mentor, entrepreneur };
  }
  const message = (consultationId: string, body: string, clientMessageId: string = randomUUID()) => ({ consultationId, clientMessageId, body });
  const stored = (consultationId: string) => app.app.get(DataSource).getRepository(ChatMessage).countBy({ consultationId });

  it('carries messages between the entrepreneur and the mentor, stored before the ack, as plain text', async () => {
    const c = await consultation();
    const [mentor, entrepreneur] = await Promise.all([open(c.mentor), open(c.entrepreneur)]);
    expect(await ok(mentor, 'consultation:join', { consultationId: c.id })).toMatchObject({ consultationId: c.id, missed: [] });
    await ok(entrepreneur, 'consultation:join', { consultationId: c.id });
    const ownCopy = record(entrepreneur, 'consultation:message');

    const arrives = next(mentor, 'consultation:message');
    const body = 'Selamat pagi Pak, <b>omzet</b> <script>alert(1)</script> turun & saya butuh saran';
    const sent = await ok(entrepreneur, 'consultation:message', message(c.id, body, 'web-1'));
    expect(sent).toMatchObject({ consultationId: c.id, clientMessageId: 'web-1', senderId: c.entrepreneur.id, body });
    expect(sent.createdAt).toMatch(/Z$/);
    expect(await stored(c.id)).toBe(1);
    expect(await arrives).toEqual(sent);

    const typing = next(entrepreneur, 'consultation:typing');
    await ok(mentor, 'consultation:typing', { consultationId: c.id });
    expect(await typing).toEqual({ consultationId: c.id, userId: c.mentor.id });
    const read = next(entrepreneur, 'consultation:read');
    await ok(mentor, 'consultation:read', { consultationId: c.id, messageId: sent.id });
    expect(await read).toEqual({ consultationId: c.id, userId: c.mentor.id, messageId: sent.id });
    await settle(100);
    expect(ownCopy).toEqual([]); // "others": the sender's socket does not get its own message back
  });

  it('refuses a stranger (NOT_FOUND, as over HTTP) and keeps their connection usable', async () => {
    const c = await consultation();
    const [stranger] = await app.newEntrepreneurs(1);
    const socket = await open(stranger);
    expect(await send(socket, 'consultation:join', { consultationId: c.id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Consultation not found' } });
    expect(await send(socket, 'consultation:message', message(c.id, 'halo'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await stored(c.id)).toBe(0);
    expect(socket.connected).toBe(true);
    expect((await app.get(`/api/consultations/${c.id}/messages`, stranger.token)).status).toBe(404);
  });

  it('lets an admin join and read but not write', async () => {
    const c = await consultation();
    const socket = await open(admin);
    await ok(socket, 'consultation:join', { consultationId: c.id });
    expect(await send(socket, 'consultation:message', message(c.id, 'halo'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.get(`/api/consultations/${c.id}/messages`, admin.token)).status).toBe(200);
  });

  it('fails the handshake with connect_error "unauthorized" for a bad, forged or missing token', async () => {
    const c = await consultation();
    const forged = `${c.mentor.token.slice(0, -4)}AAAA`;
    for (const token of ['not-a-jwt', forged, undefined]) {
      await expect(connect(app, token)).rejects.toThrow('unauthorized');
    }
  });

  it('stores and delivers a resent clientMessageId once, answering the stored message both times', async () => {
    const c = await consultation();
    const [mentor, entrepreneur] = await Promise.all([open(c.mentor), open(c.entrepreneur)]);
    await ok(mentor, 'consultation:join', { consultationId: c.id });
    const delivered = record(mentor, 'consultation:message');
    const first = await ok(entrepreneur, 'consultation:message', message(c.id, 'Apakah bisa mulai lebih awal?', 'retry-1'));
    // A lost ack: the client resends, also twice at once from a flaky connection.
    const again = await Promise.all([1, 2].map(() => ok(entrepreneur, 'consultation:message', message(c.id, 'Apakah bisa mulai lebih awal?', 'retry-1'))));
    expect(again).toEqual([first, first]);
    await eventually(() => delivered.length >= 1);
    await settle();
    expect(delivered).toEqual([first]);
    expect(await stored(c.id)).toBe(1);
  });

  it('takes client ids that differ only in case for two messages, and ids sent in capitals as stored (lower case)', async () => {
    const c = await consultation();
    const [mentor, entrepreneur] = await Promise.all([open(c.mentor), open(c.entrepreneur)]);
    await ok(mentor, 'consultation:join', { consultationId: c.id.toUpperCase() });
    await ok(entrepreneur, 'consultation:join', { consultationId: c.id });
    const delivered = record(mentor, 'consultation:message');
    const lower = await ok(entrepreneur, 'consultation:message', message(c.id, 'Pertama', 'a1'));
    const upper = await ok(entrepreneur, 'consultation:message', message(c.id.toUpperCase(), 'Kedua', 'A1'));
    expect([lower.body, upper.body, upper.clientMessageId, upper.consultationId]).toEqual(['Pertama', 'Kedua', 'A1', c.id]);
    expect(await stored(c.id)).toBe(2);
    await eventually(() => delivered.length === 2);
    // A read receipt with the message id in capitals tells the room the id as everyone knows it.
    const read = next(entrepreneur, 'consultation:read');
    await ok(mentor, 'consultation:read', { consultationId: c.id, messageId: upper.id.toUpperCase() });
    expect(await read).toEqual({ consultationId: c.id, userId: c.mentor.id, messageId: upper.id });
  });

  it('gives a client that was offline what it missed: after its last message, or after its last read receipt', async () => {
    const c = await consultation();
    const mentor = await open(c.mentor);
    await ok(mentor, 'consultation:join', { consultationId: c.id });
    const first = await ok(mentor, 'consultation:message', message(c.id, 'Pesan 1'));
    const entrepreneur = await open(c.entrepreneur);
    await ok(entrepreneur, 'consultation:join', { consultationId: c.id });
    await ok(entrepreneur, 'consultation:read', { consultationId: c.id, messageId: first.id });
    entrepreneur.close(); // goes offline

    const later = [];
    for (const body of ['Pesan 2', 'Pesan 3']) later.push(await ok(mentor, 'consultation:message', message(c.id, body)));

    const back = await open(c.entrepreneur);
    const byReceipt = await ok(back, 'consultation:join', { consultationId: c.id });
    expect(byReceipt).toEqual({ consultationId: c.id, missed: later, more: false });
    const bySince = await ok(back, 'consultation:join', { consultationId: c.id, since: later[0].id });
    expect(bySince.missed).toEqual([later[1]]);
  });

  it('pages the history newest first with a cursor (and with before=<message id>)', async () => {
    const c = await consultation();
    const socket = await open(c.mentor);
    const sent = [];
    for (let i = 1; i <= 5; i++) sent.push(await ok(socket, 'consultation:message', message(c.id, `Pesan ${i}`)));
    const path = `/api/consultations/${c.id}/messages`;
    const page1 = await app.get(`${path}?limit=2`, c.entrepreneur.token);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toEqual([sent[4], sent[3]]);
    const page2 = await app.get(`${path}?limit=2&cursor=${page1.body.nextCursor}`, c.entrepreneur.token);
    expect(page2.body.items).toEqual([sent[2], sent[1]]);
    const page3 = await app.get(`${path}?limit=2&cursor=${page2.body.nextCursor}`, c.entrepreneur.token);
    expect(page3.body).toEqual({ items: [sent[0]], nextCursor: null });
    expect((await app.get(`${path}?before=${sent[1].id}`, c.entrepreneur.token)).body.items).toEqual([sent[0]]);
    expect((await app.get(`${path}?cursor=garbage`, c.entrepreneur.token)).status).toBe(400);
  });

  it('answers bad payloads with VALIDATION_FAILED on the ack and stays connected', async () => {
    const c = await consultation();
    const socket = await open(c.mentor);
    const failures = await Promise.all([
      send(socket, 'consultation:message', message(c.id, 'x'.repeat(2001))),
      send(socket, 'consultation:message', message(c.id, '   ')),
      send(socket, 'consultation:message', message(c.id, ' \u200b\u2060 ')),
      send(socket, 'consultation:message', { consultationId: c.id, body: 'tanpa id' }),
      send(socket, 'consultation:message', { ...message(c.id, 'halo'), extra: true }),
      send(socket, 'consultation:join', 'not an object'),
      send(socket, 'consultation:join', { consultationId: 'nope' }),
    ]);
    for (const ack of failures) expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await stored(c.id)).toBe(0);
    expect(await ok(socket, 'consultation:message', message(c.id, 'x'.repeat(2000)))).toMatchObject({ body: 'x'.repeat(2000) });
  });

  it('rate-limits a flooding socket with RATE_LIMITED acks, then serves it again', async () => {
    const c = await consultation();
    const socket = await open(c.mentor);
    await ok(socket, 'consultation:join', { consultationId: c.id });
    const acks = await Promise.all(Array.from({ length: 40 }, () => send(socket, 'consultation:typing', { consultationId: c.id })));
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await settle(250);
    expect(await send(socket, 'consultation:typing', { consultationId: c.id })).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it('closes a connection that sends a frame over the payload cap', async () => {
    const c = await consultation();
    const socket = await open(c.mentor);
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.emit('consultation:message', message(c.id, 'x'.repeat(64 * 1024)));
    await gone;
    expect(await stored(c.id)).toBe(0);
  });
});
