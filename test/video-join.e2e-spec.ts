import { TokenVerifier } from 'livekit-server-sdk';
import { FakeLiveKit } from './support/fake-livekit';
import { TestApp, type Session } from './support/test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

const verifier = new TokenVerifier('devkey', 'secret');
const ALL = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

describe('video: who may join which room, with which rights, and when', () => {
  let livekit: FakeLiveKit;
  let app: TestApp;
  let clock: ReturnType<typeof clockOf>;
  let admin: Session;

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    app = await TestApp.start({ LIVEKIT_URL: livekit.url });
    clock = clockOf(app);
    admin = await app.newUser(['admin']);
  });
  afterAll(async () => {
    clock.restore();
    await app.close();
    await livekit.close();
  });
  afterEach(() => clock.restore());

  describe('workshop sessions', () => {
    let speaker: Session;
    let attendee: Session;
    let waitlisted: Session;
    let stranger: Session;
    let w: Awaited<ReturnType<typeof publishedWorkshop>>;
    const join = (who: Session, body?: unknown, sessionId = w.sessionId) => app.post(`/api/workshops/${w.workshopId}/sessions/${sessionId}/join`, body, who.token);

    beforeAll(async () => {
      speaker = await app.newUser(['speaker']);
      w = await publishedWorkshop(app, admin, [speaker.id], 1);
      [attendee, waitlisted, stranger] = await app.newEntrepreneurs(3);
      expect((await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, attendee.token)).body.status).toBe('registered');
      expect((await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, waitlisted.token)).body.status).toBe('waitlisted');
    });

    it('gives a registrant an attendee token: subscribe and data, no publishing, their user id as identity', async () => {
      clock.at(plusMinutes(w.start, -15));
      const res = await join(attendee);
      expect(res.status).toBe(200);
      const room = `workshop-session-${w.sessionId}`;
      expect(res.body).toMatchObject({ url: livekit.url.replace('http:', 'ws:'), room, role: 'attendee', identity: attendee.id, audioOnly: false });
      expect(res.body.clientOptions).toEqual({ adaptiveStream: true, dynacast: true, autoSubscribe: true });
      const claims = await verifier.verify(res.body.token);
      expect(claims.sub).toBe(attendee.id);
      expect(JSON.parse(claims.metadata!)).toEqual({ role: 'attendee', name: 'Pelaku Usaha 1' });
      expect(claims.video).toEqual({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: false });
      expect(claims.exp! - Date.now() / 1000).toBeGreaterThan(9 * 60);
      expect(claims.exp! - Date.now() / 1000).toBeLessThanOrEqual(10 * 60 + 1);
    });

    it('contract test (fake LiveKit server): the join creates the room with its size, timeouts and metadata', async () => {
      clock.at(plusMinutes(w.start, -10));
      expect((await join(attendee)).status).toBe(200);
      const [create] = livekit.callsTo('CreateRoom', `workshop-session-${w.sessionId}`).slice(-1);
      expect(create.grants.video?.roomCreate).toBe(true);
      // capacity 1 + one speaker + 3 staff seats; empty until 5 minutes after the end.
      expect(create.body).toMatchObject({ name: `workshop-session-${w.sessionId}`, maxParticipants: 5, departureTimeout: 300, emptyTimeout: 70 * 60 + 300 });
      expect(JSON.parse(create.body.metadata)).toMatchObject({ kind: 'workshop_session', id: w.sessionId, workshopId: w.workshopId, speakerIds: [speaker.id] });
      expect(livekit.refused).toEqual([]);
    });

    it("gives the workshop's speaker camera, microphone and screen share", async () => {
      clock.at(w.start);
      const res = await join(speaker);
      expect(res.body.role).toBe('speaker');
      const { video } = await verifier.verify(res.body.token);
      expect(video).toMatchObject({ canPublish: true, canPublishSources: ALL, canSubscribe: true, canPublishData: true });
      expect(video!.roomAdmin).toBeUndefined();
    });

    it('makes an admin the host (room admin), hidden when observing', async () => {
      clock.at(w.start);
      const host = await join(admin);
      expect(host.body.role).toBe('host');
      expect((await verifier.verify(host.body.token)).video).toMatchObject({ roomAdmin: true, canPublish: true });
      const observer = await join(admin, { observe: true });
      expect((await verifier.verify(observer.body.token)).video).toMatchObject({ roomAdmin: true, hidden: true, canPublish: false });
      // Only admins observe: a speaker's "observe" changes nothing.
      expect((await verifier.verify((await join(speaker, { observe: true })).body.token)).video!.hidden).toBeUndefined();
    });

    it('refuses an entrepreneur who is not registered (or only waitlisted) with 403 NOT_REGISTERED', async () => {
      clock.at(w.start);
      for (const who of [stranger, waitlisted]) {
        const res = await join(who);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('NOT_REGISTERED');
      }
    });

    it('is 409 NOT_OPEN before 15 minutes ahead and after the end', async () => {
      for (const at of [plusMinutes(w.start, -16), plusMinutes(w.end, 1)]) {
        clock.at(at);
        const res = await join(attendee);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('NOT_OPEN');
      }
      clock.at(w.end);
      expect((await join(attendee)).status).toBe(200);
    });

    it('answers 404 for an unknown session and 400 for a bad body', async () => {
      clock.at(w.start);
      expect((await join(attendee, undefined, '01968f3e-7a2b-7c00-8000-000000000000')).status).toBe(404);
      const bad = await join(attendee, { audioOnly: 'ya' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('keeps a draft hidden (404) and a cancelled workshop closed (409 NOT_OPEN)', async () => {
      const other = await publishedWorkshop(app, admin, [], 5);
      const [someone] = await app.newEntrepreneurs(1);
      await app.post(`/api/workshops/${other.workshopId}/registrations`, undefined, someone.token);
      expect((await app.post(`/api/workshops/${other.workshopId}/cancel`, { reason: 'Narasumber sakit' }, admin.token)).status).toBe(200);
      clock.at(other.start);
      const cancelled = await app.post(`/api/workshops/${other.workshopId}/sessions/${other.sessionId}/join`, undefined, someone.token);
      expect(cancelled.status).toBe(409);
      expect(cancelled.body.code).toBe('NOT_OPEN');

      const draft = await app.post('/api/workshops', { title: 'Draf', description: 'x', topic: 'lainnya', capacity: 5, speakerIds: [], sessions: [{ start: plusMinutes(other.start, 120), end: plusMinutes(other.start, 180) }] }, admin.token);
      const res = await app.post(`/api/workshops/${draft.body.id}/sessions/${draft.body.sessions[0].id}/join`, undefined, someone.token);
      expect(res.status).toBe(404);
    });
  });

  it('documents the join endpoints and their answer in the OpenAPI document', async () => {
    const doc = (await app.get('/api/docs/openapi.json')).body;
    expect(doc.paths['/api/workshops/{id}/sessions/{sessionId}/join'].post.responses['200']).toBeDefined();
    expect(doc.paths['/api/consultations/{id}/join'].post).toBeDefined();
    expect(doc.paths['/api/webhooks/livekit'].post).toBeDefined();
    expect(Object.keys(doc.components.schemas.JoinView.properties)).toEqual(expect.arrayContaining(['url', 'token', 'room', 'role', 'audioOnly']));
  });

  describe('consultations', () => {
    let mentor: Session;
    let entrepreneur: Session;
    let stranger: Session;
    let c: Awaited<ReturnType<typeof bookedConsultation>>;
    const join = (who: Session, body?: unknown, id = c.id) => app.post(`/api/consultations/${id}/join`, body, who.token);

    beforeAll(async () => {
      mentor = await app.newUser(['mentor']);
      [entrepreneur, stranger] = await app.newEntrepreneurs(2);
      c = await bookedConsultation(app, mentor.id, entrepreneur.id);
    });

    it('gives both people a participant token with camera and microphone, in a room for two plus staff', async () => {
      clock.at(plusMinutes(c.start, -5));
      for (const who of [mentor, entrepreneur]) {
        const res = await join(who);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ room: `consultation-${c.id}`, role: 'participant', identity: who.id });
        const claims = await verifier.verify(res.body.token);
        expect(claims.sub).toBe(who.id);
        expect(JSON.parse(claims.metadata!).role).toBe('participant');
        expect(claims.video).toMatchObject({ room: `consultation-${c.id}`, roomJoin: true, canPublish: true, canPublishSources: ['camera', 'microphone'], canSubscribe: true });
        expect(claims.video!.roomAdmin).toBeUndefined();
      }
      const [create] = livekit.callsTo('CreateRoom', `consultation-${c.id}`);
      expect(create.body).toMatchObject({ maxParticipants: 5, departureTimeout: 300, emptyTimeout: 35 * 60 + 300 });
    });

    it('tells a low-bandwidth client to join audio-only, and signs the microphone only', async () => {
      clock.at(c.start);
      const res = await join(entrepreneur, { audioOnly: true });
      expect(res.body).toMatchObject({ audioOnly: true, clientOptions: { adaptiveStream: true, dynacast: true, autoSubscribe: false } });
      expect((await verifier.verify(res.body.token)).video!.canPublishSources).toEqual(['microphone']);
    });

    it('hides the consultation from a stranger (404) and keeps an admin out (403)', async () => {
      clock.at(c.start);
      expect((await join(stranger)).status).toBe(404);
      expect((await join(admin)).status).toBe(403);
    });

    it('is 409 NOT_OPEN too early, after the end, and once cancelled', async () => {
      for (const at of [plusMinutes(c.start, -16), plusMinutes(c.end, 1)]) {
        clock.at(at);
        expect((await join(mentor)).body.code).toBe('NOT_OPEN');
      }
      clock.restore();
      const other = await bookedConsultation(app, mentor.id, entrepreneur.id);
      expect((await app.post(`/api/consultations/${other.id}/cancel`, { reason: 'Sakit' }, entrepreneur.token)).status).toBe(200);
      clock.at(other.start);
      const res = await join(entrepreneur, undefined, other.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_OPEN');
    });
  });
});
