import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvents, type EventAttributes } from 'ics';
import { DataSource, MoreThan } from 'typeorm';
import { Clock } from '@pendamping/platform';
import { WorkshopSession } from '@pendamping/workshops';
import type { Notification } from '../entities/notification.entity';

export interface Invite {
  method: 'REQUEST' | 'CANCEL';
  ics: string;
}

interface Slot {
  uid: string;
  start: Date;
  end: Date;
}

/** Event UIDs, stable per consultation and per session: invites and the calendar feed share them. */
export const calendarUid = {
  consultation: (id: string) => `consultation-${id}@pendamping`,
  session: (id: string) => `session-${id}@pendamping`,
};

/** One calendar event in UTC, its link as description and URL. */
export function calendarEvent(uid: string, start: Date, end: Date, title: string, link: string): EventAttributes {
  return {
    uid,
    start: new Date(start).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(end).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title,
    description: link,
    url: link,
    status: 'CONFIRMED',
  };
}

const REQUEST_TYPES = ['consultation.booked', 'consultation.rescheduled', 'consultation.reminder', 'workshop.session.reminder', 'workshop.registered', 'workshop.promoted', 'workshop.changed'];
const CANCEL_TYPES = ['consultation.cancelled', 'workshop.cancelled'];

/**
 * The .ics that goes with a booking or session email. The UID is stable per consultation and per session,
 * so a calendar updates the same entry on a reschedule (a higher SEQUENCE) and removes it on a cancellation.
 */
@Injectable()
export class CalendarInvites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async for(n: Notification, title: string, link: string, organizer: { name: string; email: string }, attendee: { name: string; email: string }): Promise<Invite | null> {
    const method = REQUEST_TYPES.includes(n.type) ? 'REQUEST' : CANCEL_TYPES.includes(n.type) ? 'CANCEL' : null;
    if (!method) return null;
    const slots = await this.slots(n, method);
    if (slots.length === 0) return null;
    // Later changes carry a higher sequence: seconds since the epoch of the notification's creation.
    const sequence = Math.floor(n.createdAt.getTime() / 1000);
    const events: EventAttributes[] = slots.map((s) => ({
      ...calendarEvent(s.uid, s.start, s.end, title, link),
      sequence,
      status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
      organizer,
      attendees: [{ ...attendee, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' }],
    }));
    const { error, value } = createEvents(events, { method, productId: 'pendamping' });
    if (error || !value) throw error ?? new Error('could not build the calendar invite');
    return { method, ics: value };
  }

  private async slots(n: Notification, method: Invite['method']): Promise<Slot[]> {
    const p = n.payload;
    if (n.refKind === 'consultation' && p.start && p.end) return [{ uid: calendarUid.consultation(n.refId), start: new Date(p.start), end: new Date(p.end) }];
    if (n.refKind === 'workshop_session' && p.start && p.end) return [{ uid: calendarUid.session(n.refId), start: new Date(p.start), end: new Date(p.end) }];
    // The whole workshop: every session still ahead (all of them when it is called off).
    const sessions = await this.dataSource.manager.find(WorkshopSession, {
      where: { workshopId: n.refId, ...(method === 'REQUEST' && { startsAt: MoreThan(this.clock.now()) }) },
      order: { startsAt: 'ASC' },
    });
    return sessions.map((s) => ({ uid: calendarUid.session(s.id), start: s.startsAt, end: s.endsAt }));
  }
}
