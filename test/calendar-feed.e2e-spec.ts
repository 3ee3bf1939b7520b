import { DateTime } from 'luxon';
import { TestApp, type Session } from './support/test-app';

// A day of its own, so bookings never meet other suites' people.
const day = DateTime.now().setZone('Asia/Jakarta').plus({ days: 12 + Math.floor(Math.random() * 30) }).startOf('day');
const at = (hour: number, minute = 0) => day.set({ hour, minute }).toUTC().toISO()!;
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
/** "20261210T030000Z", as iCalendar writes a UTC time. */
const icsTime = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/** The feed's events as {uid: {SUMMARY, DTSTART, …}}, long lines unfolded. */
function parse(ics: string): Record<string, Record<string, string>> {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events[current.UID] = current;
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('calendar feed (iCalendar subscription)', () => {
  let app: TestApp;
  let admin: Session;
  let mentor: Session;
  let siti: Session;
  let budi: Session;
  let mine: string;
  let budis: string;
  let cancelled: string;
  let sessionIds: string[];

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.newUser(['admin']);
    mentor = await app.newUser(['mentor'], { name: 'Rina Marlina' });
    const availability = { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 60, weekly: everyDay };
    expect((await app.request('PUT', '/api/mentors/me/availability', { token: mentor.token, body: availability })).status).toBe(200);
    siti = await app.newEntrepreneur({ name: 'Siti Aminah' });
    budi = await app.newEntrepreneur({ name: 'Budi Santoso' });
    const book = async (who: Session, start: string, topic: string) => {
      const res = await app.post('/api/consultations', { mentorId: mentor.id, start, topic }, who.token);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    mine = await book(siti, at(9), 'perizinan');
    budis = await book(budi, at(10), 'permodalan');
    cancelled = await book(siti, at(11), 'keuangan');
    expect((await app.post(`/api/consultations/${cancelled}/cancel`, { reason: 'Bentrok' }, siti.token)).status).toBe(200);

    const speaker = await app.newUser(['speaker']);
    const sessions = [1, 2].map((week) => ({ start: day.plus({ weeks: week }).set({ hour: 13 }).toUTC().toISO(), end: day.plus({ weeks: week }).set({ hour: 15 }).toUTC().toISO() }));
    const created = await app.post('/api/workshops', { title: 'Sertifikasi Halal', description: 'Langkah demi langkah.', topic: 'sertifikasi_halal', capacity: 1, speakerIds: [speaker.id], sessions }, admin.token);
    expect(created.status).toBe(201);
    sessionIds = created.body.sessions.map((s: { id: string }) => s.id);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, siti.token)).body.status).toBe('registered');
    expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, budi.token)).body.status).toBe('waitlisted');
  });
  afterAll(() => app.close());

  /** Makes the person's feed address and reads it the way a calendar app does: no token, only the address. */
  async function feedOf(who: Session): Promise<{ path: string; events: Record<string, Record<string, string>> }> {
    const made = await app.post('/api/me/calendar-feed', undefined, who.token);
    expect(made.status).toBe(200);
    expect(made.body.webcal).toBe(made.body.url.replace(/^https?:/, 'webcal:'));
    const path = new URL(made.body.url).pathname;
    const res = await fetch(`${app.baseUrl}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    return { path, events: parse(text) };
  }

  it("an entrepreneur's feed has their booked consultation and their workshop's sessions, in Indonesian, and nothing else", async () => {
    const { events } = await feedOf(siti);
    expect(Object.keys(events).sort()).toEqual([`consultation-${mine}@pendamping`, ...sessionIds.map((id) => `session-${id}@pendamping`)].sort());
    expect(events[`consultation-${mine}@pendamping`]).toMatchObject({ SUMMARY: 'Konsultasi perizinan dengan Rina Marlina', DTSTART: icsTime(at(9)), DTEND: icsTime(at(9, 30)), STATUS: 'CONFIRMED' });
    expect(events[`consultation-${mine}@pendamping`].URL).toBe(`http://localhost:3000/consultations/${mine}`);
    expect(events[`session-${sessionIds[1]}@pendamping`].SUMMARY).toBe('Workshop: Sertifikasi Halal (sesi 2 dari 2)');
  });

  it("a mentor's feed has each booked consultation with the entrepreneur's name; the cancelled one is gone", async () => {
    const { events } = await feedOf(mentor);
    expect(Object.keys(events).sort()).toEqual([`consultation-${mine}@pendamping`, `consultation-${budis}@pendamping`].sort());
    expect(events[`consultation-${budis}@pendamping`].SUMMARY).toBe('Konsultasi permodalan dengan Budi Santoso');
  });

  it('a waitlisted person does not get the sessions; English readers get English titles', async () => {
    expect((await app.request('PUT', '/api/me/notification-preferences', { token: budi.token, body: { email: true, whatsapp: true, inApp: true, locale: 'en' } })).status).toBe(200);
    const { events } = await feedOf(budi);
    expect(Object.values(events).map((e) => e.SUMMARY)).toEqual(['Financing consultation with Rina Marlina']);
  });

  it('a new address replaces the old one; a revoked or made-up address is 404; GET answers 200 with nulls while there is none; the address needs no login but managing it does', async () => {
    const none = { status: 200, body: { url: null, webcal: null } };
    expect(await app.get('/api/me/calendar-feed', (await app.newEntrepreneur()).token)).toMatchObject(none);
    const first = await feedOf(siti);
    const second = await feedOf(siti);
    expect(second.path).not.toBe(first.path);
    expect((await fetch(`${app.baseUrl}${first.path}`)).status).toBe(404);
    expect((await app.get('/api/me/calendar-feed', siti.token)).body.url).toContain(second.path);

    expect((await app.request('DELETE', '/api/me/calendar-feed', { token: siti.token })).status).toBe(204);
    expect((await fetch(`${app.baseUrl}${second.path}`)).status).toBe(404);
    expect(await app.get('/api/me/calendar-feed', siti.token)).toMatchObject(none);
    for (const path of ['/api/calendar/bukan-alamat.ics', `/api/calendar/${'A'.repeat(43)}.ics`, `/api/calendar/${'A'.repeat(43)}`]) expect((await fetch(`${app.baseUrl}${path}`)).status).toBe(404);
    expect((await app.post('/api/me/calendar-feed', undefined)).status).toBe(401);
  });

  describe("one consultation's entry (Tambah ke kalender)", () => {
    async function entryOf(id: string, who: Session) {
      const res = await fetch(`${app.baseUrl}/api/consultations/${id}/calendar.ics`, { headers: { authorization: `Bearer ${who.token}` } });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
    }

    it('gives each person in it one event titled for them, with the UID of the invites and the feed; a cancelled one is CANCELLED', async () => {
      const forSiti = await entryOf(mine, siti);
      expect(forSiti).toMatchObject({ status: 200, disposition: `attachment; filename="konsultasi-${mine}.ics"` });
      expect(forSiti.type).toContain('text/calendar');
      expect(parse(forSiti.text)).toEqual({ [`consultation-${mine}@pendamping`]: expect.objectContaining({ SUMMARY: 'Konsultasi perizinan dengan Rina Marlina', DTSTART: icsTime(at(9)), DTEND: icsTime(at(9, 30)), STATUS: 'CONFIRMED' }) });
      expect(parse((await entryOf(mine, mentor)).text)[`consultation-${mine}@pendamping`].SUMMARY).toBe('Konsultasi perizinan dengan Siti Aminah');
      expect(parse((await entryOf(cancelled, siti)).text)[`consultation-${cancelled}@pendamping`].STATUS).toBe('CANCELLED');
    });

    it('is 404 for another entrepreneur and for an unknown id, 403 for an admin, 401 without a token', async () => {
      expect((await entryOf(mine, budi)).status).toBe(404);
      expect((await entryOf('0190d2f4-7a1b-7c3d-8e9f-0a1b2c3d4e5f', siti)).status).toBe(404);
      expect(JSON.parse((await entryOf(mine, admin)).text)).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await fetch(`${app.baseUrl}/api/consultations/${mine}/calendar.ics`)).status).toBe(401);
    });
  });
});
