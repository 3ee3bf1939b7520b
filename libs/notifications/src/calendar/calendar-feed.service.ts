import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvents, type EventAttributes } from 'ics';
import { DataSource } from 'typeorm';
import type { Locale } from '@pendamping/identity';
import { AppConfig, Clock, forbidden, notFound, type Caller } from '@pendamping/platform';
import { participantRole, type ParticipantRole } from '@pendamping/workshops';
import { calendarEvent, calendarUid } from '../channels/calendar-invite';
import { loadRecipient } from '../delivery/recipient';
import { topicName } from '../templates/messages';
import { CalendarFeed } from './calendar-feed.entity';

/** The feed shows what is at most this far back and this far ahead. */
const PAST_DAYS = 30;
const AHEAD_DAYS = 180;
const DAY = 86_400_000;
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface FeedAddress {
  /** https address for calendar apps that take one ("add by URL"). */
  url: string;
  /** The same as webcal://, which phones open in their calendar app. */
  webcal: string;
}

/** What GET answers: the address, or both fields null when there is none (not a 404: a browser logs those). */
export type CurrentFeed = FeedAddress | { url: null; webcal: null };

interface ConsultationRow {
  id: string;
  status: 'booked' | 'completed' | 'cancelled';
  entrepreneurId: string;
  start: Date;
  end: Date;
  topic: string;
  mentorId: string;
  mentorName: string;
  entrepreneurName: string;
}

interface SessionRow {
  id: string;
  workshopId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  number: number | string;
  total: number | string;
  speaker: number | string;
  seat: 'registered' | 'waitlisted' | 'cancelled' | null;
  admin: number | string;
}

const WORDS: Record<Locale, { consultation: (topic: string, other: string) => string; session: (title: string, n: number, of: number) => string; calendar: (name: string) => string; role: Record<ParticipantRole, string> }> = {
  id: {
    role: { speaker: 'Narasumber', host: 'Host', attendee: 'Peserta' },
    consultation: (topic, other) => `Konsultasi ${topic} dengan ${other}`,
    session: (title, n, of) => (of > 1 ? `Workshop: ${title} (sesi ${n} dari ${of})` : `Workshop: ${title}`),
    calendar: (name) => `Pendamping – ${name}`,
  },
  en: {
    role: { speaker: 'Speaker', host: 'Host', attendee: 'Attendee' },
    consultation: (topic, other) => `${topic[0].toUpperCase()}${topic.slice(1)} consultation with ${other}`,
    session: (title, n, of) => (of > 1 ? `Workshop: ${title} (session ${n} of ${of})` : `Workshop: ${title}`),
    calendar: (name) => `Pendamping – ${name}`,
  },
};

