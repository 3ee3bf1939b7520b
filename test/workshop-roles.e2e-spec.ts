import type { Socket } from 'socket.io-client';
import { FakeLiveKit } from './support/fake-livekit';
import { connect, ok } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';
import { TEST_KELURAHAN } from './support/test-env';
import { clockOf, plusMinutes } from './support/video-fixtures';

const HOUR = 3_600_000;
// Within the calendar feed's 180 days, on an hour of its own so the speakers' other sessions never clash.
const base = Math.floor(Date.now() / HOUR) * HOUR + (10 * 24 + Math.floor(Math.random() * 150 * 24)) * HOUR;
const business = { name: 'Konveksi Narasumber', type: 'konveksi' as const, kelurahanCode: TEST_KELURAHAN[0] };

/** The CATEGORIES of the feed's event for this session (the role written there), or undefined when absent. */
function categoryOf(ics: string, sessionId: string): string | undefined {
  const event = ics
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT')
    .find((e) => e.includes(`UID:session-${sessionId}@pendamping`));
  if (!event) return undefined;
  return /\r\nCATEGORIES:([^\r\n]*)/.exec(event)?.[1] ?? '';
}

describe('a workshop role is one rule (participantRole) for video, the live room, the calendar and "Workshop saya"', () => {
  let livekit: FakeLiveKit;
  let app: TestApp;
  let clock: ReturnType<typeof clockOf>;
  let admin: Session;
  let adminSpeaker: Session;
  let registeredSpeaker: Session;
  let attendee: Session;
  let workshopId: string;
  let sessionId: string;
  let start: Date;
  const sockets: Socket[] = [];

  async function newWorkshop(hoursFromBase: number, speakerIds: string[]) {
    const at = new Date(base + hoursFromBase * HOUR);
    const body = { title: 'Pencatatan Keuangan', description: 'Arus kas harian.', topic: 'keuangan', capacity: 10, speakerIds, sessions: [{ start: at, end: new Date(at.getTime() + HOUR) }] };
    const created = await app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    return { id: created.body.id as string, sessionId: created.body.sessions[0].id as string, start: at };
  }
  const register = async (id: string, who: Session) => expect((await app.post(`/api/workshops/${id}/registrations`, undefined, who.token)).body.status).toBe('registered');

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    app = await TestApp.start({ LIVEKIT_URL: livekit.url });
    clock = clockOf(app);
    admin = await app.newUser(['admin']);
    adminSpeaker = await app.newUser(['admin', 'speaker']);
    registeredSpeaker = await app.newUser(['entrepreneur', 'speaker'], { business });
    attendee = await app.newEntrepreneur();
    ({ id: workshopId, sessionId, start } = await newWorkshop(0, [adminSpeaker.id, registeredSpeaker.id]));
    await register(workshopId, registeredSpeaker);
    await register(workshopId, attendee);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    clock.restore();
    await app.close();
    await livekit.close();
  });

  const videoRole = async (who: Session) => {
    const res = await app.post(`/api/workshops/${workshopId}/sessions/${sessionId}/join`, undefined, who.token);
    expect(res.status).toBe(200);
    return res.body.role as string;
  };
  const liveRole = async (who: Session) => {
    const socket = await connect(app, who.token);
    sockets.push(socket);
    return (await ok(socket, 'workshop:join', { sessionId })).role as string;
  };
  const calendarRole = async (who: Session) => {
    const made = await app.post('/api/me/calendar-feed', undefined, who.token);
    const res = await fetch(`${app.baseUrl}${new URL(made.body.url).pathname}`);
    expect(res.status).toBe(200);
    return categoryOf(await res.text(), sessionId);
  };

  it('gives the same person the same role in the video room, the live room and the calendar', async () => {
    clock.at(plusMinutes(start, -5));
    // An admin who speaks presents as the speaker (with a speaker's staff powers); so does a speaker who holds a seat.
    for (const who of [adminSpeaker, registeredSpeaker]) {
      expect([await videoRole(who), await liveRole(who), await calendarRole(who)]).toEqual(['speaker', 'speaker', 'Narasumber']);
    }
    expect([await videoRole(attendee), await liveRole(attendee), await calendarRole(attendee)]).toEqual(['attendee', 'attendee', 'Peserta']);
    // An admin who does not speak hosts every room; hosting is not an appointment in their calendar.
    expect([await videoRole(admin), await liveRole(admin), await calendarRole(admin)]).toEqual(['host', 'host', undefined]);
  });

  it('lets a speaker who is an admin moderate the room like any speaker', async () => {
    clock.at(plusMinutes(start, -5));
    const socket = await connect(app, adminSpeaker.token);
    sockets.push(socket);
    await ok(socket, 'workshop:join', { sessionId });
    expect(await ok(socket, 'workshop:poll:open', { sessionId, question: 'Sudah mencatat kas?', options: ['Ya', 'Belum'] })).toMatchObject({ options: ['Ya', 'Belum'] });
  });

  it('lists a workshop once in "Workshop saya" for a speaker who also registered, also across a page break at that row', async () => {
    clock.restore();
    const later = await newWorkshop(2, [registeredSpeaker.id]);
    const earlier = await newWorkshop(-2, []);
    await register(earlier.id, registeredSpeaker);
    const all = await app.get('/api/me/workshops?limit=20', registeredSpeaker.token);
    expect(all.status).toBe(200);
    const listed = (items: { workshop: { id: string } }[]) => items.map((i) => i.workshop.id);
    expect(listed(all.body.items)).toEqual([earlier.id, workshopId, later.id]);
    expect(all.body.items.map(({ as, status }: { as: string; status?: string }) => ({ as, status }))).toEqual([
      { as: 'registrant', status: 'registered' },
      { as: 'speaker', status: 'registered' },
      { as: 'speaker', status: undefined },
    ]);
    // Pages of one: the second page starts right after the row a speaker-registrant holds.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { workshop: { id: string } }[]; nextCursor: string | null } } = await app.get(`/api/me/workshops?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, registeredSpeaker.token);
      expect(page.status).toBe(200);
      paged.push(...listed(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(listed(all.body.items));
  });
});
