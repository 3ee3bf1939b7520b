import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Registration } from '@pendamping/workshops';
import { releaseTogether, seeded, unclean } from './support/race';
import { TestApp, type Response, type Session } from './support/test-app';

// Storms of admins scheduling one speaker, and of people taking and giving up the seats of a small workshop.
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 30 }).startOf('day');
const at = (hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute }).toUTC().toISO()!;
};
const session = (from: string, to: string) => ({ start: at(from), end: at(to) });

describe('races: workshops', () => {
  let app: TestApp;
  let admins: Session[];
  let db: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    db = app.app.get(DataSource);
    admins = [];
    for (let i = 0; i < 12; i++) admins.push(await app.newUser(['admin']));
  });
  afterAll(() => app.close());

  const workshopBody = (speakerId: string, sessions: { start: string; end: string }[], extra: Record<string, unknown> = {}) => ({
    title: 'Pemasaran Digital',
    description: 'Jualan lewat media sosial.',
    topic: 'pemasaran',
    capacity: 10,
    speakerIds: [speakerId],
    sessions,
    ...extra,
  });
  const draft = async (speakerId: string, from: string, to: string): Promise<string> => {
    const res = await app.post('/api/workshops', workshopBody(speakerId, [session(from, to)]), admins[0].token);
    expect(res.status).toBe(201);
    return res.body.id;
  };

  /** Pairs of the speaker's sessions (of draft or published workshops) that overlap: must be none. */
  const overlappingPairs = async (speakerId: string): Promise<unknown[]> =>
    db.query(
      `SELECT a.id AS a, b.id AS b FROM workshop_sessions a
         JOIN workshop_speakers sa ON sa.workshopId = a.workshopId JOIN workshops wa ON wa.id = a.workshopId
         JOIN workshop_sessions b ON b.id > a.id AND b.startsAt < a.endsAt AND b.endsAt > a.startsAt
         JOIN workshop_speakers sb ON sb.workshopId = b.workshopId JOIN workshops wb ON wb.id = b.workshopId
        WHERE sa.speakerId = ? AND sb.speakerId = ? AND wa.status IN ('draft', 'published') AND wb.status IN ('draft', 'published')`,
      [speakerId, speakerId],
    );

  it('12 admins schedule one speaker at once: one workshop wins each overlap, the rest get 409 SPEAKER_BUSY, publishes serialise', async () => {
    const speaker = await app.newUser(['speaker']);
    const [w1, w2, w3, w4, twice] = [await draft(speaker.id, '06:00', '06:30'), await draft(speaker.id, '06:30', '07:00'), await draft(speaker.id, '07:00', '07:30'), await draft(speaker.id, '07:30', '08:00'), await draft(speaker.id, '16:00', '17:00')];
    // Quotas make the create read regions first: its overlap check must still see what committed meanwhile.
    const quota = { kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 2 }] };
    const create = (admin: Session, from: string, to: string) => app.post('/api/workshops', workshopBody(speaker.id, [session(from, to)], quota), admin.token);
    const move = (admin: Session, id: string, from: string, to: string) => app.request('PATCH', `/api/workshops/${id}`, { token: admin.token, body: { sessions: [session(from, to)] } });
    const publish = (admin: Session, id: string) => app.post(`/api/workshops/${id}/publish`, undefined, admin.token);
    const morning = [create(admins[0], '09:00', '10:00'), create(admins[1], '09:15', '10:15'), create(admins[2], '09:30', '10:30'), move(admins[3], w1, '09:45', '10:45'), move(admins[4], w2, '09:50', '10:50')];
    const afternoon = [create(admins[5], '13:00', '14:00'), create(admins[6], '13:30', '14:30'), move(admins[7], w3, '13:10', '14:10'), move(admins[8], w4, '13:40', '14:40')];
    const publishes = [publish(admins[9], twice), publish(admins[10], twice), publish(admins[11], w1)];

    const counts = async () => {
      const [row]: { workshops: string; quotas: string }[] = await db.query('SELECT (SELECT COUNT(*) FROM workshops) AS workshops, (SELECT COUNT(*) FROM workshop_quotas) AS quotas');
      return { workshops: Number(row.workshops), quotas: Number(row.quotas) };
    };
    const before = await counts();
    const [am, pm, pub] = await releaseTogether('workshop_sessions', 12, () => Promise.all([Promise.all(morning), Promise.all(afternoon), Promise.all(publishes)]));

    expect(unclean([...am, ...pm, ...pub])).toEqual([]);
    const outcome = (r: Response) => (r.status < 300 ? 'scheduled' : r.body.code);
    for (const group of [am, pm]) expect(group.map(outcome).sort()).toEqual([...Array(group.length - 1).fill('SPEAKER_BUSY'), 'scheduled']);
    expect(pub.slice(0, 2).map((r) => r.body.code ?? r.body.status).sort()).toEqual(['WORKSHOP_NOT_DRAFT', 'published']);
    expect(pub[2].body.status).toBe('published');
    expect(await overlappingPairs(speaker.id)).toEqual([]);
    // A refused move changed nothing: the workshop keeps its old session.
    const losers = [[am[3], w1, '06:00'], [am[4], w2, '06:30'], [pm[2], w3, '07:00'], [pm[3], w4, '07:30']] as const;
    for (const [, id, from] of losers.filter(([res]) => res.status === 409)) {
      expect((await app.get(`/api/workshops/${id}`, admins[0].token)).body.sessions.map((s: { start: string }) => s.start)).toEqual([at(from)]);
    }
    // A refused create left nothing behind: only the creates that won added a workshop and its quota.
    const won = [am[0], am[1], am[2], pm[0], pm[1]].filter((r) => r.status < 300).length;
    expect(await counts()).toEqual({ workshops: before.workshops + won, quotas: before.quotas + won });
  });

  describe('registrations and cancellations on a workshop of 3 seats', () => {
    const people = 24;
    let workshopId: string;
    let crowd: Session[];

    beforeAll(async () => {
      const speaker = await app.newUser(['speaker']);
      const created = await app.post('/api/workshops', workshopBody(speaker.id, [session('10:00', '12:00')], { capacity: 3 }), admins[0].token);
      workshopId = created.body.id;
      expect((await app.post(`/api/workshops/${workshopId}/publish`, undefined, admins[0].token)).status).toBe(200);
      crowd = await app.newEntrepreneurs(people);
    });

    const register = (who: Session) => app.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token);
    const leave = (who: Session) => app.request('DELETE', `/api/workshops/${workshopId}/registrations/me`, { token: who.token });

    /** Seats and line as the database holds them, checked against the api's counts and positions. */
    async function assertConsistent(): Promise<void> {
      const rows = await db.getRepository(Registration).findBy({ workshopId });
      const registered = rows.filter((r) => r.status === 'registered');
      const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!);
      expect(registered.length).toBeLessThanOrEqual(3);
      // Nobody waits while a seat is free.
      if (waiting.length > 0) expect(registered).toHaveLength(3);
      expect(registered.every((r) => r.waitlistSeq === null)).toBe(true);
      expect(new Set(waiting.map((r) => r.waitlistSeq)).size).toBe(waiting.length);
      expect(waiting.every((r) => r.waitlistSeq !== null)).toBe(true);

      const view = (await app.get(`/api/workshops/${workshopId}`, admins[0].token)).body;
      expect({ registered: view.registeredCount, waiting: view.waitlistCount, left: view.seatsLeft }).toEqual({ registered: registered.length, waiting: waiting.length, left: 3 - registered.length });
      const list = (await app.get(`/api/workshops/${workshopId}/registrations?status=waitlisted&limit=100`, admins[0].token)).body.items as { userId: string; position: number }[];
      // Positions are 1..n without gaps or duplicates, in the order of the line.
      expect(list.map((r) => r.position).sort((a, b) => a - b)).toEqual(waiting.map((_, i) => i + 1));
      const byUser = new Map(list.map((r) => [r.userId, r.position]));
      expect(waiting.map((r) => byUser.get(r.userId))).toEqual(waiting.map((_, i) => i + 1));
    }

    it('never goes over capacity, keeps the line without gaps, and answers every request 2xx or a coded 4xx, over 5 rounds of 24 people', async () => {
      const pick = seeded(16);
      const active = new Set<string>();
      for (let round = 0; round < 5; round++) {
        // Each person registers, cancels, or (a double tap) sends the same again.
        const moves = crowd.map((who) => {
          const roll = pick(4);
          const isIn = active.has(who.id);
          if (roll === 3) return { who, kind: isIn ? ('leave' as const) : ('register' as const), twice: true };
          return { who, kind: (isIn ? roll === 0 : roll !== 0) ? ('register' as const) : ('leave' as const), twice: false };
        });
        const send = (m: (typeof moves)[number]) => (m.kind === 'register' ? register(m.who) : leave(m.who));
        const requests = moves.flatMap((m) => (m.twice ? [m, m] : [m]));
        const answers: Response[] = await releaseTogether('workshop_registrations', 20, () => Promise.all(requests.map(send)));

        expect(unclean(answers)).toEqual([]);
        const allowed = { register: ['ALREADY_REGISTERED'], leave: ['REGISTRATION_NOT_FOUND'] };
        answers.forEach((res, i) => {
          if (res.status >= 300) expect(allowed[requests[i].kind]).toContain(res.body.code);
        });
        await assertConsistent();
        const rows = await db.getRepository(Registration).findBy({ workshopId });
        active.clear();
        for (const r of rows) if (r.status !== 'cancelled') active.add(r.userId);
        // Every person's own view agrees with the database.
        const sample = crowd.slice(0, 6);
        for (const who of sample) {
          const mine = (await app.get(`/api/workshops/${workshopId}/registrations/me`, who.token)).body;
          expect(mine.status ?? 'cancelled').toBe(rows.find((r) => r.userId === who.id)?.status ?? 'cancelled');
        }
      }
    });
  });
});
