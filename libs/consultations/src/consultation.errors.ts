import { DomainError } from '@pendamping/platform';

export const slotTaken = () => new DomainError('SLOT_TAKEN', 'This time has just been booked; please choose another slot');

export const notASlot = () =>
  new DomainError('NOT_A_SLOT', "This start time is not one of the mentor's slots; ask GET /api/mentors/:id/slots for free ones");

export const inThePast = () => new DomainError('IN_THE_PAST', 'This time has already passed');

export const callerBusy = () => new DomainError('ALREADY_BOOKED_THEN', 'You already have a consultation at this time');

export const mentorLimitReached = (limit: number) =>
  new DomainError('BOOKING_LIMIT_MENTOR', `You already have ${limit} upcoming consultation${limit === 1 ? '' : 's'} with this mentor; attend or cancel one before booking another`);

export const openLimitReached = (limit: number) =>
  new DomainError('BOOKING_LIMIT_TOTAL', `You already have ${limit} upcoming consultation${limit === 1 ? '' : 's'}; attend or cancel one before booking another`);

export const dailyCapReached = () => new DomainError('DAILY_CAP_REACHED', 'The mentor is fully booked on this day');

export const notBooked = (status: string) =>
  new DomainError('NOT_BOOKED', `This consultation is ${status}; only a booked consultation can change`);

export const notStarted = () => new DomainError('NOT_STARTED', 'The consultation has not started yet');

export const alreadyStarted = () =>
  new DomainError('ALREADY_STARTED', 'This consultation has already started; it can no longer be cancelled or moved (record a no-show or an outcome instead)');

export const noAvailability = () =>
  new DomainError('NOT_A_SLOT', 'This mentor has not set their availability yet, so there are no slots to book');
