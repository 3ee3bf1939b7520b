import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { createConnection } from 'mysql2/promise';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Clock, newId } from '@pendamping/platform';
import { AttendanceEvent, Certificate, Feedback } from '@pendamping/workshops';
import { LogCapture } from './support/log-capture';
import { releaseTogether, seeded, unclean } from './support/race';
import { TestApp, type Response, type Session } from './support/test-app';
import { testEnv } from './support/test-env';

// Storms on one mentor's calendar, and on one attendee's certificate and feedback. The deadlock log line
// is watched too: a retry hides a deadlock from the caller, the lock order is what prevents it.
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 12 }).startOf('day');
const at = (hhmm: string, d = day) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return d.set({ hour, minute }).toUTC().toISO({ suppressMilliseconds: false })!;
};
const SLOTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((t) => at(t));

describe('races', () => {
  const logs = new LogCapture();
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ LOG_LEVEL: 'warn' }, { imports: [logs.module()] });
    db = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const deadlockLines = () => logs.containing('ER_LOCK_DEADLOCK').length + logs.containing('Deadlock found').length;

  /** Mentors offering SLOTS every day (30 minutes, no buffer, no notice). */
  const availableMentors = async (count: number): Promise<Session[]> => {
    const mentors = await app.newMentors(count);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    for (const m of mentors) {
      const res = await app.request('PUT', '/api/mentors/me/availability', { token: m.token, body: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60, weekly } });
      expect(res.status).toBe(200);
    }
    return mentors;
  };

  /** Booked consultations that overlap another of the same person (mentor or entrepreneur): must be none. */
  const doubleBooked = (column: 'mentorId' | 'entrepreneurId', ids: string[]): Promise<unknown[]> =>
    db.query(
      `SELECT a.id, b.id FROM consultations a JOIN consultations b ON b.${column} = a.${column} AND b.id > a.id AND b.start < a.end AND b.end > a.start
        WHERE a.status = 'booked' AND b.status = 'booked' AND a.${column} IN (?)`,
      [ids],
    );

  describe('book, cancel and reschedule on one mentor', () => {
    type Action = { kind: 'book'; who: Session; mentor: Session; start: string } | { kind: 'cancel'; who: Session; id: string } | { kind: 'reschedule'; who: Session; id: string; start: string };

    const send = (a: Action): Promise<Response> => {
      if (a.kind === 'book') return app.post('/api/consultations', { mentorId: a.mentor.id, start: a.start, topic: 'permodalan' }, a.who.token);
      if (a.kind === 'cancel') return app.post(`/api/consultations/${a.id}/cancel`, { reason: 'Jadwal bentrok' }, a.who.token);
      return app.post(`/api/consultations/${a.id}/reschedule`, { start: a.start }, a.who.token);
    };
    const allowed: Record<Action['kind'], string[]> = {
      book: ['SLOT_TAKEN', 'ALREADY_BOOKED_THEN', 'BOOKING_LIMIT_MENTOR', 'BOOKING_LIMIT_TOTAL'],
      cancel: [],
      reschedule: ['SLOT_TAKEN', 'ALREADY_BOOKED_THEN', 'NOT_BOOKED'],
    };

    it('never gives one slot twice nor one person two bookings at once; reschedules move, cancels free; no 500 and no deadlock over 6 rounds', async () => {
      const mentors = await availableMentors(2);
      const people = await app.newEntrepreneurs(8);
      const mentorIds = mentors.map((m) => m.id);
      const ofThese = () => db.getRepository(Consultation).findBy({ status: 'booked', mentorId: In(mentorIds) });
      const pick = seeded(3);
      const deadlocksBefore = deadlockLines();

      for (let round = 0; round < 6; round++) {
        const before = await ofThese();
        const actions: Action[] = [];
        // Pairs of a cancel by the entrepreneur and a reschedule by the mentor of the same consultation.
        const pairs: string[] = [];
        for (const who of people) {
          const mine = before.find((c) => c.entrepreneurId === who.id);
          const slot = SLOTS[pick(SLOTS.length)];
          const roll = pick(5);
          if (mine && roll === 0) actions.push({ kind: 'cancel', who, id: mine.id });
          else if (mine && roll === 1) actions.push({ kind: 'reschedule', who, id: mine.id, start: slot });
          else if (mine && roll === 2) {
            const mentor = mentors.find((m) => m.id === mine.mentorId)!;
            actions.push({ kind: 'cancel', who, id: mine.id }, { kind: 'reschedule', who: mentor, id: mine.id, start: slot });
            pairs.push(mine.id);
          } else if (roll === 3) actions.push(...mentors.map((mentor) => ({ kind: 'book' as const, who, mentor, start: slot })));
          else actions.push({ kind: 'book', who, mentor: mentors[pick(2)], start: slot });
        }
        const answers = await releaseTogether('consultations', Math.min(actions.length, 18), () => Promise.all(actions.map(send)));

        expect(unclean(answers)).toEqual([]);
        const unexpected = answers.flatMap((res, i) => (res.status >= 300 && !allowed[actions[i].kind].includes(res.body.code) ? [`${actions[i].kind}: ${res.body.code}`] : []));
        expect(unexpected).toEqual([]);
        expect(await doubleBooked('mentorId', mentorIds)).toEqual([]);
        expect(await doubleBooked('entrepreneurId', people.map((p) => p.id))).toEqual([]);

        const after = await ofThese();
        const byId = new Map(after.map((c) => [c.id, c]));
        const cancelled = actions.filter((a, i) => a.kind === 'cancel' && answers[i].status === 200).length;
        const made = answers.filter((r, i) => actions[i].kind === 'book' && r.status === 201 && !before.some((c) => c.id === r.body.id)).length;
        expect(after).toHaveLength(before.length - cancelled + made);
        for (const id of pairs) expect(byId.has(id)).toBe(false);
        // A reschedule is one move: the consultation is at the new start (old slot freed) or, refused, where it was.
        actions.forEach((a, i) => {
          if (a.kind !== 'reschedule' || pairs.includes(a.id)) return;
          const was = before.find((c) => c.id === a.id)!.start.toISOString();
          expect(byId.get(a.id)!.start.toISOString()).toBe(answers[i].status === 200 ? a.start : was);
        });
        // The api offers exactly the slots nobody holds.
        for (const mentor of mentors) {
          const res = await app.get(`/api/mentors/${mentor.id}/slots?from=${encodeURIComponent(day.toISO()!)}&to=${encodeURIComponent(day.plus({ days: 1 }).toISO()!)}`, people[0].token);
          const held = new Set(after.filter((c) => c.mentorId === mentor.id).map((c) => c.start.toISOString()));
          expect(res.body.items.map((s: { start: string }) => s.start)).toEqual(SLOTS.filter((s) => !held.has(s)));
        }
      }
      expect(deadlockLines()).toBe(deadlocksBefore);
    });
  });

  describe('after the start: an outcome or a no-show against a cancel and a reschedule', () => {
    const realNow = Clock.prototype.now;
    afterAll(() => void (app.app.get(Clock).now = realNow));

    it('ends each started consultation as its mentor says (completed or no-show); its cancel and move are refused, no 500 and no deadlock', async () => {
      const [mentor] = await availableMentors(1);
      const people = await app.newEntrepreneurs(4);
      const ids: string[] = [];
      for (const [i, who] of people.entries()) ids.push((await app.post('/api/consultations', { mentorId: mentor.id, start: SLOTS[i], topic: 'permodalan' }, who.token)).body.id);
      // 10:45 that day: the four consultations (09:00-11:00) have started, 11:00 and 11:30 are still ahead.
      app.app.get(Clock).now = () => new Date(at('10:45'));
      const deadlocksBefore = deadlockLines();

      const requests = people.flatMap((who, i) => [
        i % 2 === 0
          ? app.post(`/api/consultations/${ids[i]}/outcome`, { summary: 'Membahas modal kerja', actions: ['Siapkan laporan kas'] }, mentor.token)
          : app.post(`/api/consultations/${ids[i]}/no-show`, undefined, mentor.token),
        app.post(`/api/consultations/${ids[i]}/cancel`, { reason: 'Berhalangan' }, who.token),
        app.post(`/api/consultations/${ids[i]}/reschedule`, { start: SLOTS[4 + (i % 2)] }, who.token),
      ]);
      const answers = await releaseTogether('consultations', requests.length, () => Promise.all(requests));

      expect(unclean(answers)).toEqual([]);
      const rows = await db.getRepository(Consultation).findBy({ id: In(ids) });
      const outcomes: { consultationId: string }[] = await db.query('SELECT consultationId FROM consultation_outcomes WHERE consultationId IN (?)', [ids]);
      for (const [i, id] of ids.entries()) {
        const row = rows.find((r) => r.id === id)!;
        const [ending, cancel, move] = [answers[3 * i], answers[3 * i + 1], answers[3 * i + 2]];
        // A started consultation is no longer cancelled or moved: the mentor's ending goes through, and the
        // other two are refused for having started (or, once the ending committed, for no longer being booked).
        expect(ending.status).toBeLessThan(300);
        for (const refused of [cancel, move]) expect(['ALREADY_STARTED', 'NOT_BOOKED']).toContain(refused.body.code);
        expect(row.status).toBe(i % 2 === 0 ? 'completed' : 'no_show');
        expect(row.start).toEqual(new Date(SLOTS[i]));
        expect(outcomes.some((o) => o.consultationId === id)).toBe(row.status === 'completed');
      }
      expect(await doubleBooked('mentorId', [mentor.id])).toEqual([]);
      expect(deadlockLines()).toBe(deadlocksBefore);
    });
  });

  describe('a deadlock', () => {
    // What TypeORM throws when InnoDB picks the transaction as a deadlock's victim (forced here: real ones are rare).
    const deadlock = () => new QueryFailedError('INSERT INTO consultations', [], Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }));
    const bookWithKey = async (key: string) => {
      const [mentor] = await availableMentors(1);
      const [who] = await app.newEntrepreneurs(1);
      return () => app.request('POST', '/api/consultations', { token: who.token, body: { mentorId: mentor.id, start: SLOTS[0], topic: 'permodalan' }, headers: { 'idempotency-key': key } });
    };
    afterEach(() => jest.restoreAllMocks());

    it('a real one, InnoDB choosing the booking as its victim, is run again and books once', async () => {
      const [mentor] = await availableMentors(1);
      const [who] = await app.newEntrepreneurs(1);
      const [first, second] = [mentor.id, who.id].sort();
      const deadlocksBefore = deadlockLines();
      // Another session, made the heavier transaction (InnoDB rolls back the lighter one), holds the calendar
      // that booking locks second; the booking takes the first and waits; the other then asks for the first.
      const other = await createConnection(testEnv().DATABASE_URL);
      try {
        await other.query('CREATE TEMPORARY TABLE ballast (n INT PRIMARY KEY)');
        await other.query('START TRANSACTION');
        await other.query('INSERT INTO ballast WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 900) SELECT n FROM s');
        await other.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [second]);
        let answered = '';
        const booking = app.post('/api/consultations', { mentorId: mentor.id, start: SLOTS[0], topic: 'permodalan' }, who.token);
        void booking.then((r) => (answered = `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`), (e: Error) => (answered = e.message));
        const waiting = async () => {
          const [rows] = await other.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT id FROM users WHERE id IN%FOR UPDATE'");
          return Number((rows as { n: number }[])[0].n);
        };
        for (let i = 0; (await waiting()) === 0; i++) {
          if (i > 200) throw new Error(`the booking never waited for the calendar lock (answered: ${answered || 'nothing'})`);
          await new Promise((r) => setTimeout(r, 25));
        }
        // Running is not yet holding: give it a moment to take the first lock before closing the cycle.
        await new Promise((r) => setTimeout(r, 200));
        // The cycle: this waits for the booking's first lock while the booking waits for this one's.
        await other.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [first]);
        await other.query('ROLLBACK');
        const res = await booking;
        expect(res.status).toBe(201);
      } finally {
        await other.end();
      }
      expect(deadlockLines()).toBe(deadlocksBefore + 1);
      expect(await db.getRepository(Consultation).countBy({ mentorId: mentor.id, status: 'booked' })).toBe(1);
    });

    it('is run again: two deadlocks, then the third attempt books', async () => {
      const send = await bookWithKey(`deadlock-${newId()}`);
      const transaction = jest.spyOn(db, 'transaction').mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock());
      const res = await send();
      expect(res.status).toBe(201);
      expect(transaction).toHaveBeenCalledTimes(3);
      expect(await db.getRepository(Consultation).countBy({ id: res.body.id })).toBe(1);
    });

    it('on every attempt is 409 TRY_AGAIN with Retry-After, and the same Idempotency-Key then runs again and books', async () => {
      const send = await bookWithKey(`deadlock-${newId()}`);
      jest.spyOn(db, 'transaction').mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock()).mockRejectedValueOnce(deadlock());
      const refused = await send();
      expect([refused.status, refused.body.code, refused.headers.get('retry-after')]).toEqual([409, 'TRY_AGAIN', '1']);
      const again = await send();
      expect(again.status).toBe(201);
    });
  });

  describe('certificate downloads while feedback is given', () => {
    const realNow = Clock.prototype.now;
    afterAll(() => void (app.app.get(Clock).now = realNow));

    it('keeps one feedback row and one certificate; every download is the PDF with that number (a collision may only ask for a retry)', async () => {
      const start = DateTime.now().setZone('Asia/Jakarta').plus({ days: 50 + Math.floor(Math.random() * 2000) }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
      const admin = await app.newUser(['admin']);
      const speaker = await app.newUser(['speaker']);
      const body = { title: 'Pembukuan Sederhana', description: 'Catat arus kas.', topic: 'keuangan', capacity: 5, speakerIds: [speaker.id], sessions: [{ start: start.toUTC().toISO(), end: start.plus({ hours: 1 }).toUTC().toISO() }] };
      const created = await app.post('/api/workshops', body, admin.token);
      const [workshopId, sessionId] = [created.body.id, created.body.sessions[0].id];
      expect((await app.post(`/api/workshops/${workshopId}/publish`, undefined, admin.token)).status).toBe(200);
      const [attendee] = await app.newEntrepreneurs(1);
      expect((await app.post(`/api/workshops/${workshopId}/registrations`, undefined, attendee.token)).status).toBe(201);
      // The day after: the whole hour attended, certificate not issued yet.
      app.app.get(Clock).now = () => start.plus({ days: 1 }).toJSDate();
      await db.getRepository(AttendanceEvent).insert([
        { id: newId(), sessionId, userId: attendee.id, kind: 'joined', at: start.toJSDate(), eventId: null },
        { id: newId(), sessionId, userId: attendee.id, kind: 'left', at: start.plus({ hours: 1 }).toJSDate(), eventId: null },
      ]);

      const download = () => fetch(`${app.baseUrl}/api/workshops/${workshopId}/certificate`, { headers: { authorization: `Bearer ${attendee.token}` } });
      const feedback = (rating: number) => app.post(`/api/workshops/${workshopId}/feedback`, { rating, comment: 'Bermanfaat' }, attendee.token);
      const [downloads, given] = await releaseTogether(['workshop_certificates', 'workshop_feedback'], 14, () => Promise.all([Promise.all(Array.from({ length: 10 }, download)), Promise.all([5, 4, 3, 5].map(feedback))]));

      expect(unclean(given)).toEqual([]);
      expect(given.map((r) => (r.status === 201 ? 'given' : r.body.code)).sort()).toEqual(['FEEDBACK_EXISTS', 'FEEDBACK_EXISTS', 'FEEDBACK_EXISTS', 'given']);
      expect(await db.getRepository(Feedback).countBy({ workshopId, userId: attendee.id })).toBe(1);
      const certificates = await db.getRepository(Certificate).findBy({ workshopId, userId: attendee.id });
      expect(certificates).toHaveLength(1);
      for (let res of downloads) {
        // Someone who attended always gets the PDF: a collision may ask for a retry (TRY_AGAIN), nothing else.
        if (res.status === 409 && ((await res.clone().json()) as { code?: string }).code === 'TRY_AGAIN') res = await download();
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('application/pdf');
        const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
        expect((await parser.getText()).text).toContain(certificates[0].number);
        await parser.destroy();
      }
    });
  });
});
