import { DateTime } from 'luxon';
import { Clock } from '@pendamping/platform';
import { AttendanceService } from '@pendamping/workshops';
import { TestApp, type Session } from './support/test-app';

// Kecamatan Cilincing (31.75.06): no other suite has people there, so its funnel is this test's alone.
const KECAMATAN = '31.75.06';
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 20 + Math.floor(Math.random() * 300) }).startOf('day');
const at = (hour: number) => day.set({ hour }).toUTC().toISO()!;

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

  it('counts distinct entrepreneurs of a kecamatan at each stage, and draws it as an SVG chart in Indonesian', async () => {
    const kelurahan = `${KECAMATAN}.${9000 + Math.floor(Math.random() * 1000)}`;
    expect((await app.post('/api/regions', { code: kelurahan, name: 'Kelurahan Uji Cilincing', level: 'kelurahan', parentCode: KECAMATAN }, admin.token)).status).toBe(201);
    const people: Session[] = [];
    for (let i = 0; i < 5; i++) people.push(await app.newEntrepreneur({ business: { name: `Usaha ${i}`, type: 'kelontong', kelurahanCode: kelurahan } }));
    const elsewhere = await app.newEntrepreneur(); // Tebet: never counted here
    const [e1, e2, e3, e4, e5] = people;

    const mentor = await app.newUser(['mentor']);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 365, weekly } })).status).toBe(200);
    const book = async (who: Session, start: string) => {
      const res = await app.post('/api/consultations', { mentorId: mentor.id, start, topic: 'permodalan' }, who.token);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const first = await book(e1, at(9));
    await book(e1, at(10)); // a second booking of the same person counts once
    await book(e2, at(11));
    await book(elsewhere, day.set({ hour: 9, minute: 30 }).toUTC().toISO()!);
    const called = await book(e3, day.set({ hour: 10, minute: 30 }).toUTC().toISO()!);
    expect((await app.post(`/api/consultations/${called}/cancel`, { reason: 'Sakit' }, e3.token)).status).toBe(200);

    const speaker = await app.newUser(['speaker']);
    const session = { start: at(13), end: at(15) };
    const workshop = await app.post('/api/workshops', { title: 'Kemasan', description: 'Kemasan produk.', topic: 'produksi', capacity: 10, speakerIds: [speaker.id], sessions: [session] }, admin.token);
    expect(workshop.status).toBe(201);
    expect((await app.post(`/api/workshops/${workshop.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    for (const who of [e4, e5]) expect((await app.post(`/api/workshops/${workshop.body.id}/registrations`, undefined, who.token)).status).toBe(201);

    // The day after: e1's consultation took place and opened a capital case the bank approved; e4 attended.
    const clock = app.app.get(Clock);
    clock.now = () => day.plus({ days: 1 }).toJSDate();
    const outcome = await app.post(`/api/consultations/${first}/outcome`, { summary: 'Modal etalase', actions: ['Ajukan KUR'], caseType: 'permodalan', lender: 'Bank DKI' }, mentor.token);
    expect(outcome.status).toBe(201);
    for (const status of ['submitted', 'approved']) expect((await app.request('PATCH', `/api/cases/${outcome.body.case.id}`, { token: mentor.token, body: { status } })).status).toBe(200);
    const attendance = app.app.get(AttendanceService);
    const sessionId = workshop.body.sessions[0].id;
    await attendance.recordParticipantEvent({ sessionId, userId: e4.id, kind: 'joined', at: new Date(session.start) });
    await attendance.recordParticipantEvent({ sessionId, userId: e4.id, kind: 'left', at: new Date(session.end) });
    await attendance.recordParticipantEvent({ sessionId, userId: e5.id, kind: 'joined', at: new Date(session.start) });
    await attendance.recordParticipantEvent({ sessionId, userId: e5.id, kind: 'left', at: DateTime.fromISO(session.start).plus({ minutes: 20 }).toJSDate() });

    const period = `from=${encodeURIComponent(day.toISO()!)}&to=${encodeURIComponent(day.plus({ days: 1 }).toISO()!)}&kecamatanCode=${KECAMATAN}`;
    const res = await app.get(`/api/admin/reports/funnel?${period}`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.kecamatanCode).toBe(KECAMATAN);
    expect(Object.fromEntries(res.body.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]))).toEqual({
      entrepreneurs: 5,
      booked: 2,
      consulted: 1,
      caseOpened: 1,
      caseApproved: 1,
      workshopRegistered: 2,
      certified: 1,
    });

    // A period that ends before that day holds none of it.
    const before = await app.get(`/api/admin/reports/funnel?to=${encodeURIComponent(day.toISO()!)}&kecamatanCode=${KECAMATAN}`, admin.token);
    expect(before.body.stages.filter((s: { count: number }) => s.count > 0).map((s: { stage: string }) => s.stage)).toEqual(['entrepreneurs']);

    const svg = await fetch(`${app.baseUrl}/api/admin/reports/funnel.svg?${period}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const chart = await svg.text();
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(chart).toContain('Corong program: Kecamatan Cilincing');
    expect(chart).toContain(`${day.setLocale('id').toFormat('d LLLL yyyy')} – ${day.setLocale('id').toFormat('d LLLL yyyy')}`);
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
