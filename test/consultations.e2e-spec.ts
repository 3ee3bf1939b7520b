import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Clock, DomainEvents, newId, type DomainEvent } from '@pendamping/platform';
import { releaseTogether } from './support/race';
import { TestApp, type Session } from './support/test-app';

/** A date ten days ahead in Jakarta, so slots are far from any notice or horizon edge. */
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 10 }).startOf('day');
const at = (hhmm: string, d = day) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return d.set({ hour, minute }).toUTC().toISO({ suppressMilliseconds: false })!;
};
const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

describe('consultations', () => {
  let app: TestApp;
  let admin: Session;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
  });
  afterAll(() => app.close());

  async function mentorWith(availability: Record<string, unknown>): Promise<Session> {
    const mentor = await app.newUser(['mentor']);
    const res = await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: availability });
    expect(res.status).toBe(200);
    return mentor;
  }
  const standard = () => mentorWith({ slotMinutes: 30, bufferMinutes: 15, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay('09:00', '12:00') });
  const slotStarts = async (mentorId: string, token: string, from = day, to = day.plus({ days: 1 })) => {
    const res = await app.get(`/api/mentors/${mentorId}/slots?from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(to.toISO()!)}`, token);
    expect(res.status).toBe(200);
    return (res.body.items as { start: string }[]).map((s) => s.start);
  };
  const book = (who: Session, mentorId: string, start: string, extra: Record<string, unknown> = {}) =>
    app.post('/api/consultations', { mentorId, start, topic: 'permodalan', ...extra }, who.token);
  const rowsFor = (mentorId: string) => app.app.get(DataSource).getRepository(Consultation).countBy({ mentorId });

  describe('slots', () => {
    it('cuts the weekly hours into UTC slots and keeps the buffer around a booking; a cancellation returns them', async () => {
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      expect(await slotStarts(mentor.id, entrepreneur.token)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((t) => at(t)));

      const booked = await book(entrepreneur, mentor.id, at('10:00'));
      expect(booked.status).toBe(201);
      expect(booked.body).toMatchObject({ mentorId: mentor.id, entrepreneurId: entrepreneur.id, start: at('10:00'), end: at('10:30'), status: 'booked' });
      // 09:30-10:00 ends less than 15 minutes before 10:00; 10:30 starts less than 15 minutes after 10:30.
      expect(await slotStarts(mentor.id, entrepreneur.token)).toEqual(['09:00', '11:00', '11:30'].map((t) => at(t)));

      const cancelled = await app.post(`/api/consultations/${booked.body.id}/cancel`, { reason: 'Ada urusan keluarga' }, entrepreneur.token);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Ada urusan keluarga', cancelledBy: entrepreneur.id });
      expect(await slotStarts(mentor.id, entrepreneur.token)).toHaveLength(6);
    });

    it('reads the weekly hours in the mentor zone (Asia/Makassar)', async () => {
      const mentor = await mentorWith({ timezone: 'Asia/Makassar', slotMinutes: 30, minNoticeMinutes: 0, weekly: everyDay('09:00', '10:00') });
      const makassarDay = day.setZone('Asia/Makassar', { keepLocalTime: true });
      const starts = await slotStarts(mentor.id, mentor.token, makassarDay, makassarDay.plus({ days: 1 }));
      // 09:00 WITA is 01:00Z on the same date.
      expect(starts).toEqual([`${makassarDay.toISODate()}T01:00:00.000Z`, `${makassarDay.toISODate()}T01:30:00.000Z`]);
    });

    it('offers nothing inside the minimum notice nor beyond the horizon', async () => {
      const mentor = await mentorWith({ slotMinutes: 60, minNoticeMinutes: 3 * 24 * 60, horizonDays: 6, weekly: everyDay('00:00', '24:00') });
      const now = DateTime.now();
      const starts = await slotStarts(mentor.id, mentor.token, now, now.plus({ days: 14 }));
      const first = DateTime.fromISO(starts[0]);
      const last = DateTime.fromISO(starts[starts.length - 1]);
      expect(first.diff(now, 'minutes').minutes).toBeGreaterThanOrEqual(3 * 24 * 60);
      expect(first.diff(now, 'minutes').minutes).toBeLessThan(3 * 24 * 60 + 60);
      expect(last < now.setZone('Asia/Jakarta').startOf('day').plus({ days: 6 })).toBe(true);
      expect(last.plus({ hours: 1 }).toMillis()).toBe(now.setZone('Asia/Jakarta').startOf('day').plus({ days: 6 }).toMillis());
    });

    it('lets a date override give special hours or a day off', async () => {
      const mentor = await standard();
      const date = day.toISODate();
      const special = await app.request('PUT', `/api/mentors/me/availability/overrides/${date}`, { token: mentor.token, body: { ranges: [{ start: '19:00', end: '20:00' }] } });
      expect(special.status).toBe(200);
      expect(await slotStarts(mentor.id, mentor.token)).toEqual([at('19:00'), at('19:30')]);
      await app.request('PUT', `/api/mentors/me/availability/overrides/${date}`, { token: mentor.token, body: { ranges: [] } });
      expect(await slotStarts(mentor.id, mentor.token)).toEqual([]);
      expect((await app.request('DELETE', `/api/mentors/me/availability/overrides/${date}`, { token: mentor.token })).status).toBe(204);
      expect(await slotStarts(mentor.id, mentor.token)).toHaveLength(6);
    });

    it('closes the day once the daily cap is reached', async () => {
      const mentor = await mentorWith({ slotMinutes: 30, minNoticeMinutes: 0, dailyCap: 1, weekly: everyDay('09:00', '12:00') });
      const [a, b] = await app.newEntrepreneurs(2);
      expect((await book(a, mentor.id, at('09:00'))).status).toBe(201);
      expect(await slotStarts(mentor.id, a.token)).toEqual([]);
      const refused = await book(b, mentor.id, at('11:00'));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('DAILY_CAP_REACHED');
    });

    it('rejects overlapping weekly hours and a range longer than 31 days', async () => {
      const mentor = await app.newUser(['mentor']);
      const overlap = await app.request('PUT', '/api/mentors/me/availability', {
        token: mentor.token,
        body: { slotMinutes: 30, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] },
      });
      expect(overlap.status).toBe(400);
      expect(overlap.body.message.join(' ')).toMatch(/overlaps/);
      const badEnd = await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: { slotMinutes: 5, weekly: [{ weekday: 8, start: '10:00', end: '09:00' }] } });
      expect(badEnd.status).toBe(400);
      expect(badEnd.body.message).toEqual(expect.arrayContaining(['slotMinutes must not be less than 10', 'weekly.0.weekday must not be greater than 7', 'weekly.0.end must be after start']));
      const wide = await app.get(`/api/mentors/${mentor.id}/slots?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z`, mentor.token);
      expect(wide.status).toBe(400);
    });
  });

  describe('booking under concurrency', () => {
    it('gives a contested slot to exactly one of 50 entrepreneurs racing over HTTP', async () => {
      const mentor = await standard();
      const racers = await app.newEntrepreneurs(50);
      // The database pool has 20 connections: wait until 20 bookings are inside the database together.
      const results = await releaseTogether('consultations', 20, () => Promise.all(racers.map((e) => book(e, mentor.id, at('09:30')))));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'SLOT_TAKEN')).toBe(true);
      expect(await rowsFor(mentor.id)).toBe(1);
    });

    it('lets a reschedule and a booking race for the same slot: one wins, the loser changes nothing', async () => {
      for (let round = 0; round < 5; round++) {
        const mentor = await standard();
        const [mover, booker] = await app.newEntrepreneurs(2);
        const original = await book(mover, mentor.id, at('09:00'));
        const [moved, booked] = await releaseTogether('consultations', 2, () =>
          Promise.all([app.post(`/api/consultations/${original.body.id}/reschedule`, { start: at('11:00') }, mover.token), book(booker, mentor.id, at('11:00'))]),
        );
        const outcome = `${moved.status}/${booked.status}`;
        expect(['200/409', '409/201']).toContain(outcome);
        expect((moved.status === 409 ? moved : booked).body.code).toBe('SLOT_TAKEN');
        const rows = await app.app.get(DataSource).getRepository(Consultation).findBy({ mentorId: mentor.id, status: 'booked' });
        expect(rows.filter((r) => r.start.toISOString() === at('11:00'))).toHaveLength(1);
        const mine = rows.find((r) => r.id === original.body.id)!;
        expect(mine.start.toISOString()).toBe(moved.status === 200 ? at('11:00') : at('09:00'));
      }
    });

    it('never books one entrepreneur twice at the same time, even with two mentors at once', async () => {
      const [m1, m2] = [await standard(), await standard()];
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const results = await releaseTogether('consultations', 2, () => Promise.all([book(entrepreneur, m1.id, at('10:00')), book(entrepreneur, m2.id, at('10:00'))]));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('ALREADY_BOOKED_THEN');
    });

    it('limits one entrepreneur to 2 upcoming bookings with a mentor (5 sent at once: 2 booked) and 5 in all; a cancellation frees one', async () => {
      const [m1, m2, m3, m4] = [await standard(), await standard(), await standard(), await standard()];
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const days = [0, 1, 2, 3, 4].map((n) => day.plus({ days: n }));
      const burst = await releaseTogether('consultations', 2, () => Promise.all(days.map((d) => book(entrepreneur, m1.id, at('09:00', d)))));
      expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
      const refused = burst.find((r) => r.status === 409)!.body;
      expect(refused).toMatchObject({ statusCode: 409, code: 'BOOKING_LIMIT_MENTOR' });
      expect(refused.message).toContain('2 upcoming consultations with this mentor');
      expect(await rowsFor(m1.id)).toBe(2);

      // Others' mentors are still open to them, up to five upcoming in all.
      expect((await book(entrepreneur, m2.id, at('10:00', days[0]))).status).toBe(201);
      expect((await book(entrepreneur, m2.id, at('10:00', days[1]))).status).toBe(201);
      expect((await book(entrepreneur, m3.id, at('11:00', days[0]))).status).toBe(201);
      const sixth = await book(entrepreneur, m4.id, at('11:00', days[1]));
      expect(sixth.status).toBe(409);
      expect(sixth.body.code).toBe('BOOKING_LIMIT_TOTAL');
      expect(await rowsFor(m4.id)).toBe(0);

      const [mine] = (await app.get(`/api/consultations?status=booked&limit=1`, entrepreneur.token)).body.items;
      expect((await app.post(`/api/consultations/${mine.id}/cancel`, { reason: 'Jadwal bentrok' }, entrepreneur.token)).status).toBe(200);
      expect((await book(entrepreneur, m4.id, at('11:00', days[1]))).status).toBe(201);
    });

    it('answers a retried booking with the same Idempotency-Key with the first result, even in parallel', async () => {
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const body = { mentorId: mentor.id, start: at('11:30'), topic: 'perizinan' };
      const send = (b: unknown) => app.request('POST', '/api/consultations', { token: entrepreneur.token, body: b, headers: { 'idempotency-key': 'booking-abc-1' } });
      const [first, second] = await Promise.all([send(body), send(body)]);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(first.body.id);
      expect(await rowsFor(mentor.id)).toBe(1);
      const reused = await send({ ...body, topic: 'keuangan' });
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('answers the same booking sent again (a retry whose first answer was lost) with the booking already made', async () => {
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const first = await book(entrepreneur, mentor.id, at('10:00'), { note: 'Modal usaha' });
      const again = await book(entrepreneur, mentor.id, at('10:00'), { note: 'Modal usaha' });
      // The mentor's id in capitals is the same mentor (a UUID is case-blind): the same retry, stored as given first.
      const shouted = await book(entrepreneur, mentor.id.toUpperCase(), at('10:00'), { note: 'Modal usaha' });
      expect([first.status, again.status, shouted.status]).toEqual([201, 201, 201]);
      expect(again.body.id).toBe(first.body.id);
      expect(shouted.body).toMatchObject({ id: first.body.id, mentorId: mentor.id });
      expect(await rowsFor(mentor.id)).toBe(1);
      const different = await book(entrepreneur, mentor.id, at('10:00'), { topic: 'keuangan' });
      expect(different.status).toBe(409);
      expect(different.body.code).toBe('SLOT_TAKEN');
    });
  });

  describe('bad input writes nothing', () => {
    let mentor: Session;
    let entrepreneur: Session;
    beforeAll(async () => {
      mentor = await standard();
      [entrepreneur] = await app.newEntrepreneurs(1);
    });

    it.each([
      ['a start between slots', () => ({ start: at('09:10') }), 422, 'NOT_A_SLOT'],
      ['a start outside the hours', () => ({ start: at('15:00') }), 422, 'NOT_A_SLOT'],
      ['a start in the past', () => ({ start: '2025-01-06T02:00:00Z' }), 422, 'IN_THE_PAST'],
      ['an unknown mentor', () => ({ mentorId: '0190a0a0-0000-7000-8000-000000000000' }), 404, 'NOT_FOUND'],
      ['an unknown topic', () => ({ topic: 'astrologi' }), 400, 'VALIDATION_FAILED'],
      ['a malformed date', () => ({ start: '2026-13-45T25:00' }), 400, 'VALIDATION_FAILED'],
      ['a malformed mentor id', () => ({ mentorId: 'rina' }), 400, 'VALIDATION_FAILED'],
    ])('%s', async (_name, change, status, code) => {
      const res = await book(entrepreneur, mentor.id, at('09:00'), change());
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await rowsFor(mentor.id)).toBe(0);
    });

    it('a mentor cannot book, and a mentor without availability has no slots', async () => {
      expect((await book(mentor, mentor.id, at('09:00'))).status).toBe(403);
      const idle = await app.newUser(['mentor']);
      expect((await book(entrepreneur, idle.id, at('09:00'))).body.code).toBe('NOT_A_SLOT');
      expect(await slotStarts(idle.id, entrepreneur.token)).toEqual([]);
    });
  });

  describe('who sees what', () => {
    let mentor: Session;
    let owner: Session;
    let stranger: Session;
    let otherMentor: Session;
    let id: string;
    beforeAll(async () => {
      mentor = await standard();
      otherMentor = await standard();
      [owner, stranger] = await app.newEntrepreneurs(2);
      id = (await book(owner, mentor.id, at('09:00'))).body.id;
    });

    it('hides a consultation from an entrepreneur and a mentor who are not in it (404)', async () => {
      expect((await app.get(`/api/consultations/${id}`, stranger.token)).status).toBe(404);
      expect((await app.post(`/api/consultations/${id}/cancel`, { reason: 'iseng' }, stranger.token)).status).toBe(404);
      expect((await app.post(`/api/consultations/${id}/reschedule`, { start: at('11:00') }, stranger.token)).status).toBe(404);
      expect((await app.get(`/api/consultations/${id}`, otherMentor.token)).status).toBe(404);
      expect((await app.get('/api/consultations/not-an-id', owner.token)).status).toBe(404);
    });

    it('shows both participants and admins the consultation, with names', async () => {
      for (const who of [owner, mentor, admin]) {
        const res = await app.get(`/api/consultations/${id}`, who.token);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id, mentorId: mentor.id, entrepreneurId: owner.id, entrepreneurName: 'Pelaku Usaha 1' });
      }
    });

    it('lists only the caller’s own consultations', async () => {
      const mine = await app.get('/api/consultations?status=booked', mentor.token);
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      expect((await app.get('/api/consultations', stranger.token)).body.items).toEqual([]);
      expect((await app.get('/api/consultations', otherMentor.token)).body.items).toEqual([]);
      const all = await app.get('/api/consultations?limit=100', admin.token);
      expect(all.body.items.some((c: { id: string }) => c.id === id)).toBe(true);
    });

    it('lists soonest first, or latest first with order=desc; cursor paging across a page break between two at the same start loses or repeats none', async () => {
      const [person] = await app.newEntrepreneurs(1);
      const mentors = await Promise.all([1, 2].map(() => app.newUser(['mentor'])));
      const hour = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
      // Two at 03:00 (with two mentors), so the page break of limit=2 falls between equal start times.
      const starts = [hour(1), hour(3), hour(3), hour(5), hour(7)];
      const rows = starts.map((start, i) => ({ id: newId(), mentorId: mentors[i % 2].id, entrepreneurId: person.id, start, end: new Date(start.getTime() + 1_800_000), topic: 'keuangan' as const, status: 'completed' as const }));
      await app.app.get(DataSource).getRepository(Consultation).insert(rows);
      const pages = async (query: string) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const path: string = `/api/consultations?limit=2&to=2026-01-06T00:00:00Z${query}${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await app.get<{ items: { id: string }[]; nextCursor: string | null }>(path, person.token);
          expect(res.status).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          ids.push(...res.body.items.map((c) => c.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        return ids;
      };
      const [atThree, alsoAtThree] = [rows[1].id, rows[2].id].sort();
      const soonest = [rows[0].id, atThree, alsoAtThree, rows[3].id, rows[4].id];
      expect(await pages('')).toEqual(soonest);
      expect(await pages('&order=asc')).toEqual(soonest);
      expect(await pages('&order=desc')).toEqual([...soonest].reverse());
      // A page of a history, then the rest: the start of the second page is older than the end of the first.
      const first = await app.get('/api/consultations?limit=3&order=desc', person.token);
      expect(first.body.items.map((c: { start: string }) => c.start)).toEqual([hour(7), hour(5), hour(3)].map((d) => d.toISOString()));
      const rest = await app.get(`/api/consultations?limit=3&order=desc&cursor=${first.body.nextCursor}`, person.token);
      expect(rest.body).toMatchObject({ items: [{ start: hour(3).toISOString() }, { start: hour(1).toISOString() }], nextCursor: null });
      expect((await app.get('/api/consultations?order=newest', person.token)).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });

    it('lets only the mentor write an outcome (the entrepreneur gets 403)', async () => {
      const res = await app.post(`/api/consultations/${id}/outcome`, { summary: 'x', actions: [] }, owner.token);
      expect(res.status).toBe(403);
    });
  });

  describe('after the consultation', () => {
    it('records an outcome with a permodalan case, lists the overdue follow-up, and tracks the case', async () => {
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const { id } = (await book(entrepreneur, mentor.id, at('09:00'))).body;
      const outcome = { summary: 'Butuh modal mesin jahit', actions: ['Siapkan laporan keuangan 3 bulan'], followUpOn: '2026-01-05', caseType: 'permodalan', lender: 'Bank DKI' };

      const early = await app.post(`/api/consultations/${id}/outcome`, outcome, mentor.token);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('NOT_STARTED');

      // Time passes: the consultation took place last week.
      const db = app.app.get(DataSource);
      await db.getRepository(Consultation).update(id, { start: new Date(Date.now() - 7 * 86400_000), end: new Date(Date.now() - 7 * 86400_000 + 1800_000) });
      const noLender = await app.post(`/api/consultations/${id}/outcome`, { ...outcome, lender: undefined }, mentor.token);
      expect(noLender.status).toBe(400);

      const recorded = await app.post(`/api/consultations/${id}/outcome`, outcome, mentor.token);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ status: 'completed', actions: outcome.actions, followUpOn: '2026-01-05', case: { type: 'permodalan', lender: 'Bank DKI', status: 'open' } });
      expect((await app.get(`/api/consultations/${id}`, entrepreneur.token)).body.status).toBe('completed');
      expect((await app.post(`/api/consultations/${id}/outcome`, outcome, mentor.token)).body.code).toBe('OUTCOME_EXISTS');

      const overdue = await app.get('/api/mentors/me/follow-ups?overdue=true', mentor.token);
      expect(overdue.body.items).toEqual([expect.objectContaining({ consultationId: id, entrepreneurId: entrepreneur.id, overdue: true })]);
      // The entrepreneur's side (Beranda): the actions they took away, theirs only, until the follow-up is done.
      const mine = await app.get('/api/me/action-items', entrepreneur.token);
      expect(mine.body).toEqual({ items: [{ consultationId: id, topic: 'permodalan', start: expect.any(String), mentorName: expect.any(String), actions: outcome.actions, followUpOn: '2026-01-05' }], nextCursor: null });
      const [someoneElse] = await app.newEntrepreneurs(1);
      expect((await app.get('/api/me/action-items', someoneElse.token)).body.items).toEqual([]);

      const caseId = recorded.body.case.id;
      expect((await app.get('/api/cases', entrepreneur.token)).body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
      expect((await app.request('PATCH', `/api/cases/${caseId}`, { token: entrepreneur.token, body: { status: 'approved' } })).status).toBe(403);
      const progressed = await app.request('PATCH', `/api/cases/${caseId}`, { token: mentor.token, body: { status: 'submitted', referenceNumber: 'KUR-2026-0042' } });
      expect(progressed.body).toMatchObject({ status: 'submitted', referenceNumber: 'KUR-2026-0042' });

      expect((await app.post(`/api/consultations/${id}/follow-up/done`, {}, mentor.token)).status).toBe(200);
      expect((await app.get('/api/mentors/me/follow-ups?overdue=true', mentor.token)).body.items).toEqual([]);
      expect((await app.get('/api/me/action-items', entrepreneur.token)).body.items).toEqual([]);
    });

    it('refuses to cancel or move a consultation once its start has passed (409 ALREADY_STARTED), and nothing changes', async () => {
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const { id } = (await book(entrepreneur, mentor.id, at('09:00'))).body;
      const clock = app.app.get(Clock);
      try {
        // A minute before it starts either side may still cancel or move it; from its start on, neither.
        clock.now = () => new Date(new Date(at('09:00')).getTime() - 60_000);
        expect((await app.post(`/api/consultations/${id}/reschedule`, { start: at('10:00') }, mentor.token)).status).toBe(200);
        clock.now = () => new Date(at('10:00'));
        for (const who of [entrepreneur, mentor]) {
          const cancel = await app.post(`/api/consultations/${id}/cancel`, { reason: 'Terlambat' }, who.token);
          expect(cancel.body).toMatchObject({ statusCode: 409, code: 'ALREADY_STARTED' });
          const move = await app.post(`/api/consultations/${id}/reschedule`, { start: at('11:00') }, who.token);
          expect(move.body).toMatchObject({ statusCode: 409, code: 'ALREADY_STARTED' });
        }
      } finally {
        clock.now = Clock.prototype.now;
      }
      expect((await app.get(`/api/consultations/${id}`, entrepreneur.token)).body).toMatchObject({ status: 'booked', start: at('10:00') });
    });

    it('publishes domain events for booked, rescheduled and cancelled', async () => {
      const seen: DomainEvent[] = [];
      app.app.get(DomainEvents).afterCommit('consultation.*', (e) => void seen.push(e));
      const mentor = await standard();
      const [entrepreneur] = await app.newEntrepreneurs(1);
      const { id } = (await book(entrepreneur, mentor.id, at('09:00'))).body;
      await app.post(`/api/consultations/${id}/reschedule`, { start: at('11:00') }, mentor.token);
      await app.post(`/api/consultations/${id}/cancel`, { reason: 'Sakit' }, mentor.token);
      const mine = seen.filter((e) => (e as { consultationId?: string }).consultationId === id);
      expect(mine.map((e) => e.type)).toEqual(['consultation.booked', 'consultation.rescheduled', 'consultation.cancelled']);
      expect(mine[1]).toMatchObject({ previousStart: new Date(at('09:00')), start: new Date(at('11:00')), byUserId: mentor.id });
      expect(mine[2]).toMatchObject({ reason: 'Sakit', byUserId: mentor.id });
    });
  });

  describe('finding a mentor', () => {
    it('lists mentors assigned to the kelurahan first, then others of its kecamatan, filtered by topic', async () => {
      const far = await app.newUser(['mentor'], { mentor: { kelurahanCodes: ['31.71.09.1003'], topics: ['pemasaran'] } } as never);
      const near = await app.newUser(['mentor'], { mentor: { kelurahanCodes: ['31.71.09.1002'], topics: ['pemasaran', 'permodalan'] } } as never);
      const res = await app.get('/api/mentors?kelurahan=31.71.09.1002&topic=pemasaran&limit=100', admin.token);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((m: { id: string }) => m.id);
      expect(ids.indexOf(near.id)).toBe(0);
      expect(ids).toContain(far.id);
      expect(res.body.items[0]).toMatchObject({ assigned: true, topics: ['permodalan', 'pemasaran'] });
      const byTopic = await app.get('/api/mentors?kelurahan=31.71.09.1002&topic=produksi&limit=100', admin.token);
      expect(byTopic.body.items.map((m: { id: string }) => m.id)).not.toContain(near.id);
    });

    it('GET /api/mentors/:id answers one mentor as the directory does; 404 for someone who is not a mentor or an unknown id', async () => {
      const mentor = await app.newUser(['mentor'], { name: 'Ibu Ratna', mentor: { kelurahanCodes: ['31.71.09.1002', '31.71.09.1001'], topics: ['perizinan'] } } as never);
      const [person] = await app.newEntrepreneurs(1);
      const res = await app.get(`/api/mentors/${mentor.id}`, person.token);
      expect(res.status).toBe(200);
      const listed = (await app.get('/api/mentors?limit=100', person.token)).body.items.find((m: { id: string }) => m.id === mentor.id);
      expect(res.body).toEqual(listed);
      expect(res.body).toEqual({ id: mentor.id, name: 'Ibu Ratna', topics: ['perizinan'], kelurahanCodes: ['31.71.09.1001', '31.71.09.1002'], assigned: false, timezone: 'Asia/Jakarta' });
      expect((await app.get(`/api/mentors/${mentor.id}?kelurahan=31.71.09.1002`, person.token)).body.assigned).toBe(true);
      expect((await app.get(`/api/mentors/${mentor.id}?kelurahan=31.71`, person.token)).status).toBe(400);
      for (const id of [person.id, admin.id, '01a235ab-c45d-7065-86a8-d50367b671cd', 'bukan-id']) expect((await app.get(`/api/mentors/${id}`, person.token)).status).toBe(404);
      expect((await app.get(`/api/mentors/${mentor.id}`)).status).toBe(401);
    });
  });
});
