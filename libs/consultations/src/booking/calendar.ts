import { DateTime } from 'luxon';
import { Brackets, EntityManager, In, Not } from 'typeorm';
import { conflicts, type AvailabilityRules, type Interval } from '../availability/slots';
import { callerBusy, dailyCapReached, slotTaken } from '../consultation.errors';
import { CalendarLock, Consultation } from './consultation.entity';

/**
 * Serialises calendar changes per person. The lock rows are created outside the transaction (INSERT IGNORE
 * there would take shared locks that two transactions could not both upgrade), then locked in id order.
 */
export async function ensureCalendarRows(manager: EntityManager, userIds: string[]): Promise<void> {
  const ids = [...new Set(userIds)].sort();
  await manager.query(`INSERT IGNORE INTO calendar_locks (userId) VALUES ${ids.map(() => '(?)').join(', ')}`, ids);
}

export async function lockCalendars(manager: EntityManager, userIds: string[]): Promise<void> {
  const ids = [...new Set(userIds)].sort();
  await manager
    .getRepository(CalendarLock)
    .createQueryBuilder('l')
    .setLock('pessimistic_write')
    .where({ userId: In(ids) })
    .orderBy('l.userId')
    .getMany();
}

/**
 * Throws unless `slot` fits both calendars: no booked consultation of the mentor closer than the buffer,
 * the mentor's daily cap not reached, and the entrepreneur free. Call with both calendars held.
 */
export async function assertFree(
  manager: EntityManager,
  rules: AvailabilityRules,
  slot: Interval,
  people: { mentorId: string; entrepreneurId: string },
  excludeId?: string,
): Promise<void> {
  const buffer = rules.bufferMinutes * 60_000;
  const dayStart = DateTime.fromJSDate(slot.start, { zone: rules.timezone }).startOf('day');
  const windowStart = new Date(Math.min(slot.start.getTime() - buffer, dayStart.toMillis()));
  const windowEnd = new Date(Math.max(slot.end.getTime() + buffer, dayStart.plus({ days: 1 }).toMillis()));
  const mentorDay = await manager.getRepository(Consultation).createQueryBuilder('c')
    .select(['c.id', 'c.start', 'c.end'])
    .where({ mentorId: people.mentorId, status: 'booked', ...(excludeId && { id: Not(excludeId) }) })
    .andWhere('c.start < :windowEnd AND c.end > :windowStart', { windowStart, windowEnd })
    .getMany();
  if (mentorDay.some((c) => conflicts(slot, c, buffer))) throw slotTaken();
  const sameDay = mentorDay.filter((c) => c.start.getTime() >= dayStart.toMillis() && c.start.getTime() < dayStart.plus({ days: 1 }).toMillis());
  if (rules.dailyCap !== null && sameDay.length >= rules.dailyCap) throw dailyCapReached();

  const busy = await manager.getRepository(Consultation).createQueryBuilder('c')
    .where({ status: 'booked', ...(excludeId && { id: Not(excludeId) }) })
    .andWhere(new Brackets((q) => q.where('c.entrepreneurId = :e', { e: people.entrepreneurId }).orWhere('c.mentorId = :e')))
    .andWhere('c.start < :end AND c.end > :start', { start: slot.start, end: slot.end })
    .getExists();
  if (busy) throw callerBusy();
}
