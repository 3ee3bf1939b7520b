import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainEvents, type DomainEvent } from '@pendamping/platform';
import { Workshop, WorkshopSession } from '@pendamping/workshops';
import { TestApp, type Session } from './support/test-app';

/** A Jakarta day far enough ahead (and random) that suites running side by side do not share it. */
const baseDay = DateTime.now().setZone('Asia/Jakarta').plus({ days: 40 + Math.floor(Math.random() * 2000) }).startOf('day');
const at = (dayOffset: number, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return baseDay.plus({ days: dayOffset }).set({ hour, minute }).toUTC().toISO()!;
};

describe('workshops: scheduling, publishing, listing', () => {
  let app: TestApp;
  let admin: Session;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    app.app.get(DomainEvents).afterCommit('workshop.*', (e) => void events.push(e));
  });
  afterAll(() => app.close());

  const body = (speakerIds: string[], overrides: Record<string, unknown> = {}) => ({
    title: 'Pengelolaan Keuangan UMKM',
    description: 'Memisahkan uang usaha dan uang pribadi.',
    topic: 'keuangan',
    capacity: 20,
    speakerIds,
    sessions: [{ start: at(0, '09:00'), end: at(0, '11:00') }],
    ...overrides,
  });
  const create = async (speakerIds: string[], overrides: Record<string, unknown> = {}) => {
    const res = await app.post('/api/workshops', body(speakerIds, overrides), admin.token);
    expect(res.status).toBe(201);
    return res.body;
  };
  const published = async (speakerIds: string[], overrides: Record<string, unknown> = {}) => {
    const draft = await create(speakerIds, overrides);
    const res = await app.post(`/api/workshops/${draft.id}/publish`, undefined, admin.token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const countWorkshops = (title: string) => app.app.get(DataSource).getRepository(Workshop).countBy({ title });

  it('creates a draft with its sessions and speakers (201), visible to admins only', async () => {
    const speaker = await app.newUser(['speaker'], { organization: 'Bank DKI' });
    const draft = await create([speaker.id]);
    expect(draft).toMatchObject({
      status: 'draft',
      capacity: 20,
      seatsLeft: 20,
      speakerIds: [speaker.id],
      speakers: [{ id: speaker.id, organization: 'Bank DKI' }],
      sessions: [{ id: expect.any(String), start: at(0, '09:00'), end: at(0, '11:00') }],
    });
    const entrepreneur = await app.newEntrepreneur();
    expect((await app.get(`/api/workshops/${draft.id}`)).status).toBe(404);
    expect((await app.get(`/api/workshops/${draft.id}`, entrepreneur.token)).status).toBe(404);
    expect((await app.get(`/api/workshops/${draft.id}`, admin.token)).body.id).toBe(draft.id);
  });

  it('expands a weekly rule for 4 weeks into 4 sessions at 09:00 WIB (02:00Z)', async () => {
    const speaker = await app.newUser(['speaker']);
    const first = baseDay.plus({ days: 100 });
    const rrule = `DTSTART;TZID=Asia/Jakarta:${first.toFormat("yyyyMMdd'T'090000")}\nRRULE:FREQ=WEEKLY;COUNT=4`;
    const series = await create([speaker.id], { sessions: undefined, recurrence: { rrule, durationMinutes: 120 } });
    expect(series.recurrence).toEqual({ rrule, durationMinutes: 120 });
    expect(series.sessions.map((s: { start: string; end: string }) => [s.start, s.end])).toEqual(
      [0, 7, 14, 21].map((d) => {
        const day = first.plus({ days: d }).toFormat('yyyy-MM-dd');
        return [`${day}T02:00:00.000Z`, `${day}T04:00:00.000Z`];
      }),
    );
  });

  it('refuses a speaker in two overlapping sessions with 409 SPEAKER_BUSY, and writes nothing', async () => {
    const speaker = await app.newUser(['speaker']);
    await create([speaker.id], { sessions: [{ start: at(1, '09:00'), end: at(1, '11:00') }] });
    const clash = await app.post('/api/workshops', body([speaker.id], { title: 'Bentrok', sessions: [{ start: at(1, '10:30'), end: at(1, '12:00') }] }), admin.token);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SPEAKER_BUSY');
    expect(await countWorkshops('Bentrok')).toBe(0);
    // Back to back is fine.
    await create([speaker.id], { sessions: [{ start: at(1, '11:00'), end: at(1, '12:00') }] });
  });

  it('refuses to move a session onto the speaker\'s other workshop (PATCH, 409 SPEAKER_BUSY)', async () => {
    const speaker = await app.newUser(['speaker']);
    await create([speaker.id], { sessions: [{ start: at(2, '09:00'), end: at(2, '11:00') }] });
    const other = await create([speaker.id], { sessions: [{ start: at(2, '13:00'), end: at(2, '15:00') }] });
    const res = await app.request('PATCH', `/api/workshops/${other.id}`, { token: admin.token, body: { sessions: [{ id: other.sessions[0].id, start: at(2, '10:00'), end: at(2, '12:00') }] } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SPEAKER_BUSY');
  });

  it.each([
    ['a session ending before it starts', { sessions: [{ start: at(3, '11:00'), end: at(3, '09:00') }] }, 'sessions[0].end must be after sessions[0].start'],
    ['a session in the past', { sessions: [{ start: '2020-01-06T02:00:00Z', end: '2020-01-06T04:00:00Z' }] }, 'sessions[0].start must be in the future'],
    ['a time without an offset', { sessions: [{ start: '2030-01-06T09:00:00', end: '2030-01-06T11:00:00Z' }] }, 'sessions.0.start must be an ISO-8601 time with an offset, like 2026-12-07T09:00:00+07:00'],
    ['neither sessions nor recurrence', { sessions: undefined }, 'sessions or recurrence is required'],
    ['an endless rule', { sessions: undefined, recurrence: { rrule: 'DTSTART:20301007T090000\nRRULE:FREQ=WEEKLY', durationMinutes: 60 } }, 'recurrence.rrule must end: add COUNT or UNTIL'],
    ['a topic not on the list', { topic: 'astrologi' }, 'topic must be one of the following values: permodalan, perizinan, sertifikasi_halal, keuangan, pemasaran, produksi, lainnya'],
    ['a quota larger than the capacity', { capacity: 5, kecamatanQuotas: [{ kecamatanCode: '31.71.09', seats: 6 }] }, 'kecamatanQuotas must not hold more seats than capacity'],
  ])('refuses %s with 400 VALIDATION_FAILED and writes nothing', async (_name, overrides, message) => {
    const speaker = await app.newUser(['speaker']);
    const title = `Salah ${Math.random()}`;
    const res = await app.post('/api/workshops', body([speaker.id], { ...overrides, title }), admin.token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(message);
    expect(await countWorkshops(title)).toBe(0);
  });

  it('refuses a speaker id that is not a speaker, and non-admins', async () => {
    const entrepreneur = await app.newEntrepreneur();
    const wrong = await app.post('/api/workshops', body([entrepreneur.id]), admin.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual([`speakerIds ${entrepreneur.id} is not a speaker`]);
    const speaker = await app.newUser(['speaker']);
    expect((await app.post('/api/workshops', body([speaker.id]), entrepreneur.token)).status).toBe(403);
    expect((await app.post('/api/workshops', body([speaker.id]))).status).toBe(401);
  });

  it('lists published workshops with a session in [from, to), soonest first, filtered by topic', async () => {
    const speaker = await app.newUser(['speaker']);
    const later = await published([speaker.id], { sessions: [{ start: at(10, '13:00'), end: at(10, '15:00') }] });
    const sooner = await published([speaker.id], { sessions: [{ start: at(10, '09:00'), end: at(10, '11:00') }, { start: at(12, '09:00'), end: at(12, '11:00') }] });
    const draft = await create([speaker.id], { sessions: [{ start: at(10, '16:00'), end: at(10, '17:00') }] });
    const marketing = await published([speaker.id], { topic: 'pemasaran', sessions: [{ start: at(10, '18:00'), end: at(10, '19:00') }] });
    const query = (extra = '') => app.get(`/api/workshops?from=${encodeURIComponent(at(10, '00:00'))}&to=${encodeURIComponent(at(11, '00:00'))}${extra}`);

    const all = (await query()).body.items.map((w: { id: string }) => w.id);
    expect(all.filter((id: string) => [later.id, sooner.id, draft.id, marketing.id].includes(id))).toEqual([sooner.id, later.id, marketing.id]);
    const finance = (await query('&topic=keuangan')).body.items.map((w: { id: string }) => w.id);
    expect(finance).toContain(sooner.id);
    expect(finance).not.toContain(marketing.id);
    const listed = (await query()).body.items.find((w: { id: string }) => w.id === sooner.id);
    expect(listed).toMatchObject({ seatsLeft: 20, status: 'published', sessions: [{ start: at(10, '09:00') }, { start: at(12, '09:00') }] });
    const window = (await app.get(`/api/workshops?from=${encodeURIComponent(at(12, '00:00'))}&to=${encodeURIComponent(at(13, '00:00'))}`)).body.items.map((w: { id: string }) => w.id);
    expect(window).toContain(sooner.id);
    expect(window).not.toContain(later.id);
  });

  it('pages the list with a cursor', async () => {
    const speaker = await app.newUser(['speaker']);
    const ids: string[] = [];
    for (const hour of ['08:00', '09:00', '10:00']) ids.push((await published([speaker.id], { sessions: [{ start: at(20, hour), end: at(20, hour.replace(':00', ':30')) }] })).id);
    const url = `/api/workshops?from=${encodeURIComponent(at(20, '00:00'))}&to=${encodeURIComponent(at(21, '00:00'))}&limit=2`;
    const first = await app.get(url);
    const second = await app.get(`${url}&cursor=${first.body.nextCursor}`);
    const seen = [...first.body.items, ...second.body.items].map((w: { id: string }) => w.id);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect((await app.get(`${url}&cursor=bukan-cursor`)).status).toBe(400);
  });

  it('publishes a draft once (409 WORKSHOP_NOT_DRAFT after) and emits workshop.published', async () => {
    const speaker = await app.newUser(['speaker']);
    const workshop = await published([speaker.id], { sessions: [{ start: at(4, '09:00'), end: at(4, '10:00') }] });
    expect(events).toContainEqual(expect.objectContaining({ type: 'workshop.published', workshopId: workshop.id }));
    const again = await app.post(`/api/workshops/${workshop.id}/publish`, undefined, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WORKSHOP_NOT_DRAFT');
  });

  it('moving a published workshop\'s session tells its registrants (workshop.changed); a title edit does not', async () => {
    const speaker = await app.newUser(['speaker']);
    const workshop = await published([speaker.id], { sessions: [{ start: at(5, '09:00'), end: at(5, '10:00') }] });
    const [a, b] = [await app.newEntrepreneur(), await app.newEntrepreneur()];
    for (const who of [a, b]) expect((await app.post(`/api/workshops/${workshop.id}/registrations`, undefined, who.token)).status).toBe(201);

    const renamed = await app.request('PATCH', `/api/workshops/${workshop.id}`, { token: admin.token, body: { title: 'Keuangan UMKM Lanjutan' } });
    expect(renamed.status).toBe(200);
    expect(events.filter((e) => e.type === 'workshop.changed' && (e as any).workshopId === workshop.id)).toHaveLength(0);

    const sessionId = workshop.sessions[0].id;
    const moved = await app.request('PATCH', `/api/workshops/${workshop.id}`, { token: admin.token, body: { sessions: [{ id: sessionId, start: at(6, '13:00'), end: at(6, '14:00') }] } });
    expect(moved.status).toBe(200);
    expect(moved.body.sessions).toEqual([{ id: sessionId, start: at(6, '13:00'), end: at(6, '14:00') }]);
    const changed = events.find((e) => e.type === 'workshop.changed' && (e as any).workshopId === workshop.id) as any;
    expect(changed.userIds.sort()).toEqual([a.id, b.id].sort());
    expect(await app.app.get(DataSource).getRepository(WorkshopSession).findOneByOrFail({ id: sessionId })).toMatchObject({ startsAt: new Date(at(6, '13:00')) });
  });

  it('refuses lowering the capacity below the people registered (409 CAPACITY_TOO_LOW)', async () => {
    const speaker = await app.newUser(['speaker']);
    const workshop = await published([speaker.id], { capacity: 2, sessions: [{ start: at(7, '09:00'), end: at(7, '10:00') }] });
    for (const who of [await app.newEntrepreneur(), await app.newEntrepreneur()]) await app.post(`/api/workshops/${workshop.id}/registrations`, undefined, who.token);
    const res = await app.request('PATCH', `/api/workshops/${workshop.id}`, { token: admin.token, body: { capacity: 1 } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CAPACITY_TOO_LOW');
  });

  it('cancels with a reason, tells the registrants, and then refuses registrations (409 WORKSHOP_CANCELLED)', async () => {
    const speaker = await app.newUser(['speaker']);
    const workshop = await published([speaker.id], { sessions: [{ start: at(8, '09:00'), end: at(8, '10:00') }] });
    const registrant = await app.newEntrepreneur();
    await app.post(`/api/workshops/${workshop.id}/registrations`, undefined, registrant.token);
    const res = await app.post(`/api/workshops/${workshop.id}/cancel`, { reason: 'Narasumber berhalangan' }, admin.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Narasumber berhalangan' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'workshop.cancelled', workshopId: workshop.id, reason: 'Narasumber berhalangan', userIds: [registrant.id] }));

    const late = await app.post(`/api/workshops/${workshop.id}/registrations`, undefined, (await app.newEntrepreneur()).token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('WORKSHOP_CANCELLED');
    expect((await app.post(`/api/workshops/${workshop.id}/cancel`, { reason: 'lagi' }, admin.token)).body.code).toBe('WORKSHOP_CANCELLED');
    // The speaker is free again at that time.
    await create([speaker.id], { sessions: [{ start: at(8, '09:00'), end: at(8, '10:00') }] });
  });

  it('answers 404 for registering to a draft, and for an unknown workshop', async () => {
    const speaker = await app.newUser(['speaker']);
    const draft = await create([speaker.id], { sessions: [{ start: at(9, '09:00'), end: at(9, '10:00') }] });
    const entrepreneur = await app.newEntrepreneur();
    expect((await app.post(`/api/workshops/${draft.id}/registrations`, undefined, entrepreneur.token)).status).toBe(404);
    expect((await app.get('/api/workshops/00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
