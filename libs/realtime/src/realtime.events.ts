import type { Namespace, Socket } from 'socket.io';
import type { Caller } from '@pendamping/platform';
import type { ParticipantRole } from '@pendamping/workshops';
import type { TokenBucket } from './gateway/token-bucket';

/** What every client → server event answers on its ack. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string | string[] } };

export interface MessageView {
  id: string;
  consultationId: string;
  clientMessageId: string;
  senderId: string;
  body: string;
  createdAt: string;
}

export interface QuestionView {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  votes: number;
  answered: boolean;
  createdAt: string;
}

export interface PollView {
  id: string;
  question: string;
  options: string[];
}

export interface PollResults {
  pollId: string;
  counts: number[];
}

/** Server → client events (the typed map the gateway and the publisher emit through). */
export interface ServerToClientEvents {
  'consultation:message': (message: MessageView) => void;
  'consultation:typing': (event: { consultationId: string; userId: string }) => void;
  'consultation:read': (event: { consultationId: string; userId: string; messageId: string }) => void;
  'workshop:question': (question: QuestionView & { sessionId: string }) => void;
  'workshop:question:votes': (event: { questionId: string; votes: number }) => void;
  'workshop:question:answered': (event: { questionId: string; answered: boolean }) => void;
  'workshop:hand': (event: { sessionId: string; userId: string; name: string; raised: boolean }) => void;
  'workshop:poll': (poll: PollView & { sessionId: string }) => void;
  'workshop:poll:results': (results: PollResults) => void;
  'workshop:poll:closed': (results: PollResults) => void;
  /** To every socket of someone a moderator removed from the session: they are out of its live room. */
  'workshop:removed': (event: { sessionId: string }) => void;
  notification: (notification: unknown) => void;
}

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
