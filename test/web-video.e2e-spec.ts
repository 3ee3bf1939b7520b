/// <reference lib="dom" />
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { JoinRequest, WrappedJoinRequest, WrappedJoinRequest_Compression } from '@livekit/protocol';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { Consultation } from '@pendamping/consultations';
import { newId } from '@pendamping/platform';
import { RoomRemoval } from '@pendamping/video';
import { checkScreen, openPhone, startWebStack, type Phone, type Violation, type WebStack } from './support/browser';
import type { Session } from './support/test-app';
import { clockOf } from './support/video-fixtures';

// 5. Video: the room page asks the api for a join token and connects to LIVEKIT_URL with it. No LiveKit
// server runs here: a small WebSocket server on that address records what the page sends on the /rtc
// upgrade (the token, verified with the SDK, and the client's join settings), then closes the socket.

/** What the page sent to the video server when it tried to connect. */
interface SignalAttempt {
  path: string;
  grants: ClaimGrants;
  /** The client's connection settings from the join request (livekit-client's /rtc/v1 query). */
  autoSubscribe: boolean | undefined;
}

const verifier = new TokenVerifier('devkey', 'secret');

function joinSettings(url: URL): { autoSubscribe?: boolean } {
  const encoded = url.searchParams.get('join_request');
  if (!encoded) return {};
  const wrapped = WrappedJoinRequest.fromBinary(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  const bytes = wrapped.compression === WrappedJoinRequest_Compression.GZIP ? gunzipSync(wrapped.joinRequest) : wrapped.joinRequest;
  return { autoSubscribe: JoinRequest.fromBinary(bytes).connectionSettings?.autoSubscribe };
}

/** A stand-in at LIVEKIT_URL that can be switched off (nothing listening) and on again on the same port. */
class FakeSignalServer {
  readonly attempts: SignalAttempt[] = [];
  private server: Server | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true });
  private waiters: ((a: SignalAttempt) => void)[] = [];

  constructor(readonly port: number) {}

  /** A free loopback port, closed again: the stack points LIVEKIT_URL at it before anything listens. */
  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  get listening() {
    return this.server !== null;
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      // The api's RoomService calls (CreateRoom) and the client's /rtc/validate probe: a plain 200.
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => void this.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** The next connect attempt (or one already recorded after `since`). */
  next(since = this.attempts.length): Promise<SignalAttempt> {
    if (this.attempts.length > since) return Promise.resolve(this.attempts[since]);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/rtc')) return void socket.destroy();
    let grants: ClaimGrants;
    try {
      grants = await verifier.verify(url.searchParams.get('access_token') ?? '');
    } catch {
      return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    }
    const attempt = { path: url.pathname, grants, ...joinSettings(url) } as SignalAttempt;
    this.attempts.push(attempt);
    this.waiters.splice(0).forEach((w) => w(attempt));
    // Accept, then hang up: there is no SFU behind this, so the page must show its "unavailable" state.
    this.sockets.handleUpgrade(req, socket, head, (ws) => ws.close(1011, 'no LiveKit here'));
  }
}

const consultationPage = (id: string) => `/consultations/${id}`;
const sessionPage = (workshopId: string, sessionId: string) => `/workshops/${workshopId}/sessions/${sessionId}`;

/** A booked consultation starting in five minutes (its room is open), written straight to the database. */
async function consultationSoon(stack: WebStack, mentorId: string, entrepreneurId: string, startInMinutes = 5) {
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + startInMinutes * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const id = newId();
  await stack.app.app.get(DataSource).getRepository(Consultation).insert({ id, mentorId, entrepreneurId, start, end, topic: 'permodalan', note: null, status: 'booked' });
  return { id, start, end };
}

/** A published one-session workshop starting in five minutes (its room is open), with this speaker. */
async function workshopSoon(stack: WebStack, admin: Session, speakerId: string) {
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 60_000);
  const end = new Date(start.getTime() + 60 * 60_000);
  const body = { title: 'Foto Produk dengan Ponsel', description: 'Cahaya, latar dan sudut.', topic: 'pemasaran', capacity: 20, speakerIds: [speakerId], sessions: [{ start, end }] };
  const created = await stack.app.post('/api/workshops', body, admin.token);
  if (created.status !== 201) throw new Error(`workshop: ${created.status} ${JSON.stringify(created.body)}`);
  if ((await stack.app.post(`/api/workshops/${created.body.id}/publish`, undefined, admin.token)).status !== 200) throw new Error('publish failed');
  return { workshopId: created.body.id as string, sessionId: created.body.sessions[0].id as string };
}

