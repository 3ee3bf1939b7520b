import { DataSource } from 'typeorm';
import { AttendanceService } from '@pendamping/workshops';
import { WebhookReceipt } from '@pendamping/video';
import { FakeLiveKit } from './support/fake-livekit';
import { expiredWebhookToken, signWebhook, webhookEvent } from './support/livekit-webhook';
import { TestApp, type Session } from './support/test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

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
      expect(await deliver(joined)).toEqual({ status: 200, body: { received: true, duplicate: false } });
      expect(await deliver(left)).toEqual({ status: 200, body: { received: true, duplicate: false } });
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

    it('takes only application/webhook+json (the raw body is what is signed): JSON is 400', async () => {
      const event = webhookEvent('participant_joined', room, w.start, attendee.id);
      const res = await post(event.body, await signWebhook(event.body), 'application/json');
      expect(res.status).toBe(400);
      expect(await receipts(event.id)).toBe(0);
    });

    it('ignores rooms that are not ours and identities that are not users (egress, agents)', async () => {
      expect((await deliver(webhookEvent('participant_joined', 'ruang-lain', w.start, attendee.id))).status).toBe(200);
      expect((await deliver(webhookEvent('participant_joined', room, w.start, 'EG_recorder'))).status).toBe(200);
      expect(await attendanceRows(w.sessionId)).toBe(2);
    });

    it('records room_started and room_finished for the room', async () => {
      await deliver(webhookEvent('room_started', room, plusMinutes(w.start, -10)));
      await deliver(webhookEvent('room_finished', room, plusMinutes(w.end, 5)));
      const [row] = await db.query('SELECT firstStartedAt, lastFinishedAt FROM video_rooms WHERE name = ?', [room]);
      expect(row.firstStartedAt.getTime()).toBe(plusMinutes(w.start, -10).getTime());
      expect(row.lastFinishedAt.getTime()).toBe(plusMinutes(w.end, 5).getTime());
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
      await deliver(webhookEvent('participant_joined', room, c.start, mentor.id));
      let presence = await app.get(`/api/consultations/${c.id}/video-presence`, mentor.token);
      expect(presence.body).toMatchObject({ room, bothPresent: false, participants: [{ userId: mentor.id, role: 'mentor', joins: 1 }] });

      const joined = webhookEvent('participant_joined', room, plusMinutes(c.start, 2), entrepreneur.id);
      await deliver(joined);
      await deliver(joined);
      await deliver(webhookEvent('participant_left', room, plusMinutes(c.start, 28), entrepreneur.id));
      await deliver(webhookEvent('participant_joined', room, c.start, stranger.id)); // not one of the two: ignored
      presence = await app.get(`/api/consultations/${c.id}/video-presence`, entrepreneur.token);
      expect(presence.body.bothPresent).toBe(true);
      expect(presence.body.participants).toEqual([
        expect.objectContaining({ userId: mentor.id, firstJoinedAt: c.start.toISOString(), lastLeftAt: null }),
        expect.objectContaining({ userId: entrepreneur.id, role: 'entrepreneur', joins: 1, lastLeftAt: plusMinutes(c.start, 28).toISOString() }),
      ]);
      expect((await app.get(`/api/consultations/${c.id}/video-presence`, stranger.token)).status).toBe(404);

      // Someone came: the room closing is no no-show.
      await deliver(webhookEvent('room_finished', room, plusMinutes(c.end, 5)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('booked');
    });

    it('marks a consultation no_show when its room closes after the end and nobody came, but not earlier', async () => {
      const c = await bookedConsultation(app, mentor.id, entrepreneur.id);
      const room = `consultation-${c.id}`;
      await deliver(webhookEvent('room_finished', room, plusMinutes(c.start, 10)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('booked');

      await deliver(webhookEvent('room_finished', room, plusMinutes(c.end, 5)));
      expect((await app.get(`/api/consultations/${c.id}`, mentor.token)).body.status).toBe('no_show');
      expect((await app.get(`/api/consultations/${c.id}/video-presence`, mentor.token)).body).toMatchObject({ bothPresent: false, participants: [] });
    });
  });
});
