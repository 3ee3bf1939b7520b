/** The namespace every client connects to. */
export const REALTIME_NAMESPACE = '/realtime';

/** Room names, shared by the gateway (joins) and the publisher (emits from any process). */
export const rooms = {
  /** Every socket of one person, on all their devices. */
  user: (userId: string) => `user:${userId}`,
  /** A person's sockets that connected with a token of this version (a raise disconnects the older ones). */
  userTokens: (userId: string, tokenVersion: number) => `user:${userId}:tokens:${tokenVersion}`,
  consultation: (consultationId: string) => `consultation:${consultationId}`,
  workshopSession: (sessionId: string) => `workshop-session:${sessionId}`,
  /** Speakers and admins of a session: raised hands go only here. */
  workshopStaff: (sessionId: string) => `workshop-session:${sessionId}:staff`,
};
