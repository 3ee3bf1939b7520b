// What crosses the socket, server and client alike: the web app types its socket from this file (type-only,
// nothing here may import anything), so a changed payload fails the web's typecheck, not a person's screen.

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

export type RoomExitCode = 'REMOVED_FROM_ROOM' | 'NOT_REGISTERED' | 'NOT_OPEN';

export interface NotificationPush {
  id: string;
  type: string;
  title: string;
  body: string;
  ref: { kind: string | null; id: string | null };
  createdAt: string;
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
  /**
   * Out of a session's live room, with the code the next event's ack would carry: to every socket of someone
   * a moderator removed (REMOVED_FROM_ROOM) or who gave up their seat (NOT_REGISTERED), and to everyone in the
   * rooms of a workshop called off (NOT_OPEN).
   */
  'workshop:removed': (event: { sessionId: string; code: RoomExitCode }) => void;
  /** A new inbox entry, pushed to the person's sockets as it is written. */
  notification: (notification: NotificationPush) => void;
}
