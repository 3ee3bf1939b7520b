import { DomainError } from '@pendamping/platform';

/** The workshop lib's error codes, in one place (HTTP mapping is the platform's job). */
export const WorkshopErrors = {
  speakerBusy: (names: string[]) =>
    new DomainError('conflict', 'SPEAKER_BUSY', `Speaker already booked at that time: ${names.join(', ')}`),
  alreadyRegistered: () => new DomainError('conflict', 'ALREADY_REGISTERED', 'You are already registered or on the waitlist for this workshop'),
  cancelled: () => new DomainError('conflict', 'WORKSHOP_CANCELLED', 'This workshop has been cancelled'),
  closed: () => new DomainError('conflict', 'REGISTRATION_CLOSED', 'This workshop has ended; registration is closed'),
  notDraft: () => new DomainError('conflict', 'WORKSHOP_NOT_DRAFT', 'Only a draft workshop can be published'),
  notEditable: (status: string) => new DomainError('conflict', 'WORKSHOP_NOT_EDITABLE', `A ${status} workshop cannot be changed`),
  alreadyStarted: () => new DomainError('conflict', 'SESSION_IN_PAST', 'A session of this workshop has already started; move it to the future first'),
  sessionStarted: () => new DomainError('conflict', 'SESSION_STARTED', 'A session that has started cannot be moved or removed'),
  capacityTooLow: (registered: number) =>
    new DomainError('conflict', 'CAPACITY_TOO_LOW', `capacity cannot go below the ${registered} people already registered`),
  notRegistered: () => new DomainError('not_found', 'NOT_REGISTERED', 'You have no registration for this workshop'),
  notAttended: () => new DomainError('forbidden', 'NOT_ATTENDED', 'Only registrants who attended the workshop can do this'),
  feedbackExists: () => new DomainError('conflict', 'FEEDBACK_EXISTS', 'You have already given feedback for this workshop'),
};
