import type { Namespace, Socket } from 'socket.io';
import type { Caller } from '@pendamping/platform';
import type { ParticipantRole } from '@pendamping/workshops';
import type { TokenBucket } from './gateway/token-bucket';

export * from './realtime.wire';
import type { ServerToClientEvents } from './realtime.wire';

/** The role the workshops lib's `participantRole` gives. */
export type WorkshopRole = ParticipantRole;

/** A session this socket has joined, as checked at join time. */
export interface JoinedSession {
  sessionId: string;
  workshopId: string;
  role: WorkshopRole;
  endsAt: Date;
  /** When the admission was last checked against the database (epoch ms). */
  checkedAt: number;
}

/** What the gateway keeps on each socket (`socket.data`). */
export interface SocketState {
  caller: Caller;
  bucket: TokenBucket;
  /** Consultations this socket may read (false) or also write to as a participant (true). */
  consultations: Map<string, boolean>;
  sessions: Map<string, JoinedSession>;
  /** The caller's display name, loaded when first needed (questions, hands). */
  name?: string;
}

export type RealtimeSocket = Socket<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketState>;
export type RealtimeServer = Namespace<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketState>;
