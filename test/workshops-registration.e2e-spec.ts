import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents, type DomainEvent } from '@pendamping/platform';
import { HeldSeatsService, Registration, Workshop } from '@pendamping/workshops';
import mysql from 'mysql2/promise';
import { untilBlocked } from './support/race';
import { workerDatabase } from './support/scratch-database';
import { TestApp, type Session } from './support/test-app';

const baseDay = DateTime.now().setZone('Asia/Jakarta').plus({ days: 40 + Math.floor(Math.random() * 2000) }).startOf('day');
let nextDay = 0;
/** Each workshop on its own day, two hours from 09:00 WIB. */
const sessionsOnNewDay = () => {
  const day = baseDay.plus({ days: nextDay++ });
  return [{ start: day.set({ hour: 9 }).toUTC().toISO()!, end: day.set({ hour: 11 }).toUTC().toISO()! }];
};

describe('workshops: registration, waitlist, quotas', () => {
  let app: TestApp;
  let admin: Session;
  let speaker: Session;
  const events: DomainEvent[] = [];
  // A database of its own: releasing held seats (HeldSeatsService.releaseDue, with the clock moved days
  // ahead) acts on every due workshop, and must not reach other suites' workshops in the shared one.
  let database: Awaited<ReturnType<typeof workerDatabase>>;

  beforeAll(async () => {
    database = await workerDatabase('registration');
    app = await TestApp.start({ DATABASE_URL: database.url });
    admin = await app.newUser(['admin']);
    speaker = await app.newUser(['speaker']);
    app.app.get(DomainEvents).afterCommit('workshop.*', (e) => void events.push(e));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function publishedWorkshop(capacity: number, extra: Record<string, unknown> = {}): Promise<string> {
    const body = { title: 'Pemasaran Digital', description: 'Jualan lewat marketplace.', topic: 'pemasaran', capacity, speakerIds: [speaker.id], sessions: sessionsOnNewDay(), ...extra };
    const created = await app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    return created.body.id;
  }
  const register = (id: string, who: Session) => app.post(`/api/workshops/${id}/registrations`, undefined, who.token);
  const leave = (id: string, who: Session) => app.request('DELETE', `/api/workshops/${id}/registrations/me`, { token: who.token });
  const rows = (workshopId: string) => app.app.get(DataSource).getRepository(Registration).findBy({ workshopId });
  async function registrations(id: string): Promise<{ userId: string; status: string; position?: number }[]> {
    const res = await app.get(`/api/workshops/${id}/registrations?limit=100`, admin.token);
    expect(res.status).toBe(200);
    return res.body.items;
  }
  const line = async (id: string) =>
    (await registrations(id)).filter((r) => r.status === 'waitlisted').sort((a, b) => a.position! - b.position!).map((r) => r.userId);
  const seated = async (id: string) => (await registrations(id)).filter((r) => r.status === 'registered').map((r) => r.userId).sort();

  it('seats exactly `capacity` of 3× capacity entrepreneurs registering at once, waitlists the rest 1..n, and promotes in order', async () => {
    const capacity = 5;
    const id = await publishedWorkshop(capacity);
    const people = await Promise.all(Array.from({ length: capacity * 3 }, () => app.newEntrepreneur()));
    const results = await Promise.all(people.map((p) => register(id, p)));

    expect(results.map((r) => r.status)).toEqual(Array(capacity * 3).fill(201));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(capacity);
    const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: capacity * 2 }, (_, i) => i + 1));
    expect((await app.get(`/api/workshops/${id}`)).body).toMatchObject({ seatsLeft: 0, registeredCount: capacity, waitlistCount: capacity * 2 });

    // The waitlist as the list reports it matches what each person was told.
    const byPosition = people.filter((_, i) => results[i].body.status === 'waitlisted').sort((a, b) => results[people.indexOf(a)].body.position - results[people.indexOf(b)].body.position);
    expect(await line(id)).toEqual(byPosition.map((p) => p.id));

    // One cancellation: the first in line moves up, everyone behind moves one place forward.
    const seatedPeople = people.filter((_, i) => results[i].body.status === 'registered');
    expect((await leave(id, seatedPeople[0])).status).toBe(204);
    expect(events).toContainEqual(expect.objectContaining({ type: 'workshop.promoted', workshopId: id, userId: byPosition[0].id }));
    expect(await line(id)).toEqual(byPosition.slice(1).map((p) => p.id));
    expect((await app.get(`/api/workshops/${id}/registrations/me`, byPosition[1].token)).body).toEqual({ status: 'waitlisted', position: 1 });

    // Three cancellations at once: the next three in line, in order, and still never more than capacity.
    expect((await Promise.all(seatedPeople.slice(1, 4).map((p) => leave(id, p)))).map((r) => r.status)).toEqual([204, 204, 204]);
    const nowSeated = await seated(id);
    expect(nowSeated).toHaveLength(capacity);
    expect(nowSeated).toEqual([seatedPeople[4], ...byPosition.slice(0, 4)].map((p) => p.id).sort());
    expect(await line(id)).toEqual(byPosition.slice(4).map((p) => p.id));

    // Nobody lost: one row per person, every one accounted for.
    const stored = await rows(id);
    expect(stored).toHaveLength(capacity * 3);
    expect(new Set(stored.map((r) => r.userId))).toEqual(new Set(people.map((p) => p.id)));
    expect(stored.filter((r) => r.status === 'cancelled').map((r) => r.userId).sort()).toEqual(seatedPeople.slice(0, 4).map((p) => p.id).sort());
  });

  it('refuses registering twice with 409 ALREADY_REGISTERED, also when both requests arrive at once', async () => {
    const id = await publishedWorkshop(10);
    const person = await app.newEntrepreneur();
    const both = await Promise.all([register(id, person), register(id, person)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('ALREADY_REGISTERED');
    expect((await register(id, person)).body.code).toBe('ALREADY_REGISTERED');
    expect(await rows(id)).toHaveLength(1);
  });

  it('lets someone who cancelled register again, at the back of the line', async () => {
    const id = await publishedWorkshop(1);
    const [first, second, third] = [await app.newEntrepreneur(), await app.newEntrepreneur(), await app.newEntrepreneur()];
    await register(id, first);
    await register(id, second);
    expect((await leave(id, second)).status).toBe(204);
    await register(id, third);
    expect((await register(id, second)).body).toEqual({ status: 'waitlisted', position: 2 });
  });

  it('answers 404 REGISTRATION_NOT_FOUND when leaving a workshop one is not registered for; only entrepreneurs register', async () => {
    const id = await publishedWorkshop(3);
    const res = await leave(id, await app.newEntrepreneur());
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('REGISTRATION_NOT_FOUND');
    expect((await register(id, speaker)).status).toBe(403);
  });

  it('answers 200 {status: null} to GET registrations/me for someone who never registered (404 only for an unknown or draft workshop)', async () => {
    const id = await publishedWorkshop(3);
    const person = await app.newEntrepreneur();
    const mine = (workshopId: string) => app.get(`/api/workshops/${workshopId}/registrations/me`, person.token);
    expect(await mine(id)).toMatchObject({ status: 200, body: { status: null } });
    await register(id, person);
    expect((await mine(id)).body).toEqual({ status: 'registered' });
    expect((await leave(id, person)).status).toBe(204);
    expect((await mine(id)).body).toEqual({ status: 'cancelled' });
    const draft = await app.post('/api/workshops', { title: 'Belum terbit', description: 'Draf.', topic: 'pemasaran', capacity: 3, speakerIds: [], sessions: sessionsOnNewDay() }, admin.token);
    expect((await mine(draft.body.id)).status).toBe(404);
    expect((await mine('01a235ab-c45d-7065-86a8-d50367b671cd')).status).toBe(404);
  });

  it('shows registrations to admins and the workshop\'s own speakers only', async () => {
    const id = await publishedWorkshop(3);
    const person = await app.newEntrepreneur();
    await register(id, person);
    const own = await app.get(`/api/workshops/${id}/registrations`, speaker.token);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([{ userId: person.id, name: 'Siti Aminah', status: 'registered', kecamatanCode: '31.71.09', createdAt: expect.any(String) }]);
    const stranger = await app.newUser(['speaker']);
    expect((await app.get(`/api/workshops/${id}/registrations`, stranger.token)).status).toBe(403);
    expect((await app.get(`/api/workshops/${id}/registrations`, person.token)).status).toBe(403);
  });

  /** Entrepreneurs from Kecamatan Gambir (31.73.08), outside the Tebet quota, in a kelurahan no other suite adds. */
  let gambirKelurahan: string | undefined;
  async function gambir(): Promise<Session> {
    if (!gambirKelurahan) {
      gambirKelurahan = `31.73.08.${9000 + Math.floor(Math.random() * 1000)}`;
      const region = await app.post('/api/regions', { code: gambirKelurahan, name: 'Kelurahan Uji Gambir', level: 'kelurahan', parentCode: '31.73.08' }, admin.token);
      expect(region.status).toBe(201);
    }
    return app.newEntrepreneur({ business: { name: 'Warung Gambir', type: 'kelontong', kelurahanCode: gambirKelurahan } });
  }

  it('holds quota seats for their kecamatan: others wait, a Tebet entrepreneur still gets in', async () => {
    const id = await publishedWorkshop(2, { kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 1 }] });
    const [g1, g2] = [await gambir(), await gambir()];
    expect((await register(id, g1)).body).toEqual({ status: 'registered' });
    expect((await register(id, g2)).body).toEqual({ status: 'waitlisted', position: 1 });
    const tebet = await app.newEntrepreneur();
    expect((await register(id, tebet)).body).toEqual({ status: 'registered' });
    expect((await app.get(`/api/workshops/${id}`)).body.kecamatanQuotas).toEqual([{ kecamatanCode: '31.71.09', seats: 1, seatsLeft: 0 }]);

    // The Gambir seat frees: the Gambir entrepreneur waiting takes it.
    await leave(id, g1);
    expect(await seated(id)).toEqual([g2.id, tebet.id].sort());
  });

  it('opens held seats to the line a day before the first session: the worker promotes those waiting, a newcomer cannot pass them', async () => {
    const quotas = { kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 2 }] };
    const [byWorker, byNewcomer] = [await publishedWorkshop(3, quotas), await publishedWorkshop(3, quotas)];
    const lines: Record<string, Session[]> = {};
    for (const id of [byWorker, byNewcomer]) {
      lines[id] = [await gambir(), await gambir(), await gambir()];
      for (const [i, person] of lines[id].entries()) expect((await register(id, person)).body.status).toBe(i === 0 ? 'registered' : 'waitlisted');
    }
    const view = (await app.get(`/api/workshops/${byWorker}`)).body;
    expect(Date.parse(view.quotasHeldUntil)).toBe(Date.parse(view.sessions[0].start) - 24 * 3_600_000);
    expect(view).toMatchObject({ seatsLeft: 2, kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 2, seatsLeft: 2 }] });
    // byNewcomer's session is a day later, so its seats are held a day longer: move past both.
    const heldUntil = Math.max(...[view.quotasHeldUntil, (await app.get(`/api/workshops/${byNewcomer}`)).body.quotasHeldUntil].map((t: string) => Date.parse(t)));

    const clock = app.app.get(Clock);
    const realNow = clock.now;
    const heldSeats = new HeldSeatsService(app.app.get(DataSource), app.app.get(DomainEvents), clock);
    try {
      clock.now = () => new Date(Date.parse(view.quotasHeldUntil) - 60_000);
      await heldSeats.releaseDue();
      expect(await line(byWorker)).toEqual([lines[byWorker][1].id, lines[byWorker][2].id]); // still held

      clock.now = () => new Date(heldUntil + 1_000);
      expect((await app.get(`/api/workshops/${byWorker}`)).body.kecamatanQuotas).toEqual([{ kecamatanCode: '31.71.09', seats: 2, seatsLeft: 0 }]);
      // A newcomer after the hold ends: the two waiting take the seats first, the newcomer waits.
      const newcomer = await gambir();
      expect((await register(byNewcomer, newcomer)).body).toEqual({ status: 'waitlisted', position: 1 });
      expect(await seated(byNewcomer)).toEqual(lines[byNewcomer].map((p) => p.id).sort());

      // Nobody acts on the other workshop: the worker's job hands the seats to the line and tells them.
      events.length = 0;
      expect((await heldSeats.releaseDue()).released).toBeGreaterThanOrEqual(1);
      expect(await seated(byWorker)).toEqual(lines[byWorker].map((p) => p.id).sort());
      expect(events.filter((e) => e.type === 'workshop.promoted' && (e as { workshopId?: string }).workshopId === byWorker).map((e) => (e as { userId?: string }).userId)).toEqual([
        lines[byWorker][1].id,
        lines[byWorker][2].id,
      ]);
      const released = await app.app.get(DataSource).getRepository(Workshop).findOneByOrFail({ id: byWorker });
      expect(released.quotasReleasedAt?.getTime()).toBe(heldUntil + 1_000);
      events.length = 0;
      await heldSeats.releaseDue();
      expect(events.filter((e) => (e as { workshopId?: string }).workshopId === byWorker)).toEqual([]); // once
    } finally {
      clock.now = realNow;
    }
  });

  /** A published workshop with one seat held for Tebet and two Gambir entrepreneurs: one seated, one waiting. */
  async function heldSeatWorkshop(): Promise<{ id: string; waiting: Session; heldUntil: number }> {
    const id = await publishedWorkshop(2, { speakerIds: [], kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 1 }] });
    const [seated, waiting] = [await gambir(), await gambir()];
    expect((await register(id, seated)).body.status).toBe('registered');
    expect((await register(id, waiting)).body.status).toBe('waitlisted');
    return { id, waiting, heldUntil: Date.parse((await app.get(`/api/workshops/${id}`)).body.quotasHeldUntil) };
  }
  const releasedAt = async (id: string) => (await app.app.get(DataSource).getRepository(Workshop).findOneByOrFail({ id })).quotasReleasedAt;
  /** Runs `work` with the api's clock (the one HeldSeatsService reads) at `at`. */
  async function at<T>(time: number, work: (heldSeats: HeldSeatsService) => Promise<T>): Promise<T> {
    const clock = app.app.get(Clock);
    const realNow = clock.now;
    clock.now = () => new Date(time);
    try {
      return await work(new HeldSeatsService(app.app.get(DataSource), app.app.get(DomainEvents), clock));
    } finally {
      clock.now = realNow;
    }
  }

  it('opens the held seats of the other workshops when one fails (logged and counted); the failed one opens on the next run', async () => {
    const [first, second] = [await heldSeatWorkshop(), await heldSeatWorkshop()];
    // The workshops are released in id order: make the first one's release fail (its promotion's transaction throws).
    let failing: string | null = first.id;
    app.app.get(DomainEvents).withinTransaction('workshop.promoted', (e) => {
      if ((e as { workshopId?: string }).workshopId === failing) throw new Error('outbox unavailable');
    });
    await at(Math.max(first.heldUntil, second.heldUntil) + 1_000, async (heldSeats) => {
      expect(await heldSeats.releaseDue()).toMatchObject({ failed: 1 });
      expect(await seated(second.id)).toContain(second.waiting.id);
      expect(await releasedAt(second.id)).not.toBeNull();
      expect(await line(first.id)).toEqual([first.waiting.id]); // rolled back, still due
      expect(await releasedAt(first.id)).toBeNull();

      failing = null;
      expect(await heldSeats.releaseDue()).toMatchObject({ failed: 0 });
      expect(await seated(first.id)).toContain(first.waiting.id);
      expect(await releasedAt(first.id)).not.toBeNull();
    });
  });

  it('keeps the seats held when an admin moves the sessions later while the release waits for the workshop lock (due checked again under it)', async () => {
    const { id, waiting, heldUntil } = await heldSeatWorkshop();
    const admin = await mysql.createConnection(database.url);
    try {
      await at(heldUntil + 1_000, async (heldSeats) => {
        // The admin's change holds the workshop row (as PATCH does) while the release has found it due.
        await admin.beginTransaction();
        await admin.query('SELECT id FROM workshops WHERE id = ? FOR UPDATE', [id]);
        const release = heldSeats.releaseDue();
        await untilBlocked(admin, 1);
        await admin.query('UPDATE workshop_sessions SET startsAt = startsAt + INTERVAL 12 HOUR, endsAt = endsAt + INTERVAL 12 HOUR WHERE workshopId = ?', [id]);
        await admin.commit();
        expect(await release).toMatchObject({ failed: 0 });
        expect(await releasedAt(id)).toBeNull(); // still held: it opens a day before the new first session
        expect(await line(id)).toEqual([waiting.id]);
      });
    } finally {
      await admin.end();
    }
  });

  it('promotes from the waitlist when an admin raises the capacity', async () => {
    const id = await publishedWorkshop(1);
    const people = [await app.newEntrepreneur(), await app.newEntrepreneur(), await app.newEntrepreneur()];
    for (const p of people) await register(id, p);
    const res = await app.request('PATCH', `/api/workshops/${id}`, { token: admin.token, body: { capacity: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.seatsLeft).toBe(0);
    expect(await seated(id)).toEqual([people[0].id, people[1].id].sort());
    expect(await line(id)).toEqual([people[2].id]);
  });

  it('lists my workshops: upcoming soonest first with my status and place in line, past ones once over, and those I speak at', async () => {
    const ownSpeaker = await app.newUser(['speaker']);
    const [me, other] = [await app.newEntrepreneur(), await app.newEntrepreneur()];
    const first = await publishedWorkshop(1, { speakerIds: [ownSpeaker.id] });
    const second = await publishedWorkshop(1);
    const third = await publishedWorkshop(5);
    expect((await register(second, other)).body.status).toBe('registered');
    for (const id of [third, first, second]) expect((await register(id, me)).status).toBe(201);
    const mine = async (who: Session, query = '') => {
      const res = await app.get(`/api/me/workshops${query}`, who.token);
      expect(res.status).toBe(200);
      return res.body as { items: { as: string; status?: string; position?: number; workshop: { id: string; sessions: { end: string }[] } }[]; nextCursor: string | null };
    };
    const summary = (page: Awaited<ReturnType<typeof mine>>) => page.items.map((i) => ({ id: i.workshop.id, as: i.as, status: i.status, position: i.position }));

    const page1 = await mine(me, '?limit=2');
    expect(summary(page1)).toEqual([
      { id: first, as: 'registrant', status: 'registered' },
      { id: second, as: 'registrant', status: 'waitlisted', position: 1 },
    ]);
    const page2 = await mine(me, `?limit=2&cursor=${page1.nextCursor}`);
    expect(summary(page2)).toEqual([{ id: third, as: 'registrant', status: 'registered' }]);
    expect(page2.nextCursor).toBeNull();

    expect((await leave(third, me)).status).toBe(204);
    expect(summary(await mine(me)).map((w) => w.id)).toEqual([first, second]);
    expect(summary(await mine(ownSpeaker))).toEqual([{ id: first, as: 'speaker' }]);
    expect(summary(await mine(other)).map((w) => w.id)).toEqual([second]);
    expect((await app.get('/api/me/workshops?when=soon', me.token)).status).toBe(400);

    const firstEnds = Date.parse(page1.items[0].workshop.sessions[0].end);
    const clock = app.app.get(Clock);
    const realNow = clock.now;
    clock.now = () => new Date(firstEnds + 60_000);
    try {
      expect(summary(await mine(me)).map((w) => w.id)).toEqual([second]);
      expect(summary(await mine(me, '?when=past'))).toEqual([{ id: first, as: 'registrant', status: 'registered' }]);
    } finally {
      clock.now = realNow;
    }
  });
});
