import { DataSource } from 'typeorm';
import { loadConfig } from '@pendamping/platform';
import { LiveKitRooms, RoomRemoval } from '@pendamping/video';
import { FakeLiveKit } from './support/fake-livekit';
import { TestApp, type Session } from './support/test-app';
import { bookedConsultation, clockOf, plusMinutes, publishedWorkshop } from './support/video-fixtures';

describe('video moderation and room closing: contract test (fake LiveKit server)', () => {
  let livekit: FakeLiveKit;
  let app: TestApp;
  let clock: ReturnType<typeof clockOf>;
  let admin: Session;
  let speaker: Session;
  let otherSpeaker: Session;
  let attendee: Session;
  let bystander: Session;
  let w: Awaited<ReturnType<typeof publishedWorkshop>>;
  let room: string;
  const base = () => `/api/workshops/${w.workshopId}/sessions/${w.sessionId}/participants`;

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    app = await TestApp.start({ LIVEKIT_URL: livekit.url });
    clock = clockOf(app);
    admin = await app.newUser(['admin']);
    [speaker, otherSpeaker] = [await app.newUser(['speaker']), await app.newUser(['speaker'])];
    w = await publishedWorkshop(app, admin, [speaker.id]);
    await publishedWorkshop(app, admin, [otherSpeaker.id]);
    [attendee, bystander] = await app.newEntrepreneurs(2);
    for (const who of [attendee, bystander]) await app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, who.token);
    clock.at(plusMinutes(w.start, 5));
    room = (await app.post(`/api/workshops/${w.workshopId}/sessions/${w.sessionId}/join`, undefined, attendee.token)).body.room;
    livekit.connect(room, attendee.id);
  });
  afterAll(async () => {
    clock.restore();
    await app.close();
    await livekit.close();
  });

  it("gives an attendee the floor (microphone only) and takes it back with UpdateParticipant, signed as this room's admin", async () => {
    const given = await app.post(`${base()}/${attendee.id}/microphone`, { allowed: true }, speaker.token);
    expect(given.status).toBe(200);
    expect(given.body).toEqual({ userId: attendee.id, microphone: true });
    const [grant] = livekit.callsTo('UpdateParticipant', room);
    expect(grant.grants.video).toMatchObject({ roomAdmin: true, room });
    expect(grant.body).toMatchObject({ room, identity: attendee.id, permission: { canSubscribe: true, canPublish: true, canPublishSources: ['MICROPHONE'], canPublishData: true } });

    expect((await app.post(`${base()}/${attendee.id}/microphone`, { allowed: false }, admin.token)).status).toBe(200);
    const [, revoke] = livekit.callsTo('UpdateParticipant', room);
    expect(revoke.body.permission.canPublish).toBeFalsy();
    expect(revoke.body.permission.canPublishSources ?? []).toEqual([]);
    expect(revoke.body.permission.canSubscribe).toBe(true);
  });

  it('mutes a published track with MutePublishedTrack', async () => {
    const res = await app.post(`${base()}/${attendee.id}/mute`, { trackSid: 'TR_AMkq8Yy' }, speaker.token);
    expect(res.status).toBe(200);
    expect(livekit.callsTo('MutePublishedTrack', room).at(-1)!.body).toEqual({ room, identity: attendee.id, trackSid: 'TR_AMkq8Yy', muted: true });
  });

  it('lets only this workshop\'s speakers and admins moderate (403), and only attendees be silenced (409)', async () => {
    const before = livekit.calls.length;
    for (const who of [bystander, otherSpeaker]) {
      expect((await app.post(`${base()}/${attendee.id}/microphone`, { allowed: true }, who.token)).status).toBe(403);
    }
    const speakerTarget = await app.post(`${base()}/${speaker.id}/microphone`, { allowed: false }, admin.token);
    expect(speakerTarget.status).toBe(409);
    expect(speakerTarget.body.code).toBe('NOT_AN_ATTENDEE');
    expect(livekit.calls.length).toBe(before);
  });

  it('answers 404 NOT_IN_ROOM when LiveKit does not know the participant', async () => {
    const res = await app.post(`${base()}/${bystander.id}/microphone`, { allowed: true }, speaker.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_IN_ROOM');
  });

  it('removes an attendee with their tokens revoked, and refuses them a new join token (403 REMOVED_FROM_ROOM)', async () => {
    expect((await app.request('DELETE', `${base()}/${attendee.id}`, { token: speaker.token })).status).toBe(204);
    const [removal] = livekit.callsTo('RemoveParticipant', room);
    expect(removal.body).toMatchObject({ room, identity: attendee.id });
    // revokeTokenTs is the clock's "now": every token issued before it stops working in this room.
    expect(Number(removal.body.revokeTokenTs)).toBe(Math.ceil(plusMinutes(w.start, 5).getTime() / 1000));
    expect(await app.app.get(DataSource).getRepository(RoomRemoval).countBy({ room, userId: attendee.id })).toBe(1);

    const again = await app.post(`/api/workshops/${w.workshopId}/sessions/${w.sessionId}/join`, undefined, attendee.token);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('REMOVED_FROM_ROOM');
    expect((await app.post(`/api/workshops/${w.workshopId}/sessions/${w.sessionId}/join`, undefined, bystander.token)).status).toBe(200);
  });

  it('closes the rooms of a cancelled workshop and of a cancelled consultation with DeleteRoom', async () => {
    expect((await app.post(`/api/workshops/${w.workshopId}/cancel`, { reason: 'Gedung tidak tersedia' }, admin.token)).status).toBe(200);
    const [deleted] = livekit.callsTo('DeleteRoom', room);
    expect(deleted.grants.video?.roomCreate).toBe(true);
    expect(livekit.rooms.has(room)).toBe(false);

    clock.restore();
    const mentor = await app.newUser(['mentor']);
    const c = await bookedConsultation(app, mentor.id, bystander.id);
    clock.at(c.start);
    expect((await app.post(`/api/consultations/${c.id}/join`, undefined, mentor.token)).status).toBe(200);
    clock.restore();
    expect((await app.post(`/api/consultations/${c.id}/cancel`, { reason: 'Berhalangan' }, mentor.token)).status).toBe(200);
    expect(livekit.callsTo('DeleteRoom', `consultation-${c.id}`)).toHaveLength(1);
    expect(livekit.rooms.has(`consultation-${c.id}`)).toBe(false);

    // Never opened: LiveKit says not_found, the cancellation stands.
    const unopened = await bookedConsultation(app, mentor.id, bystander.id);
    expect((await app.post(`/api/consultations/${unopened.id}/cancel`, { reason: 'Berhalangan' }, mentor.token)).status).toBe(200);
    expect(livekit.refused.filter((r) => r.status === 404 && r.path.endsWith('/DeleteRoom'))).toHaveLength(1);
  });

  it('is refused by the fake when the token is signed with another secret (the bearer check is real)', async () => {
    const wrong = new LiveKitRooms(loadConfig({ NODE_ENV: 'test', LIVEKIT_URL: livekit.url, LIVEKIT_API_SECRET: 'not-the-secret' }));
    await expect(wrong.createRoom({ name: 'x', emptyTimeout: 60, departureTimeout: 60, maxParticipants: 2, metadata: {} })).rejects.toMatchObject({ status: 401 });
    expect(livekit.refused.at(-1)).toMatchObject({ status: 401 });
  });
});