/** Records every getUserMedia request of the page (the panel's check and LiveKit's publishing). */
async function recordMediaRequests(phone: Phone): Promise<void> {
  await phone.context.addInitScript(() => {
    const w = window as unknown as { mediaRequests: string[] };
    w.mediaRequests = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      w.mediaRequests.push(JSON.stringify(constraints ?? {}));
      return original(constraints);
    };
  });
}
const mediaRequests = (phone: Phone) => phone.page.evaluate(() => (window as unknown as { mediaRequests: string[] }).mediaRequests.map((c) => JSON.parse(c) as MediaStreamConstraints));

/**
 * checkScreen for the video panel: the whole page is checked and photographed, and the panel's part of it
 * must be clean (the page around it is its own feature's, with its own checks).
 */
async function checkPanel(phone: Phone, name: string) {
  const result = await checkScreen(phone, name);
  const inPanel = (v: Violation) => phone.page.evaluate((selectors) => selectors.some((s) => !!document.querySelector(s)?.closest('[data-testid=video-panel]')), v.nodes);
  const violations: Violation[] = [];
  for (const v of result.violations) if (await inPanel(v)) violations.push(v);
  return { ...result, violations };
}

/** The browser's own lines about a connection that failed (it logs them; no page code can stop that). */
const notVideoServerNoise = (port: number) => (line: string) => !(line.includes(`127.0.0.1:${port}`) || line.includes('ERR_CONNECTION_REFUSED'));

