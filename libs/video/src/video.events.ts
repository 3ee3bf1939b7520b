import type { DomainEvent } from '@pendamping/platform';

/**
 * A moderator removed an attendee from a workshop session's room (the removal is stored). The live room
 * (realtime) subscribes, to take their sockets out at once.
 */
export interface ParticipantRemoved extends DomainEvent {
  type: 'video.participant_removed';
  workshopId: string;
  sessionId: string;
  userId: string;
  removedBy: string;
}

export type VideoDomainEvent = ParticipantRemoved;

/** Builds a typed event (an object literal passed straight to `publish` would only be checked as DomainEvent). */
export const videoEvent = <E extends VideoDomainEvent>(event: E): E => event;
