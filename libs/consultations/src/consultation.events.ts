import type { DomainEvent } from '@pendamping/platform';
import type { Topic } from '@pendamping/identity';

/** What other libs (reminders, realtime gateway, video) may react to. Times are UTC instants. */
interface ConsultationFacts {
  consultationId: string;
  mentorId: string;
  entrepreneurId: string;
  start: Date;
  end: Date;
  topic: Topic;
}

export interface ConsultationBooked extends DomainEvent, ConsultationFacts {
  type: 'consultation.booked';
  /** Who booked (the entrepreneur, for themselves). */
  byUserId: string;
}

export interface ConsultationRescheduled extends DomainEvent, ConsultationFacts {
  type: 'consultation.rescheduled';
  previousStart: Date;
  previousEnd: Date;
  byUserId: string;
}

export interface ConsultationCancelled extends DomainEvent, ConsultationFacts {
  type: 'consultation.cancelled';
  byUserId: string;
  reason: string;
}

export interface ConsultationCompleted extends DomainEvent, ConsultationFacts {
  type: 'consultation.completed';
  followUpOn: string | null;
}

export interface ConsultationNoShow extends DomainEvent, ConsultationFacts {
  type: 'consultation.no_show';
}

export type ConsultationEvent = ConsultationBooked | ConsultationRescheduled | ConsultationCancelled | ConsultationCompleted | ConsultationNoShow;

type Facts = Omit<ConsultationBooked, 'type' | 'byUserId'>;

/** Builds an event from the consultation as it is after the change. */
export function consultationEvent<T extends ConsultationEvent['type']>(
  type: T,
  c: { id: string; mentorId: string; entrepreneurId: string; start: Date; end: Date; topic: Topic },
  extra: Omit<Extract<ConsultationEvent, { type: T }>, 'type' | keyof Facts>,
): Extract<ConsultationEvent, { type: T }> {
  const facts: Facts = { consultationId: c.id, mentorId: c.mentorId, entrepreneurId: c.entrepreneurId, start: c.start, end: c.end, topic: c.topic };
  return { type, ...facts, ...extra } as Extract<ConsultationEvent, { type: T }>;
}
