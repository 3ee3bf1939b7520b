import type { DomainEvent } from '@pendamping/platform';

/** Events this lib publishes through DomainEvents; notifications and reminders subscribe to them. */
export interface WorkshopPublished extends DomainEvent {
  type: 'workshop.published';
  workshopId: string;
  title: string;
  sessions: { id: string; start: Date; end: Date }[];
}

/** Times of a published workshop changed; `userIds` are everyone registered or waitlisted. */
export interface WorkshopChanged extends DomainEvent {
  type: 'workshop.changed';
  workshopId: string;
  title: string;
  userIds: string[];
  sessions: { id: string; start: Date; end: Date }[];
}

export interface WorkshopCancelled extends DomainEvent {
  type: 'workshop.cancelled';
  workshopId: string;
  title: string;
  reason: string;
  userIds: string[];
}

export interface WorkshopRegistered extends DomainEvent {
  type: 'workshop.registered';
  workshopId: string;
  userId: string;
  /** Who registered them (today always `userId`: people register themselves). */
  byUserId: string;
}

export interface WorkshopWaitlisted extends DomainEvent {
  type: 'workshop.waitlisted';
  workshopId: string;
  userId: string;
  position: number;
  /** Who put them in line (today always `userId`). */
  byUserId: string;
}

/** A waitlisted person got a seat (someone cancelled, or capacity grew). */
export interface WorkshopPromoted extends DomainEvent {
  type: 'workshop.promoted';
  workshopId: string;
  userId: string;
}

export interface WorkshopRegistrationCancelled extends DomainEvent {
  type: 'workshop.registration_cancelled';
  workshopId: string;
  userId: string;
  previousStatus: 'registered' | 'waitlisted';
}

export interface CertificateReady extends DomainEvent {
  type: 'certificate.ready';
  workshopId: string;
  userId: string;
  number: string;
}

export type WorkshopEvent =
  | WorkshopPublished
  | WorkshopChanged
  | WorkshopCancelled
  | WorkshopRegistered
  | WorkshopWaitlisted
  | WorkshopPromoted
  | WorkshopRegistrationCancelled
  | CertificateReady;

/** Builds a typed event (an object literal passed straight to `emit` would only be checked as DomainEvent). */
export const workshopEvent = <E extends WorkshopEvent>(event: E): E => event;