describe('web: video (pre-join check, Hemat data, unavailable video server)', () => {
  let stack: WebStack;
  let signal: FakeSignalServer;
  let mentor: Session;

  beforeAll(async () => {
    signal = new FakeSignalServer(await FakeSignalServer.freePort());
    stack = await startWebStack('video', { LIVEKIT_URL: `ws://127.0.0.1:${signal.port}` });
    mentor = await stack.app.newUser(['mentor']);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await signal?.stop();
  });

  it('pre-join check: the fake camera in the preview, a moving microphone level, device pickers; clean at 360 px', async () => {
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    const phone = await openPhone(stack, { session: entrepreneur });
    const { page } = phone;
    await page.goto(consultationPage(c.id));
    await page.getByRole('heading', { name: 'Periksa kamera dan mikrofon' }).waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid=camera-preview]')?.videoWidth ?? 0) > 0);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=mic-level] [role=progressbar], [data-testid=mic-level][role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0, undefined, { timeout: 10_000 });
    await expectVisible(page.getByLabel('Kamera', { exact: true }).first());
    expect(await page.getByRole('combobox', { name: 'Mikrofon' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Kamera' }).count()).toBe(1);
    expect(await page.getByRole('switch', { name: 'Hemat data', exact: true }).isChecked()).toBe(false);
    await page.getByText('Hanya suara: kamera Anda tidak dikirim').waitFor();

    // Turning the camera off stops it: the preview goes, the mic level stays.
    await page.getByRole('switch', { name: 'Kamera', exact: true }).uncheck();
    await page.getByText('Kamera mati').waitFor();
    expect(await page.locator('[data-testid=camera-preview]').count()).toBe(0);
    await page.getByRole('switch', { name: 'Kamera', exact: true }).check();
    await page.locator('[data-testid=camera-preview]').waitFor();

    expect(await checkPanel(phone, 'video-prejoin')).toEqual({ overflow: 0, violations: [], errors: [] });
    await phone.context.close();
  });

  it('camera denied and no microphone: a sentence for each in Indonesian, and joining to listen still works', async () => {
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    const phone = await openPhone(stack, { session: entrepreneur });
    await phone.context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = (constraints) =>
        Promise.reject(new DOMException('blocked', constraints?.video ? 'NotAllowedError' : 'NotFoundError'));
    });
    const { page } = phone;
    await page.goto(consultationPage(c.id));
    await page.getByText('Izin kamera ditolak. Izinkan kamera untuk situs ini').waitFor();
    await page.getByText('Mikrofon tidak ditemukan di perangkat ini.').waitFor();
    expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Gabung ke video' }).isEnabled()).toBe(true);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('nothing listening at LIVEKIT_URL: "video tidak tersedia" with a retry, the chat still works; retry connects with a participant token', async () => {
    await signal.stop();
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    const phone = await openPhone(stack, { session: entrepreneur });
    const { page } = phone;
    await page.goto(consultationPage(c.id));
    const joinRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/consultations/${c.id}/join`));
    await page.getByRole('button', { name: 'Gabung ke video' }).click();
    expect((await joinRequest).postDataJSON()).toEqual({ audioOnly: false });
    const unavailable = page.getByTestId('video-unavailable');
    await unavailable.getByText('Video tidak tersedia saat ini.').waitFor({ timeout: 20_000 });
    expect(await unavailable.getByRole('button', { name: 'Coba lagi' }).isVisible()).toBe(true);

    const screen = await checkPanel(phone, 'video-unavailable');
    expect({ ...screen, errors: screen.errors.filter(notVideoServerNoise(signal.port)) }).toEqual({ overflow: 0, violations: [], errors: [] });
    await sendChatMessage(page, 'Video belum bisa, kita lanjut lewat obrolan dulu ya.');

    await signal.listen();
    const since = signal.attempts.length;
    await unavailable.getByRole('button', { name: 'Coba lagi' }).click();
    const attempt = await signal.next(since);
    expect(attempt.path).toMatch(/^\/rtc/);
    expect(attempt.grants.sub).toBe(entrepreneur.id);
    expect(attempt.grants.video).toMatchObject({ room: `consultation-${c.id}`, roomJoin: true, canPublish: true, canSubscribe: true, canPublishSources: ['camera', 'microphone'] });
    expect(attempt.autoSubscribe).toBe(true);
    // The fake hangs up: back to the unavailable state, retry still there.
    await page.getByTestId('video-unavailable').getByRole('button', { name: 'Coba lagi' }).waitFor({ timeout: 20_000 });

    // The network coming back is a new try by itself (a fresh token from the api, then the video server).
    const beforeOnline = signal.attempts.length;
    const freshJoin = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/consultations/${c.id}/join`));
    await phone.context.setOffline(true);
    await phone.context.setOffline(false);
    await freshJoin;
    expect((await signal.next(beforeOnline)).grants.sub).toBe(entrepreneur.id);
    await page.getByTestId('video-unavailable').waitFor({ timeout: 20_000 });
    expect(phone.errors.filter(notVideoServerNoise(signal.port))).toEqual([]);
    await phone.context.close();
  });

  it('Hemat data: on by default on a data-saving connection, remembered per device; audio-only token, no video subscription, no camera', async () => {
    await signal.listen();
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    const phone = await openPhone(stack, { session: entrepreneur });
    await phone.context.addInitScript(() => Object.defineProperty(navigator, 'connection', { configurable: true, value: Object.assign(new EventTarget(), { saveData: true, effectiveType: '4g' }) }));
    await recordMediaRequests(phone);
    const { page } = phone;
    await page.goto(consultationPage(c.id));
    const saver = page.getByRole('switch', { name: 'Hemat data', exact: true });
    await saver.waitFor();
    expect(await saver.isChecked()).toBe(true);
    await page.getByText('Hemat data aktif: kamera tidak dipakai.').waitFor();
    expect(await page.getByRole('switch', { name: 'Kamera', exact: true }).count()).toBe(0);

    // The person's choice wins over the connection, and stays on this device.
    await saver.uncheck();
    await page.locator('[data-testid=camera-preview]').waitFor();
    await page.reload();
    await page.locator('[data-testid=camera-preview]').waitFor();
    expect(await page.getByRole('switch', { name: 'Hemat data', exact: true }).isChecked()).toBe(false);
    await page.getByRole('switch', { name: 'Hemat data', exact: true }).check();
    await page.reload();
    await page.getByText('Hemat data aktif: kamera tidak dipakai.').waitFor();
    expect(await page.getByRole('switch', { name: 'Hemat data', exact: true }).isChecked()).toBe(true);
    expect(await page.locator('video').count()).toBe(0);

    const since = signal.attempts.length;
    const joinRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/consultations/${c.id}/join`));
    await page.getByRole('button', { name: 'Gabung ke video' }).click();
    expect((await joinRequest).postDataJSON()).toEqual({ audioOnly: true });
    const attempt = await signal.next(since);
    // The token may publish the microphone only, and the client subscribes to nothing by itself (audio tracks one by one).
    expect(attempt.grants.video).toMatchObject({ room: `consultation-${c.id}`, canPublish: true, canSubscribe: true, canPublishSources: ['microphone'] });
    expect(attempt.autoSubscribe).toBe(false);
    // Since the reload with Hemat data on, nothing asked for the camera.
    expect((await mediaRequests(phone)).filter((r) => r.video)).toEqual([]);
    expect((await mediaRequests(phone)).some((r) => r.audio)).toBe(true);
    await page.getByTestId('video-unavailable').waitFor({ timeout: 20_000 });
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('a workshop attendee gets a listen-only token on the stage; a speaker may publish everything', async () => {
    await signal.listen();
    const admin = await stack.app.newUser(['admin']);
    const speaker = await stack.app.newUser(['speaker']);
    const w = await workshopSoon(stack, admin, speaker.id);
    const attendee = await stack.app.newEntrepreneur();
    expect((await stack.app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, attendee.token)).body.status).toBe('registered');
    for (const [who, expected] of [
      [attendee, { canPublish: false, canSubscribe: true }],
      [speaker, { canPublish: true, canSubscribe: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] }],
    ] as const) {
      const phone = await openPhone(stack, { session: who });
      const { page } = phone;
      await page.goto(sessionPage(w.workshopId, w.sessionId));
      const since = signal.attempts.length;
      await page.getByRole('button', { name: 'Gabung ke video' }).click();
      const attempt = await signal.next(since);
      expect(attempt.grants.sub).toBe(who.id);
      expect(attempt.grants.video).toMatchObject({ room: `workshop-session-${w.sessionId}`, ...expected });
      if (!expected.canPublish) expect(attempt.grants.video?.canPublishSources).toBeUndefined();
      await page.getByTestId('video-unavailable').waitFor({ timeout: 20_000 });
      expect(phone.errors).toEqual([]);
      await phone.context.close();
    }
  });

  it('Hemat data on the workshop stage: the attendee asks for audio only and subscribes to no video', async () => {
    await signal.listen();
    const admin = await stack.app.newUser(['admin']);
    const speaker = await stack.app.newUser(['speaker']);
    const w = await workshopSoon(stack, admin, speaker.id);
    const attendee = await stack.app.newEntrepreneur();
    expect((await stack.app.post(`/api/workshops/${w.workshopId}/registrations`, undefined, attendee.token)).body.status).toBe('registered');
    const phone = await openPhone(stack, { session: attendee });
    // Chosen on this device before (the switch remembers it).
    await phone.context.addInitScript(() => localStorage.setItem('pendamping.video.dataSaver', 'on'));
    const { page } = phone;
    await page.goto(sessionPage(w.workshopId, w.sessionId));
    expect(await page.getByRole('switch', { name: 'Hemat data', exact: true }).isChecked()).toBe(true);
    const since = signal.attempts.length;
    const joinRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/sessions/${w.sessionId}/join`));
    await page.getByRole('button', { name: 'Gabung ke video' }).click();
    expect((await joinRequest).postDataJSON()).toEqual({ audioOnly: true });
    const attempt = await signal.next(since);
    expect(attempt.grants.video).toMatchObject({ room: `workshop-session-${w.sessionId}`, canPublish: false, canSubscribe: true });
    expect(attempt.autoSubscribe).toBe(false);
    await page.getByTestId('video-unavailable').waitFor({ timeout: 20_000 });
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('refused by the api (NOT_OPEN: the phone clock runs ahead of the server): the panel says when the room opens, with a retry', async () => {
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    const clock = clockOf(stack.app);
    clock.at(new Date(c.start.getTime() - 60 * 60_000));
    try {
      const phone = await openPhone(stack, { session: entrepreneur });
      const { page } = phone;
      await page.goto(consultationPage(c.id));
      await page.getByRole('button', { name: 'Gabung ke video' }).click();
      const refused = page.getByTestId('video-refused');
      await refused.getByText('Ruang video belum dibuka. Ruang dibuka 15 menit sebelum jadwal dimulai').waitFor();
      expect(await refused.getByRole('button', { name: 'Coba lagi' }).isVisible()).toBe(true);
      // Once the server agrees the room is open, the retry goes on to the video server.
      clock.restore();
      await signal.listen();
      const since = signal.attempts.length;
      await refused.getByRole('button', { name: 'Coba lagi' }).click();
      expect((await signal.next(since)).grants.video?.room).toBe(`consultation-${c.id}`);
      expect(phone.errors.filter((e) => !e.includes('409'))).toEqual([]);
      await phone.context.close();
    } finally {
      clock.restore();
    }
  });

  it('removed from the room by a moderator (403 REMOVED_FROM_ROOM): its own sentence and no retry', async () => {
    const entrepreneur = await stack.app.newEntrepreneur();
    const c = await consultationSoon(stack, mentor.id, entrepreneur.id);
    await stack.app.app.get(DataSource).getRepository(RoomRemoval).insert({ room: `consultation-${c.id}`, userId: entrepreneur.id, removedBy: mentor.id });
    const phone = await openPhone(stack, { session: entrepreneur });
    const { page } = phone;
    await page.goto(consultationPage(c.id));
    await page.getByRole('button', { name: 'Gabung ke video' }).click();
    const refused = page.getByTestId('video-refused');
    await refused.getByText('Moderator telah mengeluarkan Anda dari ruang ini').waitFor();
    expect(await refused.getByRole('button').count()).toBe(0);
    await phone.context.close();
  });
});

async function expectVisible(locator: ReturnType<Phone['page']['getByText']>) {
  await locator.waitFor();
  expect(await locator.isVisible()).toBe(true);
}

/** The consultation chat beside the video: a message goes out and shows in the thread. */
async function sendChatMessage(page: Phone['page'], text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Tulis pesan' }).fill(text);
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await page.getByTestId('chat-log').getByText(text).waitFor();
}
