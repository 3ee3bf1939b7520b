import { DateTime } from 'luxon';
import { Clock } from '@pendamping/platform';
import { AttendanceService } from '@pendamping/workshops';
import { TestApp, type Session } from './support/test-app';

// Kecamatan Cilincing (31.75.06): no other suite has people there, so its funnel is this test's alone.
const KECAMATAN = '31.75.06';

describe('reports: the program funnel', () => {
  let app: TestApp;
  let admin: Session;
  const realNow = Clock.prototype.now;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
  });
  afterAll(async () => {
    app.app.get(Clock).now = realNow;
    await app.close();
  });

  it('counts distinct entrepreneurs of a kecamatan at each stage by when each step happened, and draws it as an SVG chart in Indonesian', async () => {
    const kelurahan = `${KECAMATAN}.${9000 + Math.floor(Math.random() * 1000)}`;
    expect((await app.post('/api/regions', { code: kelurahan, name: 'Kelurahan Uji Cilincing', level: 'kelurahan', parentCode: KECAMATAN }, admin.token)).status).toBe(201);
    const people: Session[] = [];
    for (let i = 0; i < 5; i++) people.push(await app.newEntrepreneur({ business: { name: `Usaha ${i}`, type: 'kelontong', kelurahanCode: kelurahan } }));
    const elsewhere = await app.newEntrepreneur(); // Tebet: never counted here
    const [e1, e2, e3, e4, e5] = people;
    const now = DateTime.now();
    // This period holds today (the bookings, registrations and the first consultation and session); the
    // later one holds what happens ten days from now (a consultation booked today, a session, an approval).
    const thisWeek = { from: now.setZone('Asia/Jakarta').minus({ days: 2 }).startOf('day'), to: now.setZone('Asia/Jakarta').plus({ days: 3 }).startOf('day') };
    const later = { from: now.plus({ days: 9 }), to: now.plus({ days: 11 }) };
    const funnel = async (period: { from: DateTime; to: DateTime }) => {
      const query = `from=${encodeURIComponent(period.from.toISO()!)}&to=${encodeURIComponent(period.to.toISO()!)}&kecamatanCode=${KECAMATAN}`;
      const res = await app.get(`/api/admin/reports/funnel?${query}`, admin.token);
      expect(res.status).toBe(200);
      expect(res.body.kecamatanCode).toBe(KECAMATAN);
      return Object.fromEntries(res.body.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    };

    const mentor = await app.newUser(['mentor']);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 365, weekly } })).status).toBe(200);
    const slotsFrom = async (from: DateTime) => {
      const res = await app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ days: 2 }).toISO()!)}`, e1.token);
      expect(res.status).toBe(200);
      return (res.body.items as { start: string }[]).map((s) => s.start);
    };
    const soon = await slotsFrom(now.plus({ hours: 1 })); // within a day: inside this week's period
    const tenDays = await slotsFrom(now.plus({ days: 10 }));
    const book = async (who: Session, start: string) => {
      const res = await app.post('/api/consultations', { mentorId: mentor.id, start, topic: 'permodalan' }, who.token);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const first = await book(e1, soon[0]);
    await book(e1, soon[1]); // a second booking of the same person counts once
    await book(e2, tenDays[0]); // booked today for a consultation in ten days: booked this week
    await book(elsewhere, soon[2]);
    const called = await book(e3, soon[3]);
    expect((await app.post(`/api/consultations/${called}/cancel`, { reason: 'Sakit' }, e3.token)).status).toBe(200);

    const speaker = await app.newUser(['speaker']);
    const hour = (from: DateTime, plus: number) => from.plus({ hours: plus }).startOf('hour').toUTC().toISO()!;
    const sessionSoon = { start: hour(now, 3), end: hour(now, 5) };
    const sessionLater = { start: hour(now.plus({ days: 10 }), 3), end: hour(now.plus({ days: 10 }), 5) };
    const workshop = async (title: string, session: { start: string; end: string }, who: Session) => {
      const res = await app.post('/api/workshops', { title, description: 'Kemasan produk.', topic: 'produksi', capacity: 10, speakerIds: [speaker.id], sessions: [session] }, admin.token);
      expect(res.status).toBe(201);
      expect((await app.post(`/api/workshops/${res.body.id}/publish`, undefined, admin.token)).status).toBe(200);
      expect((await app.post(`/api/workshops/${res.body.id}/registrations`, undefined, who.token)).status).toBe(201);
      return res.body.sessions[0].id as string;
    };
    const soonId = await workshop('Kemasan', sessionSoon, e4);
    const laterId = await workshop('Kemasan lanjutan', sessionLater, e5); // registered today, attends in ten days

    const clock = app.app.get(Clock);
    const attendance = app.app.get(AttendanceService);
    const attend = async (sessionId: string, userId: string, session: { start: string; end: string }) => {
      await attendance.recordParticipantEvent({ sessionId, userId, kind: 'joined', at: new Date(session.start) });
      await attendance.recordParticipantEvent({ sessionId, userId, kind: 'left', at: new Date(session.end) });
    };
    // After today's consultation and session: e1's consultation opened a capital case; e4 attended.
    clock.now = () => DateTime.fromISO(soon[3]).plus({ hours: 6 }).toJSDate();
    const outcome = await app.post(`/api/consultations/${first}/outcome`, { summary: 'Modal etalase', actions: ['Ajukan KUR'], caseType: 'permodalan', lender: 'Bank DKI' }, mentor.token);
    expect(outcome.status).toBe(201);
    expect((await app.request('PATCH', `/api/cases/${outcome.body.case.id}`, { token: mentor.token, body: { status: 'submitted' } })).status).toBe(200);
    await attend(soonId, e4.id, sessionSoon);
    // Ten days on: the bank approves the case, and e5 attends the later session.
    clock.now = () => DateTime.fromISO(sessionLater.end).plus({ hours: 1 }).toJSDate();
    expect((await app.request('PATCH', `/api/cases/${outcome.body.case.id}`, { token: mentor.token, body: { status: 'approved' } })).status).toBe(200);
    // A later change of the reference number does not move the approval.
    clock.now = () => DateTime.fromISO(sessionLater.end).plus({ days: 5 }).toJSDate();
    expect((await app.request('PATCH', `/api/cases/${outcome.body.case.id}`, { token: mentor.token, body: { referenceNumber: 'KUR-2026-0042' } })).status).toBe(200);
    await attend(laterId, e5.id, sessionLater);

    // Counting by the consultation's or session's date would give this week booked 1 (not e2), registered 1
    // (not e5), approved 1; and the later period booked 1 (e2), registered 1 (e5), approved 0.
    expect(await funnel(thisWeek)).toEqual({ entrepreneurs: 5, booked: 2, consulted: 1, caseOpened: 1, caseApproved: 0, workshopRegistered: 2, certified: 1 });
    expect(await funnel(later)).toEqual({ entrepreneurs: 5, booked: 0, consulted: 0, caseOpened: 0, caseApproved: 1, workshopRegistered: 0, certified: 1 });

    // A period that ends before any of it (and before these accounts existed) holds none of it.
    const before = await funnel({ from: now.minus({ days: 30 }), to: now.minus({ days: 2 }) });
    expect(Object.values(before).every((n) => n === 0)).toBe(true);

    const period = `from=${encodeURIComponent(thisWeek.from.toISO()!)}&to=${encodeURIComponent(thisWeek.to.toISO()!)}&kecamatanCode=${KECAMATAN}`;
    const svg = await fetch(`${app.baseUrl}/api/admin/reports/funnel.svg?${period}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const chart = await svg.text();
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(chart).toContain('Corong program: Kecamatan Cilincing');
    const date = (d: DateTime) => d.setLocale('id').toFormat('d LLLL yyyy');
    expect(chart).toContain(`${date(thisWeek.from)} – ${date(thisWeek.to.minus({ days: 1 }))}`);
    expect(chart).toContain('Memesan konsultasi');
    expect(chart).toContain('>2 (40%)<');
    expect(chart.match(/<rect x="250"/g)).toHaveLength(7);
  });

  it('is for admins only, and refuses bad periods and codes with 400', async () => {
    const mentor = await app.newUser(['mentor']);
    expect((await app.get('/api/admin/reports/funnel', mentor.token)).status).toBe(403);
    expect((await app.get('/api/admin/reports/funnel')).status).toBe(401);
    for (const query of ['from=kemarin', 'to=2026-12-01', 'kecamatanCode=31.75', 'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z']) {
      const res = await app.get(`/api/admin/reports/funnel?${query}`, admin.token);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
