import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents, newId, type DomainEvent } from '@pendamping/platform';
import { AttendanceEvent, AttendanceService, Certificate, Feedback } from '@pendamping/workshops';
import { releaseTogether } from './support/race';
import { TestApp, type Session } from './support/test-app';

const start = DateTime.now().setZone('Asia/Jakarta').plus({ days: 40 + Math.floor(Math.random() * 2000) }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
const minutes = (m: number) => start.plus({ minutes: m }).toJSDate();

describe('workshops: attendance, certificates, feedback', () => {
  let app: TestApp;
  let admin: Session;
  let attendee: Session;
  let partial: Session;
  let absent: Session;
  let downloaders: Session;
  let twoDevices: Session;
  let workshopId: string;
  let sessionId: string;
  let attendance: AttendanceService;
  const events: DomainEvent[] = [];
  const realNow = Clock.prototype.now;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    const speaker = await app.newUser(['speaker'], { name: 'Dewi Anggraini', organization: 'Bank DKI' });
    const body = {
      title: 'Pengelolaan Keuangan UMKM',
      description: 'Arus kas dan pembukuan sederhana.',
      topic: 'keuangan',
      capacity: 10,
      speakerIds: [speaker.id],
      sessions: [{ start: start.toUTC().toISO(), end: start.plus({ hours: 1 }).toUTC().toISO() }],
    };
    const created = await app.post('/api/workshops', body, admin.token);
    workshopId = created.body.id;
    sessionId = created.body.sessions[0].id;
    await app.post(`/api/workshops/${workshopId}/publish`, undefined, admin.token);
    attendee = await app.newEntrepreneur({ name: 'Ratna Sari Dewi' });
    partial = await app.newEntrepreneur({ name: 'Budi Santoso' });
    absent = await app.newEntrepreneur({ name: 'Joko Prasetyo' });
    downloaders = await app.newEntrepreneur({ name: 'Sri Wahyuni' });
    twoDevices = await app.newEntrepreneur({ name: 'Agus Salim' });
    for (const who of [attendee, partial, absent, downloaders, twoDevices]) expect((await app.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token)).status).toBe(201);
    app.app.get(DomainEvents).afterCommit('certificate.ready', (e) => void events.push(e));

    // From here on it is the day after the session: the video room's events arrive with their own times.
    app.app.get(Clock).now = () => minutes(24 * 60);
    attendance = app.app.get(AttendanceService);
    const feed = (userId: string, kind: 'joined' | 'left', m: number, eventId?: string) => attendance.recordParticipantEvent({ sessionId, userId, kind, at: minutes(m), eventId });
    await feed(attendee.id, 'joined', -5, 'ev-1'); // early: counts from the start
    await feed(attendee.id, 'joined', 10); // a second device
    await feed(attendee.id, 'left', 20);
    await feed(attendee.id, 'left', 50, 'ev-2');
    await feed(partial.id, 'joined', 0);
    await feed(partial.id, 'left', 30);
  });
  /** The race tests' two registrants are checked by those tests. */
  const notRacing = (row: { userId: string }) => ![downloaders.id, twoDevices.id].includes(row.userId);

  afterAll(async () => {
    app.app.get(Clock).now = realNow;
    await app.close();
  });

  it('counts seconds per registrant, clipped to the session, two devices once; attended from 75%', async () => {
    const res = await app.get(`/api/workshops/${workshopId}/attendance`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items.filter(notRacing)).toEqual([
      { userId: partial.id, name: 'Budi Santoso', seconds: 1800, attended: false, sessions: [{ sessionId, seconds: 1800, attended: false }] },
      { userId: absent.id, name: 'Joko Prasetyo', seconds: 0, attended: false, sessions: [{ sessionId, seconds: 0, attended: false }] },
      { userId: attendee.id, name: 'Ratna Sari Dewi', seconds: 3000, attended: true, sessions: [{ sessionId, seconds: 3000, attended: true }] },
    ]);
    expect((await app.get(`/api/workshops/${workshopId}/attendance`, attendee.token)).status).toBe(403);
  });

  it('ignores a redelivered event (same event id)', async () => {
    const again = await attendance.recordParticipantEvent({ sessionId, userId: attendee.id, kind: 'left', at: minutes(50), eventId: 'ev-2' });
    expect(again).toEqual({ recorded: false });
    expect((await attendance.forPerson(workshopId, attendee.id))!.seconds).toBe(3000);
  });

  it('refuses an event for an unknown session', async () => {
    await expect(attendance.recordParticipantEvent({ sessionId: '00000000-0000-7000-8000-000000000000', userId: attendee.id, kind: 'joined', at: minutes(0) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the attendance as CSV for admins', async () => {
    const res = await app.request('GET', `/api/workshops/${workshopId}/attendance`, { token: admin.token, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.body.split('\r\n').filter((line: string) => notRacing({ userId: line.split(',')[0] }))).toEqual([
      'userId,name,seconds,attended,session1Seconds,session1Attended',
      `${partial.id},Budi Santoso,1800,false,1800,false`,
      `${absent.id},Joko Prasetyo,0,false,0,false`,
      `${attendee.id},Ratna Sari Dewi,3000,true,3000,true`,
      '',
    ]);
  });

  it('issues a PDF certificate in Indonesian to an attendee, whose number the public can verify', async () => {
    expect(events).toContainEqual(expect.objectContaining({ type: 'certificate.ready', workshopId, userId: attendee.id }));
    const res = await fetch(`${app.baseUrl}/api/workshops/${workshopId}/certificate`, { headers: { authorization: `Bearer ${attendee.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('SERTIFIKAT KEHADIRAN');
    expect(text).toContain('Ratna Sari Dewi');
    expect(text).toContain('Pengelolaan Keuangan UMKM');
    expect(text).toContain(start.setLocale('id').toFormat('cccc, d LLLL yyyy'));
    expect(text).toContain('Dewi Anggraini (Bank DKI)');
    const number = /PDP-\d{4}-[A-Z2-9]{8}/.exec(text)![0];
    // The web app's public page on PUBLIC_URL (not the request's host); it reads the public endpoint below.
    expect(text).toContain(`http://localhost:3000/certificates/${number}`);
    expect(text).not.toContain('/api/certificates/');
    expect(number).toBe((events.find((e) => (e as any).userId === attendee.id) as any).number);

    const verified = await app.get(`/api/certificates/${number}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ number, valid: true, name: 'Ratna Sari Dewi', workshopTitle: 'Pengelolaan Keuangan UMKM', issuedAt: expect.any(String) });
    expect((await app.get(`/api/certificates/${number.toLowerCase()}`)).body.valid).toBe(true);
    expect((await app.get('/api/certificates/PDP-2026-ZZZZZZZZ')).status).toBe(404);
    expect((await app.get('/api/certificates/bukan-nomor')).status).toBe(404);

    // A second download is the same certificate.
    const second = await fetch(`${app.baseUrl}/api/workshops/${workshopId}/certificate`, { headers: { authorization: `Bearer ${attendee.token}` } });
    const again = new PDFParse({ data: new Uint8Array(await second.arrayBuffer()) });
    expect((await again.getText()).text).toContain(number);
    await again.destroy();
  });

  it('issues one certificate when an attendee downloads it twice at once (both get it, no deadlock)', async () => {
    // Attendance stored without the certificate being issued yet (as before this service issued on "left").
    await app.app.get(DataSource).getRepository(AttendanceEvent).insert([
      { id: newId(), sessionId, userId: downloaders.id, kind: 'joined', at: minutes(0), eventId: null },
      { id: newId(), sessionId, userId: downloaders.id, kind: 'left', at: minutes(60), eventId: null },
    ]);
    const download = () => fetch(`${app.baseUrl}/api/workshops/${workshopId}/certificate`, { headers: { authorization: `Bearer ${downloaders.token}` } });
    const responses = await releaseTogether('workshop_certificates', 2, () => Promise.all([download(), download()]));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const rows = await app.app.get(DataSource).getRepository(Certificate).findBy({ workshopId, userId: downloaders.id });
    expect(rows).toHaveLength(1);
    for (const res of responses) {
      const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
      expect((await parser.getText()).text).toContain(rows[0].number);
      await parser.destroy();
    }
  });

  it('issues one certificate when two devices leave at the same moment', async () => {
    await attendance.recordParticipantEvent({ sessionId, userId: twoDevices.id, kind: 'joined', at: minutes(0) });
    await attendance.recordParticipantEvent({ sessionId, userId: twoDevices.id, kind: 'joined', at: minutes(1) });
    const leave = (eventId: string) => attendance.recordParticipantEvent({ sessionId, userId: twoDevices.id, kind: 'left', at: minutes(60), eventId });
    const outcomes = await releaseTogether('workshop_certificates', 2, () => Promise.allSettled([leave(`ev-${newId()}`), leave(`ev-${newId()}`)]));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await app.app.get(DataSource).getRepository(Certificate).countBy({ workshopId, userId: twoDevices.id })).toBe(1);
    expect(events.filter((e) => (e as any).userId === twoDevices.id)).toHaveLength(1);
  });

  it('refuses a certificate below the attendance share with 403 NOT_ATTENDED', async () => {
    for (const who of [partial, absent]) {
      const res = await app.get(`/api/workshops/${workshopId}/certificate`, who.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_ATTENDED');
    }
  });

  it('takes feedback once per attendee, refuses it without attending, and shows the average to admins', async () => {
    const without = await app.post(`/api/workshops/${workshopId}/feedback`, { rating: 5 }, partial.token);
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('NOT_ATTENDED');
    const invalid = await app.post(`/api/workshops/${workshopId}/feedback`, { rating: 6 }, attendee.token);
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toEqual(['rating must not be greater than 5']);

    const given = await app.post(`/api/workshops/${workshopId}/feedback`, { rating: 4, comment: 'Materinya praktis.' }, attendee.token);
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ userId: attendee.id, rating: 4, comment: 'Materinya praktis.' });
    const twice = await app.post(`/api/workshops/${workshopId}/feedback`, { rating: 1 }, attendee.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FEEDBACK_EXISTS');
    expect(await app.app.get(DataSource).getRepository(Feedback).countBy({ workshopId })).toBe(1);

    const list = await app.get(`/api/workshops/${workshopId}/feedback`, admin.token);
    expect(list.body).toMatchObject({ count: 1, averageRating: 4, items: [{ name: 'Ratna Sari Dewi', rating: 4 }], nextCursor: null });
  });

  it('reports the workshop as completed and closes registration once its last session has ended', async () => {
    expect((await app.get(`/api/workshops/${workshopId}`)).body.status).toBe('completed');
    const late = await app.post(`/api/workshops/${workshopId}/registrations`, undefined, (await app.newEntrepreneur()).token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REGISTRATION_CLOSED');
  });
});
