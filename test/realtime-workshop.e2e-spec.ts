import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { Clock } from '@pendamping/platform';
import { LivePollVote, LiveQuestionVote } from '@pendamping/realtime';
import { FakeLiveKit } from './support/fake-livekit';
import { releaseTogether } from './support/race';
import { connect, eventually, next, ok, record, send, settle } from './support/realtime-client';
import { TestApp, type Session } from './support/test-app';

// A day of its own far ahead, so the speaker's other sessions never clash.
const start = new Date(Date.UTC(2031, 0, 1, 2) + Math.floor(Math.random() * 1500) * 86_400_000);
const minutes = (m: number) => new Date(start.getTime() + m * 60_000);

describe('realtime: workshop live room', () => {
  let livekit: FakeLiveKit;
  let app: TestApp;
  let admin: Session;
  let speaker: Session;
  let attendees: Session[];
  let waitlisted: Session;
  let sessionId: string;
  let workshopId: string;
  const sockets: Socket[] = [];
  const realNow = Clock.prototype.now;
  const open = async (who: Session) => {
    const socket = await connect(app, who.token);
    sockets.push(socket);
    return socket;
  };
  /** Connected and in the room. */
  const joined = async (who: Session) => {
    const socket = await open(who);
    await ok(socket, 'workshop:join', { sessionId });
    return socket;
  };

  beforeAll(async () => {
    livekit = await FakeLiveKit.start(); // removal goes through LiveKit's RoomService too
    app = await TestApp.start({ LIVEKIT_URL: livekit.url });
    admin = await app.newUser(['admin']);
    speaker = await app.newUser(['speaker'], { name: 'Dewi Anggraini' });
    const body = { title: 'Foto Produk', description: 'Foto produk dengan ponsel.', topic: 'pemasaran', capacity: 27, speakerIds: [speaker.id], sessions: [{ start: minutes(0).toISOString(), end: minutes(90).toISOString() }] };
    const created = await app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    sessionId = created.body.sessions[0].id;
    workshopId = created.body.id;
    expect((await app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    [waitlisted, ...attendees] = await app.newEntrepreneurs(28);
    for (const who of attendees) expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, who.token)).status).toBe(201);
    expect((await app.post(`/api/workshops/${created.body.id}/registrations`, undefined, waitlisted.token)).body.status).toBe('waitlisted');
    app.app.get(Clock).now = () => minutes(-10); // the room is open from 15 minutes before the start
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    app.app.get(Clock).now = realNow;
    await app.close();
    await livekit.close();
  });
  /** A speaker removes someone, as from the video room (DELETE …/participants/:userId). */
  const remove = (who: Session) =>
    app.request('DELETE', `/api/workshops/${workshopId}/sessions/${sessionId}/participants/${who.id}`, { token: speaker.token }).then((r) => r.status);

  it('admits registrants, speakers and admins in the join window only', async () => {
    const [stranger] = await app.newEntrepreneurs(1);
    expect((await send(await open(stranger), 'workshop:join', { sessionId })).ok).toBe(false);
    expect(await send(await open(waitlisted), 'workshop:join', { sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
    expect(await ok(await open(attendees[0]), 'workshop:join', { sessionId })).toMatchObject({ sessionId, role: 'attendee', questions: expect.any(Array) });
    expect(await ok(await open(speaker), 'workshop:join', { sessionId })).toMatchObject({ role: 'speaker', hands: expect.any(Array) });
    expect(await ok(await open(admin), 'workshop:join', { sessionId })).toMatchObject({ role: 'host' });

    for (const outside of [minutes(-16), minutes(91)]) {
      app.app.get(Clock).now = () => outside;
      expect(await send(await open(attendees[0]), 'workshop:join', { sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
    }
    app.app.get(Clock).now = () => minutes(-10);
  });

  it('broadcasts a question to everyone with the author name; votes and the answered mark follow', async () => {
    const [asker, other, host] = [await joined(attendees[1]), await joined(attendees[2]), await joined(speaker)];
    const heard = next(other, 'workshop:question');
    const question = await ok(asker, 'workshop:question', { sessionId, body: 'Lampu apa yang cocok untuk foto <i>makanan</i>?' });
    expect(await heard).toEqual({ ...question, sessionId });
    expect(question).toMatchObject({ body: 'Lampu apa yang cocok untuk foto <i>makanan</i>?', authorName: 'Pelaku Usaha 3', votes: 0, answered: false });

    const votes = next(host, 'workshop:question:votes');
    expect(await ok(other, 'workshop:question:vote', { questionId: question.id })).toEqual({ questionId: question.id, votes: 1 });
    expect(await votes).toEqual({ questionId: question.id, votes: 1 });
    expect(await ok(other, 'workshop:question:vote', { questionId: question.id })).toEqual({ questionId: question.id, votes: 1 });

    expect(await send(asker, 'workshop:question:answered', { questionId: question.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const answered = next(asker, 'workshop:question:answered');
    await ok(host, 'workshop:question:answered', { questionId: question.id });
    expect(await answered).toEqual({ questionId: question.id, answered: true });
    const late = await ok(await open(attendees[3]), 'workshop:join', { sessionId });
    expect(late.questions.find((q: { id: string }) => q.id === question.id)).toMatchObject({ votes: 1, answered: true });
  });

  it('shows raised hands to speakers and admins only, also to one who joins later', async () => {
    const [attendee, bystander, host] = [await joined(attendees[4]), await joined(attendees[5]), await joined(speaker)];
    const seenByAttendees = record(bystander, 'workshop:hand');
    const hand = next(host, 'workshop:hand');
    await ok(attendee, 'workshop:hand', { sessionId, raised: true });
    expect(await hand).toEqual({ sessionId, userId: attendees[4].id, name: 'Pelaku Usaha 6', raised: true });
    const adminView = await ok(await open(admin), 'workshop:join', { sessionId });
    expect(adminView.hands).toContainEqual({ userId: attendees[4].id, name: 'Pelaku Usaha 6' });
    const lowered = next(host, 'workshop:hand');
    await ok(attendee, 'workshop:hand', { sessionId, raised: false });
    expect(await lowered).toMatchObject({ userId: attendees[4].id, raised: false });
    await settle(100);
    expect(seenByAttendees).toEqual([]);
    expect((await send(await open(attendees[6]), 'workshop:hand', { sessionId, raised: true })).ok).toBe(false); // not joined
  });

  it("lowers a hand when the person's last socket leaves the room, not before", async () => {
    const person = attendees[8];
    const [phone, laptop, host] = [await joined(person), await joined(person), await joined(speaker)];
    const raised = next(host, 'workshop:hand');
    await ok(phone, 'workshop:hand', { sessionId, raised: true });
    await raised;
    const seen = record<{ userId: string; raised: boolean }>(host, 'workshop:hand');
    phone.close();
    await settle(300);
    expect(seen).toEqual([]); // still there on the laptop
    laptop.close();
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([{ sessionId, userId: person.id, name: 'Pelaku Usaha 10', raised: false }]);
    const view = await ok(await open(admin), 'workshop:join', { sessionId });
    expect(view.hands.map((h: { userId: string }) => h.userId)).not.toContain(person.id);
  });

  it('lets speakers open polls (not attendees), counts live, and closes the previous poll', async () => {
    const [voter, host] = [await joined(attendees[7]), await joined(speaker)];
    expect(await send(voter, 'workshop:poll:open', { sessionId, question: 'Boleh?', options: ['Ya', 'Tidak'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const announced = next(voter, 'workshop:poll');
    const poll = await ok(host, 'workshop:poll:open', { sessionId, question: 'Sudah jualan online?', options: ['Sudah', 'Belum', 'Baru mulai'] });
    expect(await announced).toEqual({ ...poll, sessionId });
    const results = next(host, 'workshop:poll:results');
    expect(await ok(voter, 'workshop:poll:vote', { pollId: poll.id, option: 2 })).toEqual({ pollId: poll.id, counts: [0, 0, 1] });
    expect(await results).toEqual({ pollId: poll.id, counts: [0, 0, 1] });
    expect(await ok(voter, 'workshop:poll:vote', { pollId: poll.id, option: 0 })).toEqual({ pollId: poll.id, counts: [0, 0, 1] });
    expect(await send(voter, 'workshop:poll:vote', { pollId: poll.id, option: 3 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await ok(await open(attendees[8]), 'workshop:join', { sessionId })).openPoll).toMatchObject({ id: poll.id, counts: [0, 0, 1], myVote: null });

    const closed = next(voter, 'workshop:poll:closed');
    const second = await ok(host, 'workshop:poll:open', { sessionId, question: 'Lanjut sesi tanya jawab?', options: ['Ya', 'Tidak'] });
    expect(await closed).toEqual({ pollId: poll.id, counts: [0, 0, 1] });
    expect(await send(voter, 'workshop:poll:vote', { pollId: poll.id, option: 1 })).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
    expect((await ok(voter, 'workshop:join', { sessionId })).openPoll).toMatchObject({ id: second.id });
  });

  it('counts each person once when question votes and poll votes race (several sockets, repeats)', async () => {
    const voters = attendees.slice(9, 25);
    const host = await joined(speaker);
    const asker = await joined(voters[0]);
    const question = await ok(asker, 'workshop:question', { sessionId, body: 'Berapa harga lampu ring?' });
    const poll = await ok(host, 'workshop:poll:open', { sessionId, question: 'Pilih jadwal', options: ['Pagi', 'Siang', 'Sore'] });
    // Two devices each, and every device votes twice, all at once (held behind a table lock until 8 wait in
    // the database: as many as the api's connection pool lets through at a time).
    const devices = (await Promise.all(voters.map(async (v) => [await joined(v), await joined(v)]))).flat();
    const broadcast = record<{ votes: number }>(host, 'workshop:question:votes');

    const questionAcks = await releaseTogether('workshop_question_votes', 8, () =>
      Promise.all(devices.flatMap((d) => [1, 2].map(() => send(d, 'workshop:question:vote', { questionId: question.id })))),
    );
    const pollAcks = await releaseTogether('workshop_poll_votes', 8, () =>
      Promise.all(devices.flatMap((d, i) => [0, 1].map((k) => send(d, 'workshop:poll:vote', { pollId: poll.id, option: (i + k) % 3 })))),
    );
    expect([...questionAcks, ...pollAcks].every((a) => a.ok)).toBe(true);

    const db = app.app.get(DataSource);
    expect(await db.getRepository(LiveQuestionVote).countBy({ questionId: question.id })).toBe(voters.length);
    expect(await db.getRepository(LivePollVote).countBy({ pollId: poll.id })).toBe(voters.length);
    await eventually(() => broadcast.some((b) => b.votes === voters.length));
    expect(Math.max(...broadcast.map((b) => b.votes))).toBe(voters.length);
    const view = await ok(host, 'workshop:join', { sessionId });
    expect(view.questions.find((q: { id: string }) => q.id === question.id).votes).toBe(voters.length);
    expect(view.openPoll.counts.reduce((a: number, b: number) => a + b, 0)).toBe(voters.length);
  });

  it('reports each session\'s Q&A and polls to admins and the workshop\'s speakers, matching the live counts', async () => {
    const live = await ok(await joined(speaker), 'workshop:join', { sessionId });
    const report = await app.get(`/api/workshops/${workshopId}/live-report`, speaker.token);
    expect(report.status).toBe(200);
    expect(report.body.workshopId).toBe(workshopId);
    const [session] = report.body.sessions;
    expect(session).toMatchObject({ sessionId, start: minutes(0).toISOString(), end: minutes(90).toISOString() });
    expect(session.questions).toEqual(live.questions);
    expect(session.polls.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = session.polls;
    expect(first).toMatchObject({ question: 'Sudah jualan online?', options: ['Sudah', 'Belum', 'Baru mulai'], closedAt: expect.any(String) });
    const last = rest[rest.length - 1];
    expect(last).toMatchObject({ id: live.openPoll.id, counts: live.openPoll.counts, closedAt: null });
    for (const poll of session.polls) expect(poll.voters).toBe(poll.counts.reduce((a: number, b: number) => a + b, 0));

    expect((await app.get(`/api/workshops/${workshopId}/live-report`, admin.token)).body).toEqual(report.body);
    const otherSpeaker = await app.newUser(['speaker']);
    expect((await app.get(`/api/workshops/${workshopId}/live-report`, otherSpeaker.token)).status).toBe(403);
    expect((await app.get(`/api/workshops/${workshopId}/live-report`, attendees[0].token)).status).toBe(403);
  });

  it('takes someone out of the live room as soon as they give up their seat, before they send anything; the speaker stays', async () => {
    const leaver = attendees[24];
    const [socket, host] = [await joined(leaver), await joined(speaker)];
    await ok(socket, 'workshop:question', { sessionId, body: 'Apakah ada rekamannya?' });
    const told = next(socket, 'workshop:removed');
    expect((await app.request('DELETE', `/api/workshops/${workshopId}/registrations/me`, { token: leaver.token })).status).toBe(204);
    expect(await told).toEqual({ sessionId, code: 'NOT_REGISTERED' });
    const heard = record(socket, 'workshop:question');
    await ok(host, 'workshop:question', { sessionId, body: 'Pertanyaan dari pembicara' });
    await settle(200);
    expect(heard).toEqual([]); // no longer in the room's broadcasts
    expect(await send(socket, 'workshop:question', { sessionId, body: 'Satu lagi' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
    expect(await send(socket, 'workshop:hand', { sessionId, raised: true })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await ok(host, 'workshop:hand', { sessionId, raised: false })).toEqual({ sessionId, raised: false });
  });

  it('takes a speaker taken off the workshop out of the live room at their next event once the admission is 30 s old', async () => {
    const guest = await app.newUser(['speaker']);
    const speakers = (speakerIds: string[]) => app.request('PATCH', `/api/workshops/${workshopId}`, { token: admin.token, body: { speakerIds } }).then((r) => r.status);
    expect(await speakers([speaker.id, guest.id])).toBe(200);
    const socket = await joined(guest);
    expect(await speakers([speaker.id])).toBe(200);
    try {
      await ok(socket, 'workshop:question', { sessionId, body: 'Masih boleh bertanya?' }); // checked at join, 0 s ago
      app.app.get(Clock).now = () => new Date(minutes(-10).getTime() + 31_000);
      expect(await send(socket, 'workshop:question', { sessionId, body: 'Satu lagi' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
      expect(await send(socket, 'workshop:hand', { sessionId, raised: true })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    } finally {
      app.app.get(Clock).now = () => minutes(-10);
    }
  });

  it('keeps a removed attendee out of the live room: workshop:join answers REMOVED_FROM_ROOM, as the video join does', async () => {
    const removed = attendees[25];
    expect(await remove(removed)).toBe(204);
    expect(await send(await open(removed), 'workshop:join', { sessionId })).toMatchObject({ ok: false, error: { code: 'REMOVED_FROM_ROOM' } });
    expect(await ok(await open(attendees[0]), 'workshop:join', { sessionId })).toMatchObject({ role: 'attendee' }); // only them
  });

  it('takes a removed attendee out at once on every device: told with workshop:removed, hears nothing more, cannot ask or raise a hand', async () => {
    const person = attendees[26];
    const [phone, laptop, host, other] = [await joined(person), await joined(person), await joined(speaker), await joined(attendees[1])];
    const raised = next(host, 'workshop:hand');
    await ok(phone, 'workshop:hand', { sessionId, raised: true });
    await raised;
    const told = [next(phone, 'workshop:removed'), next(laptop, 'workshop:removed')];
    const lowered = next(host, 'workshop:hand');
    expect(await remove(person)).toBe(204);
    expect(await Promise.all(told)).toEqual([{ sessionId, code: 'REMOVED_FROM_ROOM' }, { sessionId, code: 'REMOVED_FROM_ROOM' }]);
    expect(await lowered).toEqual({ sessionId, userId: person.id, name: 'Pelaku Usaha 28', raised: false });

    const heard = [...[phone, laptop].flatMap((s) => [record(s, 'workshop:question'), record(s, 'workshop:poll')])];
    const stillHeard = next(other, 'workshop:poll');
    await ok(host, 'workshop:question', { sessionId, body: 'Ada pertanyaan lain?' });
    await ok(host, 'workshop:poll:open', { sessionId, question: 'Materi jelas?', options: ['Jelas', 'Belum'] });
    await stillHeard;
    await settle(200);
    expect(heard).toEqual([[], [], [], []]);
    expect(await send(phone, 'workshop:question', { sessionId, body: 'Saya masih di sini' })).toMatchObject({ ok: false, error: { code: 'REMOVED_FROM_ROOM' } });
    expect(await send(laptop, 'workshop:hand', { sessionId, raised: true })).toMatchObject({ ok: false, error: { code: 'REMOVED_FROM_ROOM' } });
    expect((await ok(host, 'workshop:join', { sessionId })).hands.map((h: { userId: string }) => h.userId)).not.toContain(person.id);
  });
});
