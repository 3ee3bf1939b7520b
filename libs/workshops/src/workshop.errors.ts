import { DomainError } from '@pendamping/platform';

/** The workshop lib's error codes, in one place (HTTP mapping is the platform's job). */
export const WorkshopErrors = {
  speakerBusy: (names: string[]) =>
    new DomainError('SPEAKER_BUSY', `Speaker already booked at that time: ${names.join(', ')}`),
  alreadyRegistered: () => new DomainError('ALREADY_REGISTERED', 'You are already registered or on the waitlist for this workshop'),
  cancelled: () => new DomainError('WORKSHOP_CANCELLED', 'This workshop has been cancelled'),
  closed: () => new DomainError('REGISTRATION_CLOSED', 'This workshop has ended; registration is closed'),
  notDraft: () => new DomainError('WORKSHOP_NOT_DRAFT', 'Only a draft workshop can be published'),
  notEditable: (status: string) => new DomainError('WORKSHOP_NOT_EDITABLE', `A ${status} workshop cannot be changed`),
  alreadyStarted: () => new DomainError('SESSION_IN_PAST', 'A session of this workshop has already started; move it to the future first'),
  sessionStarted: () => new DomainError('SESSION_STARTED', 'A session that has started cannot be moved or removed'),
  capacityTooLow: (registered: number) =>
    new DomainError('CAPACITY_TOO_LOW', `capacity cannot go below the ${registered} people already registered`),
  noRegistration: () => new DomainError('REGISTRATION_NOT_FOUND', 'You have no registration for this workshop'),
  notAttended: () => new DomainError('NOT_ATTENDED', 'Only registrants who attended the workshop can do this'),
  feedbackExists: () => new DomainError('FEEDBACK_EXISTS', 'You have already given feedback for this workshop'),
};
