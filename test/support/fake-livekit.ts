import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import { WebSocketServer } from 'ws';

/** One RoomService request the fake accepted: method, JSON body, and the grants of its bearer token. */
export interface TwirpCall {
  method: string;
  body: any;
  grants: ClaimGrants;
}

const PREFIX = '/twirp/livekit.RoomService/';
const ROOM_CREATE = new Set(['CreateRoom', 'DeleteRoom']);
const ROOM_ADMIN = new Set(['UpdateParticipant', 'MutePublishedTrack', 'RemoveParticipant', 'ListParticipants', 'GetParticipant']);

/**
 * A stand-in for LiveKit's RoomService on loopback (no LiveKit server runs in tests). It speaks the Twirp
 * JSON paths the SDK calls, verifies each bearer JWT with the SDK's TokenVerifier and the grant each method
 * needs (roomCreate, or roomAdmin for that room), keeps open rooms and connected participants, and answers
 * Twirp's `not_found` like the real server. Requests it refused are listed in `refused`.
 *
 * A browser pointed at it (LIVEKIT_URL) gets no SFU: its /rtc signal socket is accepted and closed at once
 * (the page shows "video unavailable"), its /rtc/validate probe a plain 200, so the page logs no errors.
 * The tokens it connected with are in `signals`.
 */
export class FakeLiveKit {
  readonly calls: TwirpCall[] = [];
  readonly refused: { path: string; status: number; reason: string }[] = [];
  readonly rooms = new Map<string, any>();
  readonly signals: ClaimGrants[] = [];
  private readonly sockets = new WebSocketServer({ noServer: true });
  private readonly connected = new Set<string>();
  private readonly verifier: TokenVerifier;

  private constructor(
    private readonly server: Server,
    apiKey: string,
    apiSecret: string,
  ) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
  }

  static async start(apiKey = 'devkey', apiSecret = 'secret'): Promise<FakeLiveKit> {
    const server = createServer();
    const fake = new FakeLiveKit(server, apiKey, apiSecret);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void fake.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A participant is in the room (as after a real connect). */
  connect(room: string, identity: string): void {
    this.connected.add(`${room}/${identity}`);
  }

  callsTo(method: string, room?: string): TwirpCall[] {
    return this.calls.filter((c) => c.method === method && (room === undefined || (c.body.room ?? c.body.name) === room));
  }

  close(): Promise<void> {
    this.sockets.clients.forEach((c) => c.terminate());
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '';
    if (req.method === 'GET' && path.startsWith('/rtc')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (req.method !== 'POST' || !path.startsWith(PREFIX)) return this.fail(res, path, 404, 'bad_route', 'no such route');
    const method = path.slice(PREFIX.length);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    let grants: ClaimGrants;
    try {
      if (scheme !== 'Bearer') throw new Error('no bearer token');
      grants = await this.verifier.verify(token);
    } catch (error) {
      return this.fail(res, path, 401, 'unauthenticated', (error as Error).message);
    }
    const video = grants.video ?? {};
    if (ROOM_CREATE.has(method) && !video.roomCreate) return this.fail(res, path, 403, 'permission_denied', 'roomCreate needed');
    if (ROOM_ADMIN.has(method) && !(video.roomAdmin && video.room === body.room)) return this.fail(res, path, 403, 'permission_denied', 'roomAdmin for this room needed');
    this.calls.push({ method, body, grants });
    const answer = this.answer(method, body);
    if ('error' in answer) return this.fail(res, path, 404, 'not_found', answer.error);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.ok));
  }

  private answer(method: string, body: any): { ok: unknown } | { error: string } {
    const here = (room: string, identity: string) => this.connected.has(`${room}/${identity}`);
    switch (method) {
      case 'CreateRoom': {
        const room = this.rooms.get(body.name) ?? { sid: `RM_${this.rooms.size + 1}`, creationTime: String(Math.floor(Date.now() / 1000)), ...body };
        this.rooms.set(body.name, room);
        return { ok: room };
      }
      case 'DeleteRoom':
        if (!this.rooms.delete(body.room)) return { error: 'requested room does not exist' };
        return { ok: {} };
      case 'UpdateParticipant':
        if (!here(body.room, body.identity)) return { error: 'participant not found' };
        return { ok: { sid: 'PA_1', identity: body.identity, permission: body.permission } };
      case 'MutePublishedTrack':
        if (!here(body.room, body.identity)) return { error: 'participant not found' };
        return { ok: { track: { sid: body.trackSid, muted: body.muted ?? false } } };
      case 'RemoveParticipant':
        if (!here(body.room, body.identity)) return { error: 'participant not found' };
        this.connected.delete(`${body.room}/${body.identity}`);
        return { ok: {} };
      default:
        return { ok: {} };
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/rtc')) return void socket.destroy();
    try {
      this.signals.push(await this.verifier.verify(url.searchParams.get('access_token') ?? ''));
    } catch {
      return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => ws.close(1011, 'no LiveKit here'));
  }

  private fail(res: ServerResponse, path: string, status: number, code: string, msg: string): void {
    this.refused.push({ path, status, reason: msg });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }));
  }
}
