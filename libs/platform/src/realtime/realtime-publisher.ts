/**
 * Pushes a server → client event to connected sockets, from any process (api or worker). The realtime lib
 * provides the implementation (socket.io through Redis); features depend only on this class.
 */
export abstract class RealtimePublisher {
  /** To every socket of one person, on all their devices. */
  abstract toUser(userId: string, event: string, payload: unknown): Promise<void>;

  /** To every socket in a room (a consultation chat, a workshop session). */
  abstract toRoom(room: string, event: string, payload: unknown): Promise<void>;
}
