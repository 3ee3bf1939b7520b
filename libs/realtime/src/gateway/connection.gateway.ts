import { Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { AuthService, type TokenSession, type TokensRevoked } from '@pendamping/identity';
import { AppConfig, DomainEvents } from '@pendamping/platform';
import type { RealtimeServer, RealtimeSocket } from '../realtime.events';
import { REALTIME_NAMESPACE, rooms } from '../rooms';
import { TokenBucket } from './token-bucket';

// setTimeout's longest delay (about 24.8 days); a token living longer is checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;
// A raise's event may be overtaken by a later one (another node, the same moment): spare the next versions too.
const NEWER_VERSIONS_SPARED = 3;

/**
 * Who is connecting. Guards do not run on a socket.io connect, so the token is checked in the namespace's
 * middleware: a bad, missing, expired or revoked one fails the handshake with `connect_error` "unauthorized".
 * A socket keeps its identity only as long as its token: it is disconnected when the token expires, and
 * when the account's token version is raised (password, roles, disabled), on whichever node it is.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class ConnectionGateway implements OnGatewayInit, OnModuleInit {
  private readonly logger = new Logger('Realtime');
  private server: RealtimeServer | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit('identity.tokens_revoked', (e) => this.revoked(e as TokensRevoked));
  }

  afterInit(server: RealtimeServer): void {
    this.server = server;
    server.use((socket, next) => {
      this.admit(socket).then(
        (admitted) => next(admitted ? undefined : new Error('unauthorized')),
        (error: unknown) => {
          this.logger.error(error instanceof Error ? error.stack : String(error));
          next(new Error('unauthorized'));
        },
      );
    });
  }

  private async admit(socket: RealtimeSocket): Promise<boolean> {
    const token: unknown = socket.handshake.auth?.token;
    const session = typeof token === 'string' && token.length < 4096 ? await this.auth.decode(token) : undefined;
    if (!session) return false;
    const { id } = session.caller;
    // Every socket of a person shares their room, so the server reaches them on all their devices. It joins
    // before the version is read: a raise committed after the read finds this socket there. (A refused
    // handshake leaves its rooms by itself.)
    await socket.join([rooms.user(id), rooms.userTokens(id, session.tokenVersion)]);
    if (!(await this.auth.isCurrent(session))) return false;
    socket.data = { caller: session.caller, bucket: new TokenBucket(this.config.realtime.eventsPerSecond), consultations: new Map(), sessions: new Map() };
    this.endWithToken(socket, session);
    return true;
  }

  /** Disconnects the socket when its token expires (by the same clock the token's expiry is checked with). */
  private endWithToken(socket: RealtimeSocket, session: TokenSession): void {
    const timer = setTimeout(() => {
      if (Date.now() < session.expiresAt.getTime()) return this.endWithToken(socket, session);
      socket.disconnect(true);
    }, Math.min(Math.max(session.expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS));
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  /** Disconnects, on every node (the Redis adapter carries it), the person's sockets holding an older token. */
  private revoked({ userId, tokenVersion }: TokensRevoked): void {
    const spared = Array.from({ length: NEWER_VERSIONS_SPARED + 1 }, (_, i) => rooms.userTokens(userId, tokenVersion + i));
    this.server?.in(rooms.user(userId)).except(spared).disconnectSockets(true);
  }
}
