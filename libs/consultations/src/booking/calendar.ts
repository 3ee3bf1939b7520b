import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { conflicts, type AvailabilityRules, type Interval } from '../availability/slots';
import { callerBusy, dailyCapReached, mentorLimitReached, openLimitReached, slotTaken } from '../consultation.errors';

/**
 * Serialises calendar changes per person: the people's account rows are locked, in id order so two bookings
 * never deadlock, for the rest of the transaction. Every booking, reschedule, cancellation and ending (outcome,
 * no-show) of a mentor or an entrepreneur then waits for the one before it, and its checks see that one's
 * result. Take it before any other lock of the change (the consultation's row): that order is what keeps a
 * cancel and a reschedule of one consultation from deadlocking.
 */
export async function lockCalendars(manager: EntityManager, userIds: string[]): Promise<void> {
  const ids = [...new Set(userIds)].sort();
  await manager.query(`SELECT id FROM users WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, ids);
}

interface BusyRow {
  id: string;
  mentorId: string;
  entrepreneurId: string;
  start: Date;
  end: Date;
}

/**
 * Throws unless `slot` fits both calendars: no booked consultation of the mentor closer than the buffer,
 * the mentor's daily cap not reached, and neither person in another consultation then. Call with both
 * calendars locked. One query: the mentor's bookings around that local day, and either person's overlapping.
 */
export async function assertFree(
  manager: EntityManager,
  rules: AvailabilityRules,
  slot: Interval,
  people: { mentorId: string; entrepreneurId: string },
  excludeId = '',
): Promise<void> {
  const buffer = rules.bufferMinutes * 60_000;
  const day = DateTime.fromJSDate(slot.start, { zone: rules.timezone }).startOf('day');
  const [dayStart, dayEnd] = [day.toMillis(), day.plus({ days: 1 }).toMillis()];
  const windowStart = new Date(Math.min(slot.start.getTime() - buffer, dayStart));
  const windowEnd = new Date(Math.max(slot.end.getTime() + buffer, dayEnd));
  const rows: BusyRow[] = await manager.query(
    `SELECT id, mentorId, entrepreneurId, start, end FROM consultations
      WHERE status = 'booked' AND id <> ? AND (
        (mentorId = ? AND start < ? AND end > ?)
        OR (? IN (mentorId, entrepreneurId) AND start < ? AND end > ?))`,
    [excludeId, people.mentorId, windowEnd, windowStart, people.entrepreneurId, slot.end, slot.start],
  );
  const mentorDay = rows.filter((r) => r.mentorId === people.mentorId);
  if (mentorDay.some((c) => conflicts(slot, c, buffer))) throw slotTaken();
  const sameDay = mentorDay.filter((c) => c.start.getTime() >= dayStart && c.start.getTime() < dayEnd);
  if (rules.dailyCap !== null && sameDay.length >= rules.dailyCap) throw dailyCapReached();
  const theirs = rows.filter((r) => r.mentorId !== people.mentorId);
  if (theirs.some((c) => c.start < slot.end && c.end > slot.start)) throw callerBusy();
}

/**
 * Throws when the entrepreneur already holds as many upcoming bookings as allowed, with this mentor or in all,
 * so one person (or a script) cannot take a mentor's whole horizon. Call with the entrepreneur's calendar locked:
 * then two bookings at once by the same person see each other.
 */
export async function assertWithinLimits(
  manager: EntityManager,
  limits: { perMentor: number; total: number },
  people: { mentorId: string; entrepreneurId: string },
  now: Date,
): Promise<void> {
  const [row]: { total: number | string; withMentor: number | string | null }[] = await manager.query(
    `SELECT COUNT(*) AS total, SUM(mentorId = ?) AS withMentor FROM consultations
      WHERE entrepreneurId = ? AND status = 'booked' AND end > ?`,
    [people.mentorId, people.entrepreneurId, now],
  );
  if (Number(row.withMentor ?? 0) >= limits.perMentor) throw mentorLimitReached(limits.perMentor);
  if (Number(row.total) >= limits.total) throw openLimitReached(limits.total);
}
