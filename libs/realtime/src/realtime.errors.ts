import { DomainError } from '@pendamping/platform';

/** The realtime lib's error codes; acks carry them as `{ok: false, error: {code, message}}`. */
export const RealtimeErrors = {
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', 'Too many events from this connection; slow down and retry', { retryAfterSeconds }),
  notOpen: () => new DomainError('NOT_OPEN', 'The session room is open from 15 minutes before the start until the end'),
  notRegistered: () => new DomainError('NOT_REGISTERED', 'Only registrants, speakers and admins can join this session'),
  notJoined: () => new DomainError('NOT_JOINED', 'Join the session first (workshop:join)'),
  notStaff: () => new DomainError('FORBIDDEN', "Only this workshop's speakers and admins can do this"),
  pollClosed: () => new DomainError('POLL_CLOSED', 'This poll is closed'),
};