/**
 * A calendar subscription per person (what cal.com calls calendar sync, read-only): their booked
 * consultations, as mentor or entrepreneur, and the sessions of workshops they hold a seat in or speak
 * at, each with their role there as its category (Narasumber, Peserta). Event UIDs are those of the emailed invites, so a calendar that has both keeps one entry.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A new secret address; any previous one stops working. */
  async rotate(userId: string): Promise<FeedAddress> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query('INSERT INTO calendar_feeds (userId, token) VALUES (?, ?) ON DUPLICATE KEY UPDATE token = VALUES(token), createdAt = CURRENT_TIMESTAMP(3)', [userId, token]);
    return this.address(token);
  }

  /** The current address, or nulls when the person has none. */
  async current(userId: string): Promise<CurrentFeed> {
    const feed = await this.dataSource.manager.findOneBy(CalendarFeed, { userId });
    return feed ? this.address(feed.token) : { url: null, webcal: null };
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.manager.delete(CalendarFeed, { userId });
  }

  /** The .ics for a feed token; 404 for an unknown or revoked one. */
  async ics(token: string): Promise<string> {
    const feed = FEED_TOKEN.test(token) ? await this.dataSource.manager.findOneBy(CalendarFeed, { token }) : null;
    // In the language they chose for notifications.
    const user = feed && (await loadRecipient(this.dataSource.manager, feed.userId));
    if (!user) throw notFound('Calendar feed');
    const now = this.clock.now().getTime();
    const [from, to] = [new Date(now - PAST_DAYS * DAY), new Date(now + AHEAD_DAYS * DAY)];
    const words = WORDS[user.locale];
    const base = this.config.publicUrl.replace(/\/$/, '');

    const consultations = await this.consultations(`(c.mentorId = ? OR c.entrepreneurId = ?) AND c.status IN ('booked', 'completed') AND c.start < ? AND c.end > ?`, [user.id, user.id, to, from]);
    // Every session of a published workshop the person speaks at or has a registration for; who of them is
    // in the room, and as what, is the workshops lib's rule (participantRole), as for the video join.
    const candidates: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.workshopId, w.title, s.startsAt, s.endsAt,
              (SELECT COUNT(*) FROM workshop_sessions o WHERE o.workshopId = s.workshopId AND o.startsAt <= s.startsAt) AS number,
              (SELECT COUNT(*) FROM workshop_sessions o WHERE o.workshopId = s.workshopId) AS total,
              EXISTS (SELECT 1 FROM workshop_speakers sp WHERE sp.workshopId = w.id AND sp.speakerId = ?) AS speaker,
              (SELECT r.status FROM workshop_registrations r WHERE r.workshopId = w.id AND r.userId = ?) AS seat,
              (SELECT FIND_IN_SET('admin', u.roles) > 0 FROM users u WHERE u.id = ?) AS admin
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshopId
        WHERE w.status = 'published' AND s.startsAt < ? AND s.endsAt > ?
          AND (EXISTS (SELECT 1 FROM workshop_registrations r WHERE r.workshopId = w.id AND r.userId = ?)
               OR EXISTS (SELECT 1 FROM workshop_speakers sp WHERE sp.workshopId = w.id AND sp.speakerId = ?))
        ORDER BY s.startsAt`,
      [user.id, user.id, user.id, to, from, user.id, user.id],
    );
    // Hosting (an admin's right in every room) is not an appointment: the feed holds speaking and seats.
    const sessions = candidates.flatMap((s) => {
      const role = participantRole({ speaker: Number(s.speaker) === 1, admin: Number(s.admin) === 1, seat: s.seat });
      return role === 'speaker' || role === 'attendee' ? [{ ...s, role }] : [];
    });

    const events: EventAttributes[] = [
      ...consultations.map((c) => this.consultationEvent(c, user.id, user.locale)),
      ...sessions.map((s) => {
        const link = `${base}/workshops/${s.workshopId}/sessions/${s.id}`;
        return { ...calendarEvent(calendarUid.session(s.id), s.startsAt, s.endsAt, words.session(s.title, Number(s.number), Number(s.total)), link), categories: [words.role[s.role]] };
      }),
    ];
    const { error, value } = createEvents(events, { productId: 'pendamping', method: 'PUBLISH', calName: words.calendar(user.name) });
    if (error || value === null) throw error ?? new Error('could not build the calendar feed');
    return value;
  }

  /**
   * One consultation's calendar entry, for the people in it ("Tambah ke kalender"), in the caller's language:
   * the UID of the emailed invites and the feed, so a calendar keeps one entry; a cancelled one is CANCELLED.
   * Others do not learn it exists (404); an admin may look at a consultation, but it is not their appointment.
   */
  async consultationIcs(caller: Caller, id: string): Promise<string> {
    const [c] = await this.consultations('c.id = ?', [id]);
    const party = c && (c.mentorId === caller.id || c.entrepreneurId === caller.id);
    if (c && !party && caller.roles.includes('admin')) throw forbidden('Only the people in this consultation get its calendar entry');
    const user = party ? await loadRecipient(this.dataSource.manager, caller.id) : null;
    if (!c || !user) throw notFound('Consultation');
    const event = { ...this.consultationEvent(c, user.id, user.locale), ...(c.status === 'cancelled' && { status: 'CANCELLED' as const }) };
    const { error, value } = createEvents([event], { productId: 'pendamping', method: 'PUBLISH' });
    if (error || value === null) throw error ?? new Error('could not build the calendar entry');
    return value;
  }

  private consultations(where: string, params: unknown[]): Promise<ConsultationRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.status, c.start, c.end, c.topic, c.mentorId, c.entrepreneurId, m.name AS mentorName, e.name AS entrepreneurName
         FROM consultations c JOIN users m ON m.id = c.mentorId JOIN users e ON e.id = c.entrepreneurId
        WHERE ${where} ORDER BY c.start`,
      params,
    );
  }

  /** Titled for the reader: the topic and the other person. */
  private consultationEvent(c: ConsultationRow, readerId: string, locale: Locale): EventAttributes {
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/consultations/${c.id}`;
    return calendarEvent(calendarUid.consultation(c.id), c.start, c.end, WORDS[locale].consultation(topicName(c.topic, locale), c.mentorId === readerId ? c.entrepreneurName : c.mentorName), link);
  }

  private address(token: string): FeedAddress {
    const url = `${this.config.publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;
    return { url, webcal: url.replace(/^https?:/, 'webcal:') };
  }
}
