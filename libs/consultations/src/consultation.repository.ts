import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@pendamping/platform';
import type { AvailabilityRules, ClockRange, Interval, WeeklyRange } from './availability/slots';

/** A booked consultation that may stand in a new booking's way. */
export interface BusyRow extends Interval {
  id: string;
  mentorId: string;
  entrepreneurId: string;
  topic: string;
  note: string | null;
}

/** What a calendar change is checked against, read under the calendar locks. */
export interface CalendarRows {
  /** Booked: the mentor's between `mentorFrom` and `mentorTo`, and either person's overlapping the slot. */
  busy: BusyRow[];
  /** The entrepreneur's upcoming booked consultations, in all and with this mentor. */
  upcoming: { total: number; withMentor: number };
}

export interface MentorRules {
  /** null: no such account. */
  account: { id: string; roles: Role[]; disabledAt: Date | null } | null;
  /** null: the mentor never set any availability. */
  rules: AvailabilityRules | null;
}

interface MentorRulesRow {
  id: string;
  roles: string;
  disabledAt: Date | null;
  timezone: string | null;
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  dailyCap: number | null;
  weekly: string;
  overrides: string | { date: string; ranges: string }[] | null;
}

/** A JSON value as the server hands it: MariaDB's JSON functions answer text, MySQL's a JSON value (parsed by mysql2). */
const json = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The consultations lib's hot-path queries, in plain SQL: each asks in one round trip what TypeORM's finders
 * ask in several (on this hardware a round trip to MySQL costs more CPU than the query). Pass the
 * transaction's `EntityManager` to read within it.
 */
@Injectable()
export class ConsultationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A mentor's account and booking rules (weekly hours and every date override) at once. */
  async mentorRules(mentorId: string, manager: EntityManager = this.db.manager): Promise<MentorRules> {
    const [row]: MentorRulesRow[] = await manager.query(
      `SELECT u.id, u.roles, u.disabledAt, a.timezone, a.slotMinutes, a.bufferMinutes, a.minNoticeMinutes, a.horizonDays, a.dailyCap, a.weekly,
              (SELECT JSON_ARRAYAGG(JSON_OBJECT('date', o.date, 'ranges', o.ranges)) FROM availability_overrides o WHERE o.mentorId = u.id) AS overrides
         FROM users u LEFT JOIN mentor_availability a ON a.mentorId = u.id
        WHERE u.id = ?`,
      [mentorId],
    );
    if (!row) return { account: null, rules: null };
    const account = { id: row.id, roles: (row.roles ? row.roles.split(',') : []) as Role[], disabledAt: row.disabledAt };
    if (row.timezone === null) return { account, rules: null };
    const overrides = json<{ date: string; ranges: string }[]>(row.overrides ?? []);
    return {
      account,
      rules: {
        timezone: row.timezone,
        slotMinutes: row.slotMinutes,
        bufferMinutes: row.bufferMinutes,
        minNoticeMinutes: row.minNoticeMinutes,
        horizonDays: row.horizonDays,
        dailyCap: row.dailyCap,
        weekly: json<WeeklyRange[]>(row.weekly),
        overrides: new Map(overrides.map((o) => [o.date, json<ClockRange[]>(o.ranges)])),
      },
    };
  }

  /**
   * Serialises calendar changes per person: the people's account rows are locked, in id order so two changes
   * never deadlock, for the rest of the transaction. Every booking, reschedule, cancellation and ending
   * (outcome, no-show) of a mentor or an entrepreneur then waits for the one before it, and its checks see
   * that one's result. Take it before any other lock of the change (the consultation's row): that order is
   * what keeps a cancel and a reschedule of one consultation from deadlocking.
   */
  async lockCalendars(manager: EntityManager, userIds: string[]): Promise<void> {
    await manager.query('SELECT id FROM users WHERE id IN (?) ORDER BY id FOR UPDATE', [[...new Set(userIds)].sort()]);
  }

  /**
   * Everything a booking or a reschedule is checked against, in one query; call with both calendars locked.
   * `excludeId`: the consultation being moved, which is not in its own way.
   */
  async calendar(
    manager: EntityManager,
    people: { mentorId: string; entrepreneurId: string },
    around: { slot: Interval; mentorFrom: Date; mentorTo: Date; now: Date; excludeId?: string },
  ): Promise<CalendarRows> {
    const rows: (BusyRow & { total: number | string | null; withMentor: number | string | null })[] = await manager.query(
      `SELECT id, mentorId, entrepreneurId, start, end, topic, note, NULL AS total, NULL AS withMentor FROM consultations
        WHERE status = 'booked' AND id <> ? AND (
          (mentorId = ? AND start < ? AND end > ?)
          OR (? IN (mentorId, entrepreneurId) AND start < ? AND end > ?))
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), SUM(mentorId = ?) FROM consultations
        WHERE entrepreneurId = ? AND status = 'booked' AND end > ?`,
      [
        around.excludeId ?? '',
        people.mentorId,
        around.mentorTo,
        around.mentorFrom,
        people.entrepreneurId,
        around.slot.end,
        around.slot.start,
        people.mentorId,
        people.entrepreneurId,
        around.now,
      ],
    );
    const counts = rows.find((r) => r.id === null);
    return {
      busy: rows.filter((r) => r.id !== null),
      upcoming: { total: Number(counts?.total ?? 0), withMentor: Number(counts?.withMentor ?? 0) },
    };
  }
}
