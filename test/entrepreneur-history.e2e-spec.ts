import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { TestApp, type Session } from './support/test-app';

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
/** Ten days ahead in Jakarta, far from notice and horizon edges. */
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 10 }).startOf('day');
const at = (hour: number) => day.set({ hour }).toUTC().toISO()!;

describe('entrepreneur history (GET /api/entrepreneurs/:id/history)', () => {
  let app: TestApp;
  let mentor: Session;
  let otherMentor: Session;
  let admin: Session;
  let person: Session;
  let otherPerson: Session;
  let pastId: string;
  let upcomingId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    [mentor, otherMentor, admin] = await Promise.all([app.newUser(['mentor'], { name: 'Ibu Rina Pendamping' }), app.newUser(['mentor']), app.newUser(['admin'])]);
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 60, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay } })).status).toBe(200);
    person = await app.newEntrepreneur({ name: 'Siti Aminah', business: { name: 'Konveksi Siti', type: 'konveksi', kelurahanCode: '31.71.09.1001' } });
    otherPerson = await app.newEntrepreneur();
    const first = await app.post('/api/consultations', { mentorId: mentor.id, start: at(9), topic: 'permodalan' }, person.token);
    const second = await app.post('/api/consultations', { mentorId: mentor.id, start: at(11), topic: 'pemasaran' }, person.token);
    expect([first.status, second.status]).toEqual([201, 201]);
    [pastId, upcomingId] = [first.body.id, second.body.id];
    // The first took place last week; the mentor wrote its outcome and opened a permodalan case.
    const lastWeek = Date.now() - 7 * 86400_000;
    await app.app.get(DataSource).getRepository(Consultation).update(pastId, { start: new Date(lastWeek), end: new Date(lastWeek + 3600_000) });
    const outcome = { summary: 'Butuh modal mesin jahit', actions: ['Siapkan laporan keuangan 3 bulan'], followUpOn: '2026-01-05', caseType: 'permodalan', lender: 'Bank DKI' };
    expect((await app.post(`/api/consultations/${pastId}/outcome`, outcome, mentor.token)).status).toBe(201);
  });
  afterAll(() => app.close());

  const history = (id: string, who: Session) => app.get(`/api/entrepreneurs/${id}/history`, who.token);

  it("gives the mentor who met them the profile (business, kelurahan and kecamatan), past consultations with their outcome, the upcoming one and the open case", async () => {
    const res = await history(person.id, mentor);
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual({
      id: person.id,
      name: 'Siti Aminah',
      businessName: 'Konveksi Siti',
      businessType: 'konveksi',
      kelurahan: { code: '31.71.09.1001', name: 'Kelurahan Uji 1' },
      kecamatan: expect.objectContaining({ code: '31.71.09' }),
      timezone: 'Asia/Jakarta',
    });
    expect(res.body.past).toEqual([
      expect.objectContaining({ id: pastId, mentorId: mentor.id, mentorName: 'Ibu Rina Pendamping', status: 'completed', topic: 'permodalan', outcome: expect.objectContaining({ summary: 'Butuh modal mesin jahit', actions: ['Siapkan laporan keuangan 3 bulan'], followUpOn: '2026-01-05' }) }),
    ]);
    expect(res.body.upcoming).toEqual([expect.objectContaining({ id: upcomingId, status: 'booked', topic: 'pemasaran', outcome: null })]);
    expect(res.body.openCases).toEqual([expect.objectContaining({ type: 'permodalan', lender: 'Bank DKI', status: 'open', entrepreneurName: 'Siti Aminah', openedInConsultationId: pastId })]);
  });

  it('leaves a case out once it is approved: only open and submitted cases are listed', async () => {
    const before = await history(person.id, mentor);
    const caseId = before.body.openCases[0].id;
    expect((await app.request('PATCH', `/api/cases/${caseId}`, { token: mentor.token, body: { status: 'submitted' } })).status).toBe(200);
    expect((await history(person.id, mentor)).body.openCases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await app.request('PATCH', `/api/cases/${caseId}`, { token: mentor.token, body: { status: 'approved' } })).status).toBe(200);
    expect((await history(person.id, mentor)).body.openCases).toEqual([]);
  });

  it('lets an admin read any history', async () => {
    const res = await history(person.id, admin);
    expect(res.status).toBe(200);
    expect(res.body.past.map((c: { id: string }) => c.id)).toEqual([pastId]);
  });

  it('refuses with 403 a mentor who never had a consultation with them, the entrepreneur themself and another entrepreneur', async () => {
    for (const who of [otherMentor, person, otherPerson]) {
      const res = await history(person.id, who);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.body)).not.toContain('Konveksi Siti');
    }
  });

  it('answers 404 for an unknown id and for an account that is not an entrepreneur', async () => {
    for (const id of [randomUUID(), otherMentor.id]) {
      const res = await history(id, admin);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await history(randomUUID(), mentor)).status).toBe(404);
  });
});
