import { DataSource } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { AttendanceService } from '@pendamping/workshops';
import { WebhookReceipt } from '@pendamping/video';
import { FakeLiveKit } from './support/fake-livekit';
import { expiredWebhookToken, signWebhook, webhookEvent } from './support/livekit-webhook';
import { TestApp, type Session } from './support/test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

const plusSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe('video: the LiveKit webhook (events signed here with the SDK, as LiveKit signs them)', () => {
  let livekit: FakeLiveKit;
  let app: TestApp;
  let clock: ReturnType<typeof clockOf>;
  let admin: Session;
  let db: DataSource;

  const post = (body: string, authorization?: string, contentType = 'application/webhook+json'): Promise<{ status: number; body: any }> =>
    fetch(`${app.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': contentType, ...(authorization && { authorization }) }, body }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
  const deliver = async (event: { body: string }) => post(event.body, await signWebhook(event.body));
  /** Delivered when the server's clock says `receivedAt` (LiveKit posts within seconds of the event). */
  const deliverAt = (receivedAt: Date, event: { body: string }) => {
    clock.at(receivedAt);
    return deliver(event);
  };
  const delivered = (receivedAt: Date, ...events: { body: string }[]) => events.reduce((done, e) => done.then(() => deliverAt(receivedAt, e).then(() => undefined)), Promise.resolve());
  const receipts = (eventId: string) => db.getRepository(WebhookReceipt).countBy({ eventId });
  const attendanceRows = (sessionId: string): Promise<number> =>
    db.query('SELECT COUNT(*) AS n FROM workshop_attendance_events WHERE sessionId = ?', [sessionId]).then((r) => Number(r[0].n));

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    app = await TestApp.start({ LIVEKIT_URL: livekit.url });
    clock = clockOf(app);
    db = app.app.get(DataSource);
    admin = await app.newUser(['admin']);
  });
  afterEach(() => clock.restore());
  afterAll(async () => {
    clock.restore();
    await app.close();
    await livekit.close();
  });

  describe('workshop sessions', () => {
    let attendee: Session;
    let w: Awaited<ReturnType<typeof publishedWorkshop>>;
    let room: string;

    beforeAll(async () => {
      w = await publishedWorkshop(app, admin, []);
      [attendee] = await app.newEntrepreneurs(1);
      await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, attendee.token);
      room = `workshop-session-${w.sessionId}`;
    });

    it('turns signed participant_joined / participant_left into attendance, by the events\' own times; a redelivery counts once', async () => {
      const joined = webhookEvent('participant_joined', room, plusMinutes(w.start, -2), attendee.id);
      const left = webhookEvent('participant_left', room, plusMinutes(w.start, 50), attendee.id);
      // Received a little after they happened (within LiveKit's delivery window): the events' own times count.
      expect(await deliverAt(plusSeconds(w.start, -2 * 60 + 20), joined)).toEqual({ status: 200, body: { received: true, duplicate: false } });
      expect(await deliverAt(plusSeconds(w.start, 50 * 60 + 5), left)).toEqual({ status: 200, body: { received: true, duplicate: false } });
      expect(await deliver(left)).toEqual({ status: 200, body: { received: true, duplicate: true } });
      expect(await deliver(joined)).toEqual({ status: 200, body: { received: true, duplicate: true } });

      clock.at(plusMinutes(w.end, 60));
      const view = await app.app.get(AttendanceService).forPerson(w.workshopId, attendee.id);
      expect(view).toMatchObject({ seconds: 50 * 60, attended: true });
      expect(await attendanceRows(w.sessionId)).toBe(2);
      expect(await receipts(left.id)).toBe(1);
      clock.restore();
    });

    it('refuses (401 INVALID_SIGNATURE) a wrong signature, a changed body, an expired token and no token, writing nothing', async () => {
      const event = webhookEvent('participant_joined', room, plusMinutes(w.start, 55), attendee.id);
      const changed = event.body.replace(attendee.id, admin.id);
      const attempts = [
        post(event.body, await signWebhook(event.body, { apiSecret: 'bukan-rahasianya' })),
        post(changed, await signWebhook(event.body)),
        post(event.body, expiredWebhookToken(event.body)),
        post(event.body, await signWebhook(event.body, { apiKey: 'kunci-lain' })),
        post(event.body),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('INVALID_SIGNATURE');
      }
      expect(await receipts(event.id)).toBe(0);
      expect(await attendanceRows(w.sessionId)).toBe(2);
    });

    it('takes only application/webhook+json (the raw body is what is signed): JSON is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const event = webhookEvent('participant_joined', room, w.start, attendee.id);
      const res = await post(event.body, await signWebhook(event.body), 'application/json');
      expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(await receipts(event.id)).toBe(0);
    });

    it('ignores rooms that are not ours and identities that are not users (egress, agents)', async () => {
      expect((await deliver(webhookEvent('participant_joined', 'ruang-lain', w.start, attendee.id))).status).toBe(200);
      expect((await deliver(webhookEvent('participant_joined', room, w.start, 'EG_recorder'))).status).toBe(200);
      expect(await attendanceRows(w.sessionId)).toBe(2);
    });

    it('records room_started and room_finished for the room', async () => {
      await deliverAt(plusMinutes(w.start, -10), webhookEvent('room_started', room, plusMinutes(w.start, -10)));
      await deliverAt(plusMinutes(w.end, 5), webhookEvent('room_finished', room, plusMinutes(w.end, 5)));
      const [row] = await db.query('SELECT firstStartedAt, lastFinishedAt FROM video_rooms WHERE name = ?', [room]);
      expect(row.firstStartedAt.getTime()).toBe(plusMinutes(w.start, -10).getTime());
      expect(row.lastFinishedAt.getTime()).toBe(plusMinutes(w.end, 5).getTime());
    });

    // A webhook signed with a leaked secret must still not buy attendance: times come from the server's clock.
    it('gives no attendance and no certificate for a "joined" at the start and a "left" at the end sent after the session', async () => {
      const [forger] = await app.newEntrepreneurs(1);
      await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, forger.token);
      await delivered(plusMinutes(w.end, 10), webhookEvent('participant_joined', room, w.start, forger.id), webhookEvent('participant_left', room, w.end, forger.id));

      clock.at(plusMinutes(w.end, 60));
      expect(await app.app.get(AttendanceService).forPerson(w.workshopId, forger.id)).toMatchObject({ seconds: 0, attended: false });
      const certificate = await app.get(`/api/workshops/${w.workshopId}/certificate`, forger.token);
      expect(certificate.status).toBe(403);
      expect(certificate.body.code).toBe('NOT_ATTENDED');
    });

    it('counts a stay only until the server heard it end: a "left" dated at the end but sent 5 minutes in gives 4 minutes', async () => {
      const [early] = await app.newEntrepreneurs(1);
      await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, early.token);
      // LiveKit's clock 30 s ahead of ours is within the allowed skew: that "joined" keeps its own time.
      await deliverAt(plusSeconds(w.start, 30), webhookEvent('participant_joined', room, plusMinutes(w.start, 1), early.id));
      await deliverAt(plusMinutes(w.start, 5), webhookEvent('participant_left', room, w.end, early.id));

      clock.at(plusMinutes(w.end, 60));
      expect(await app.app.get(AttendanceService).forPerson(w.workshopId, early.id)).toMatchObject({ seconds: 4 * 60, attended: false });
    });
  });

  describe('consultations', () => {
    let mentor: Session;
    let entrepreneur: Session;
    let stranger: Session;

    beforeAll(async () => {
      mentor = await app.newUser(['mentor']);
      [entrepreneur, stranger] = await app.newEntrepreneurs(2);
    });

    it('records who came; both present makes the consultation completed-eligible', async () => {
      const c = await bookedConsultation(app, mentor.id, entrepreneur.id);
      const room = `consultation-${c.id}`;
      await deliverAt(c.start, webhookEvent('participant_joined', room, c.start, mentor.id));
      let presence = await app.get(`/api/consultations/${c.id}/video-presence`, mentor.token);
      expect(presence.body).toMatchObject({ room, bothPresent: false, participants: [{ userId: mentor.id, role: 'mentor', joins: 1 }] });

      const joined = webhookEvent('participant_joined', room, plusMinutes(c.start, 2), entrepreneur.id);
      await delivered(plusMinutes(c.start, 2), joined, joined);
      await deliverAt(plusMinutes(c.start, 28), webhookEvent('participant_left', room, plusMinutes(c.start, 28), entrepreneur.id));
      await deliverAt(plusMinutes(c.start, 28), webhookEvent('participant_joined', room, c.start, stranger.id)); // not one of the two: ignored
      presence = await app.get(`/api/consultations/${c.id}/video-presence`, entrepreneur.token);
      expect(presence.body.bothPresent).toBe(true);
      expect(presence.body.participants).toEqual([
        expect.objectContaining({ userId: mentor.id, firstJoinedAt: c.start.toISOString(), lastLeftAt: null }),
        expect.objectContaining({ userId: entrepreneur.id, role: 'entrepreneur', joins: 1, lastLeftAt: plusMinutes(c.start, 28).toISOString() }),
      ]);
      expect((await app.get(`/api/consultations/${c.id}/video-presence`, stranger.token)).status).toBe(404);

      // Someone came: the room closing is no no-show.
      await deliverAt(plusMinutes(c.end, 5), webhookEvent('room_finished', room, plusMinutes(c.end, 5)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('booked');
    });

    it('marks a consultation no_show when its room closes after the end and nobody came, but not earlier', async () => {
      const c = await bookedConsultation(app, mentor.id, entrepreneur.id);
      const room = `consultation-${c.id}`;
      await deliverAt(plusMinutes(c.start, 10), webhookEvent('room_finished', room, plusMinutes(c.start, 10)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('booked');

      await deliverAt(plusMinutes(c.end, 5), webhookEvent('room_finished', room, plusMinutes(c.end, 5)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('no_show');
      expect((await app.get(`/api/consultations/${c.id}/video-presence`, mentor.token)).body).toMatchObject({ bothPresent: false, participants: [] });
    });

    it('never makes a consultation that has not ended by the server clock a no-show, whatever time the event claims', async () => {
      const soon = await bookedConsultation(app, mentor.id, entrepreneur.id);
      const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 86_400_000); // in three days
      await db.getRepository(Consultation).update(soon.id, { start, end: plusMinutes(start, 30) });
      await deliver(webhookEvent('room_finished', `consultation-${soon.id}`, new Date('2030-01-01T00:00:00Z')));
      expect((await app.get(`/api/consultations/${soon.id}`, mentor.token)).body.status).toBe('booked');

      // Just past the end by LiveKit's clock, within the allowed skew, but not over yet by ours.
      const c = await bookedConsultation(app, mentor.id, entrepreneur.id);
      await deliverAt(plusSeconds(c.end, -30), webhookEvent('room_finished', `consultation-${c.id}`, plusSeconds(c.end, 5)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('booked');
    });
  });
});
