import type { Socket } from 'socket.io-client';
import { Clock } from '@pendamping/platform';
import { checkScreen, DESKTOP, openPhone, startWebStack, type Phone, type WebStack } from './support/browser';
import { FakeLiveKit } from './support/fake-livekit';
import { signWebhook, webhookEvent } from './support/livekit-webhook';
import { connect, ok } from './support/realtime-client';
import type { Session } from './support/test-app';

// The speaker's area in the browser: my sessions, the green room, the stage (polls, questions, hands and
// the floor) against attendees on the real attendee screen, and the report afterwards. Real api, worker,
// socket.io and Chromium; the LiveKit server is the local stand-in (test/support/fake-livekit.ts): its
// RoomService records the api's calls, and the page's video connection is accepted and hung up.

const MINUTE = 60_000;
const clean = { overflow: 0, violations: [], errors: [] };

describe('web: speaker (my sessions, green room, stage, report; LiveKit is a local stand-in)', () => {
  let stack: WebStack;
  let livekit: FakeLiveKit;
  let admin: Session;
  const phones: Phone[] = [];
  const sockets: Socket[] = [];

  async function publish(options: { start: Date; minutes: number; speakerIds: string[]; title: string }) {
    const end = new Date(options.start.getTime() + options.minutes * MINUTE);
    const body = { title: options.title, description: 'Materi dan tanya jawab.', topic: 'pemasaran', capacity: 30, speakerIds: options.speakerIds, sessions: [{ start: options.start.toISOString(), end: end.toISOString() }] };
    const created = await stack.app.post('/api/workshops', body, admin.token);
    expect(created.status).toBe(201);
    expect((await stack.app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status).toBe(200);
    const sessionId = created.body.sessions[0].id as string;
    return { id: created.body.id as string, sessionId, start: options.start, end, room: `workshop-session-${sessionId}` };
  }
  const register = async (workshopId: string, who: Session) => expect((await stack.app.post(`/api/workshops/${workshopId}/registrations`, undefined, who.token)).body).toEqual({ status: 'registered' });
  const phone = async (session: Session, viewport?: { width: number; height: number }) => {
    const p = await openPhone(stack, { session, viewport });
    phones.push(p);
    return p;
  };
  const socket = async (who: Session) => {
    const s = await connect(stack.app, who.token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    livekit = await FakeLiveKit.start();
    stack = await startWebStack('speaker', { LIVEKIT_URL: livekit.url });
    admin = await stack.app.newUser(['admin']);
  }, 90_000);
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(phones.splice(0).map((p) => p.context.close()));
    stack.app.app.get(Clock).now = Clock.prototype.now;
  });
  afterAll(async () => {
    await stack?.close();
    await livekit?.close();
  });

  it('live: the speaker goes from my sessions through the green room onto the stage, opens a poll that two attendees answer on their screens (the chart shows 2 live), marks a question answered and gives a raised hand the floor (RoomService stand-in gets that identity) and removes her; one not in the video room is told why', async () => {
    const speaker = await stack.app.newUser(['speaker'], { name: 'Dewi Anggraini' });
    const title = `Pemasaran Digital ${Date.now().toString(36)}`;
    // Starts in 5 minutes: the room is open (from 15 minutes before).
    const w = await publish({ start: new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 5 * MINUTE), minutes: 60, speakerIds: [speaker.id], title });
    const [siti, budi] = [await stack.app.newEntrepreneur({ name: 'Siti Aminah' }), await stack.app.newEntrepreneur({ name: 'Budi Santoso' })];
    for (const who of [siti, budi]) await register(w.id, who);

    const s = await phone(speaker, DESKTOP);
    const { page } = s;
    await page.goto('/speaker');
    const card = page.getByTestId('speaker-workshop').filter({ hasText: title });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('2 peserta terdaftar');
    const day = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(w.start);
    await expect(card.getByTestId('speaker-session').textContent()).resolves.toContain(day);
    await expect(card.getByTestId('speaker-session').textContent()).resolves.toContain('WIB');
    await card.getByRole('link', { name: 'Masuk ruang tunggu' }).waitFor();
    expect(await checkScreen(s, 'speaker-sessions')).toEqual(clean);

    // The green room: the fake camera in the preview, a moving microphone level, the device pickers.
    await card.getByRole('link', { name: 'Masuk ruang tunggu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ruang tunggu' }).waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid=camera-preview]')?.videoWidth ?? 0) > 0);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=mic-level] [role=progressbar], [data-testid=mic-level][role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0);
    expect(await page.getByRole('combobox', { name: 'Kamera' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Mikrofon' }).count()).toBe(1);
    expect(await checkScreen(s, 'speaker-green-room')).toEqual(clean);

    // Go live: a speaker's token (publish everything) goes to the video server, which has no SFU here.
    const signalled = livekit.signals.length;
    await page.getByRole('button', { name: 'Mulai siaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Panggung' }).waitFor();
    await page.getByTestId('video-unavailable').waitFor({ timeout: 20_000 });
    const grants = livekit.signals.slice(signalled).find((g) => g.sub === speaker.id);
    expect(grants?.video).toMatchObject({ room: w.room, roomJoin: true, canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
    await page.getByRole('tab', { name: 'Pertanyaan' }).waitFor();

    const [a, b] = [await phone(siti), await phone(budi)];
    for (const p of [a, b]) {
      await p.page.goto(`/workshops/${w.id}/sessions/${w.sessionId}`);
      await p.page.getByLabel('Pertanyaan Anda').waitFor();
    }

    // A poll: question and three options, one added; the attendees see it and vote on their screens.
    await page.getByRole('tab', { name: 'Polling' }).click();
    await page.getByRole('button', { name: 'Buka polling' }).click();
    await page.getByText('Tulis pertanyaan polling.').waitFor();
    await page.getByLabel('Pertanyaan polling').fill('Sudah punya toko online?');
    await page.getByRole('textbox', { name: 'Pilihan 1' }).fill('Sudah');
    await page.getByRole('textbox', { name: 'Pilihan 2' }).fill('Belum');
    await page.getByRole('button', { name: 'Tambah pilihan' }).click();
    await page.getByRole('textbox', { name: 'Pilihan 3' }).fill('Sedang menyiapkan');
    await page.getByRole('button', { name: 'Buka polling' }).click();
    const chart = page.getByTestId('stage-poll').getByTestId('poll-chart');
    await chart.locator('[data-testid=poll-bar]').first().waitFor();
    await expect(chart.getAttribute('data-total')).resolves.toBe('0');

    for (const [p, choice] of [[a, 'Belum'], [b, 'Sedang menyiapkan']] as const) {
      await p.page.getByRole('radiogroup', { name: 'Sudah punya toko online?' }).waitFor();
      await p.page.getByRole('radio', { name: choice }).check();
      await p.page.getByRole('button', { name: 'Kirim pilihan' }).click();
      await p.page.getByText(`Pilihan Anda: ${choice}`).waitFor();
    }
    await page.locator('[data-testid=stage-poll] [data-testid=poll-chart][data-total="2"]').waitFor();
    await chart.getByText('Belum: 1 suara (50%)').waitFor();
    await chart.getByText('Sedang menyiapkan: 1 suara (50%)').waitFor();
    await expect(chart.getByText('Sudah: 0 suara (0%)').isVisible()).resolves.toBe(true);
    await chart.getByText('2 suara').waitFor();

    // A question, marked answered on the stage: the attendee sees it.
    await a.page.getByLabel('Pertanyaan Anda').fill('Bagaimana cara memulai jualan di marketplace?');
    await a.page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await b.page.getByTestId('question').filter({ hasText: 'memulai jualan' }).getByRole('button', { name: 'Dukung pertanyaan dari Siti Aminah' }).click();
    await page.getByRole('tab', { name: /Pertanyaan/ }).click();
    const question = page.getByTestId('stage-question').filter({ hasText: 'memulai jualan' });
    await page.locator('[data-testid=stage-question][data-votes="1"]').waitFor();
    await expect(question.textContent()).resolves.toContain('dari Siti Aminah');
    await question.getByRole('button', { name: 'Tandai terjawab' }).click();
    await page.locator('[data-testid=stage-question][data-answered=true]').waitFor();
    await a.page.getByTestId('question').filter({ hasText: 'memulai jualan' }).getByText('Sudah dijawab').waitFor();

    // A raised hand, given the floor: the api tells the RoomService stand-in, for that attendee only.
    livekit.connect(w.room, siti.id);
    await a.page.getByRole('button', { name: 'Angkat tangan' }).click();
    await page.getByRole('tab', { name: /Tangan/ }).click();
    const hand = page.getByTestId('stage-hand').filter({ hasText: 'Siti Aminah' });
    await hand.waitFor();
    await hand.getByRole('button', { name: 'Beri giliran bicara: Siti Aminah' }).click();
    await hand.getByRole('button', { name: 'Cabut giliran bicara: Siti Aminah' }).waitFor();
    const updates = livekit.callsTo('UpdateParticipant', w.room);
    expect(updates).toHaveLength(1);
    expect(updates[0].body).toMatchObject({ room: w.room, identity: siti.id, permission: { canPublish: true, canPublishSources: ['MICROPHONE'] } });
    expect(updates[0].grants.video).toMatchObject({ roomAdmin: true, room: w.room });
    await page.mouse.move(0, 0);
    expect(await checkScreen(s, 'speaker-stage')).toEqual(clean);

    // On a phone the panel sits under the video; closing the poll ends it for everyone.
    await page.getByRole('tab', { name: /Polling/ }).click();
    await page.getByRole('button', { name: 'Tutup polling' }).click();
    await page.locator('[data-testid=stage-poll][data-closed=true]').waitFor();
    await a.page.getByText('Polling ditutup').waitFor();
    await page.mouse.move(0, 0);
    expect(await checkScreen(s, 'speaker-stage-polls')).toEqual(clean);

    // Someone not in the video room cannot get the floor: the stage says why (404 NOT_IN_ROOM).
    await b.page.getByRole('button', { name: 'Angkat tangan' }).click();
    await page.getByRole('tab', { name: /Tangan/ }).click();
    const budiHand = page.getByTestId('stage-hand').filter({ hasText: 'Budi Santoso' });
    await budiHand.getByRole('button', { name: 'Beri giliran bicara: Budi Santoso' }).click();
    await page.getByTestId('error').getByText('Peserta ini sedang tidak tersambung ke ruang video.').waitFor();
    expect(await budiHand.getByRole('button', { name: 'Beri giliran bicara: Budi Santoso' }).isVisible()).toBe(true);

    // Removing asks first; the api removes her from LiveKit and the room lowers her hand.
    await hand.getByRole('button', { name: 'Keluarkan Siti Aminah' }).click();
    await page.getByRole('dialog', { name: 'Keluarkan Siti Aminah?' }).getByRole('button', { name: 'Ya, keluarkan' }).click();
    await page.getByText('Siti Aminah sudah dikeluarkan.').waitFor();
    await hand.waitFor({ state: 'detached' });
    expect(livekit.callsTo('RemoveParticipant', w.room).map((c) => c.body.identity)).toEqual([siti.id]);
    expect(s.errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  }, 150_000);

  it('after the session: the report lists its questions (answered marked) and poll results, and the feedback summary its average, count and comments', async () => {
    const speaker = await stack.app.newUser(['speaker'], { name: 'Rina Wulandari' });
    const title = `Foto Produk ${Date.now().toString(36)}`;
    const w = await publish({ start: new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 2 * MINUTE), minutes: 30, speakerIds: [speaker.id], title });
    const attendees = [await stack.app.newEntrepreneur({ name: 'Siti Aminah' }), await stack.app.newEntrepreneur({ name: 'Budi Santoso' })];
    for (const who of attendees) await register(w.id, who);
    const clock = stack.app.app.get(Clock);

    // The session as it happened, through the api: questions, a vote, a poll with two votes, closed.
    clock.now = () => new Date(w.start.getTime() + 5 * MINUTE);
    const [stage, siti, budi] = [await socket(speaker), await socket(attendees[0]), await socket(attendees[1])];
    for (const s of [stage, siti, budi]) await ok(s, 'workshop:join', { sessionId: w.sessionId });
    const asked = await ok(siti, 'workshop:question', { sessionId: w.sessionId, body: 'Lampu apa yang cocok untuk foto di rumah?' });
    await ok(budi, 'workshop:question', { sessionId: w.sessionId, body: 'Apakah ponsel lama cukup?' });
    await ok(budi, 'workshop:question:vote', { questionId: asked.id });
    await ok(stage, 'workshop:question:answered', { questionId: asked.id });
    const poll = await ok(stage, 'workshop:poll:open', { sessionId: w.sessionId, question: 'Latar apa yang Anda pakai?', options: ['Kain putih', 'Meja kayu'] });
    await ok(siti, 'workshop:poll:vote', { pollId: poll.id, option: 0 });
    await ok(budi, 'workshop:poll:vote', { pollId: poll.id, option: 0 });
    await ok(stage, 'workshop:poll:close', { pollId: poll.id });
    // Attendance, from LiveKit's signed webhooks: in the room from start to end.
    for (const who of attendees)
      for (const [type, at] of [['participant_joined', w.start], ['participant_left', w.end]] as const) {
        clock.now = () => new Date(at.getTime() + 1000);
        const event = webhookEvent(type, w.room, at, who.id);
        const res = await fetch(`${stack.baseUrl}/api/webhooks/livekit`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await signWebhook(event.body) }, body: event.body });
        expect(res.status).toBe(200);
      }
    clock.now = () => new Date(w.end.getTime() + 10 * MINUTE);
    expect((await stack.app.post(`/api/workshops/${w.id}/feedback`, { rating: 5, comment: 'Sangat praktis, langsung saya coba.' }, attendees[0].token)).status).toBe(201);
    expect((await stack.app.post(`/api/workshops/${w.id}/feedback`, { rating: 4 }, attendees[1].token)).status).toBe(201);

    const s = await phone(speaker);
    const { page } = s;
    await page.goto('/speaker');
    await page.getByText('Sudah lewat', { exact: true }).click();
    await page.waitForURL(/when=past/);
    const card = page.getByTestId('speaker-workshop').filter({ hasText: title });
    await card.getByRole('link', { name: 'Laporan dan umpan balik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan sesi' }).waitFor();

    const feedback = page.getByTestId('report-feedback');
    await expect(feedback.getByTestId('average-rating').textContent()).resolves.toBe('4,5');
    await expect(feedback.getByTestId('feedback-count').textContent()).resolves.toBe('2 umpan balik');
    await feedback.getByText('Sangat praktis, langsung saya coba.').waitFor();
    await feedback.getByText('Tanpa komentar').waitFor();

    const questions = page.getByTestId('report-question');
    await expect(questions.count()).resolves.toBe(2);
    await expect(questions.first().textContent()).resolves.toContain('Lampu apa yang cocok untuk foto di rumah?');
    await expect(questions.first().textContent()).resolves.toContain('1 dukungan');
    await expect(questions.first().textContent()).resolves.toContain('Terjawab');
    const reportPoll = page.getByTestId('report-poll');
    await expect(reportPoll.textContent()).resolves.toContain('2 orang memilih');
    await reportPoll.getByText('Kain putih: 2 suara (100%)').waitFor();
    await reportPoll.getByText('Meja kayu: 0 suara (0%)').waitFor();
    expect(await checkScreen(s, 'speaker-report')).toEqual(clean);
  }, 120_000);

  it('someone who is not a speaker of the workshop sees it refused: the report is forbidden by the api', async () => {
    const [mine, other] = [await stack.app.newUser(['speaker']), await stack.app.newUser(['speaker'])];
    const w = await publish({ start: new Date(Date.now() + 30 * 24 * 60 * MINUTE), minutes: 60, speakerIds: [mine.id], title: 'Izin Usaha' });
    expect((await stack.app.get(`/api/workshops/${w.id}/live-report`, other.token)).status).toBe(403);
    const s = await phone(other);
    await s.page.goto(`/speaker/workshops/${w.id}/sessions/${w.sessionId}`);
    await s.page.getByText('Anda bukan narasumber sesi ini.').waitFor();
    await s.page.goto('/speaker');
    await s.page.getByTestId('empty').getByText('Belum ada sesi yang Anda isi.').waitFor();
    expect(s.errors).toEqual([]);
  });
});
