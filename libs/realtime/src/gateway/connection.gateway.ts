import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { AuthService } from '@pendamping/identity';
import { AppConfig } from '@pendamping/platform';
import type { RealtimeServer, RealtimeSocket } from '../realtime.events';
import { REALTIME_NAMESPACE, rooms } from '../rooms';
import { TokenBucket } from './token-bucket';

/**
 * Who is connecting. Guards do not run on a socket.io connect, so the token is checked in the namespace's
 * middleware: a bad or missing one fails the handshake with `connect_error` "unauthorized".
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class ConnectionGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      const verified = typeof token === 'string' && token.length < 4096 ? this.auth.verify(token) : Promise.resolve(undefined);
      verified.then(
        (caller) => {
          if (!caller) return next(new Error('unauthorized'));
          socket.data = { caller, bucket: new TokenBucket(this.config.realtime.eventsPerSecond), consultations: new Map(), sessions: new Map() };
          next();
        },
        (error: unknown) => {
          this.logger.error(error instanceof Error ? error.stack : String(error));
          next(new Error('unauthorized'));
        },
      );
    });
  }

  /** Every socket of a person shares their room, so the server can reach them on all their devices. */
  handleConnection(socket: RealtimeSocket): void {
    void socket.join(rooms.user(socket.data.caller.id));
  }
}
