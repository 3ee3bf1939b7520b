import { DomainError } from '@pendamping/platform';

/** The video lib's error codes, in one place (HTTP mapping is the platform's job). */
export const VideoErrors = {
  notOpen: (why: string) => new DomainError('NOT_OPEN', why),
  notRegistered: () =>
    new DomainError('NOT_REGISTERED', 'Only registered participants, the speakers and admins can join this session'),
  removed: () => new DomainError('REMOVED_FROM_ROOM', 'A moderator removed you from this room'),
  notModerator: () => new DomainError('FORBIDDEN', "Only this workshop's speakers and admins can moderate its room"),
  notAnAttendee: () =>
    new DomainError('NOT_AN_ATTENDEE', 'Speakers and admins keep their rights; this applies to attendees only'),
  notYourself: () => new DomainError('NOT_YOURSELF', 'You cannot do this to yourself'),
};
