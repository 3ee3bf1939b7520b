import type { EntityManager } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { Registration, Workshop, WorkshopSession } from '@pendamping/workshops';
import type { Notification } from '../entities/notification.entity';
import { isReminder } from '../notification.types';

export type Freshness = 'current' | 'stale' | 'late';

/**
 * Reads the thing a reminder is about as it is now. `stale`: it moved or was called off (the outbox has
 * a newer reminder, or none is wanted); `late`: it has already started. Other notifications are news of
 * a change and always current.
 */
export async function freshness(manager: EntityManager, n: Notification, now: Date): Promise<Freshness> {
  if (!isReminder(n.type)) return 'current';
  const start = n.payload.start ? new Date(n.payload.start) : null;
  if (!start) return 'stale';
  if (n.refKind === 'consultation') {
    const c = await manager.findOne(Consultation, { select: { id: true, status: true, start: true }, where: { id: n.refId } });
    if (!c || c.status !== 'booked' || c.start.getTime() !== start.getTime()) return 'stale';
  } else {
    // One query for the session, its workshop and the reader's seat: this runs for every reminder.
    const seat = await manager
      .createQueryBuilder(WorkshopSession, 's')
      .innerJoin(Workshop, 'w', 'w.id = s.workshopId')
      .innerJoin(Registration, 'r', 'r.workshopId = s.workshopId AND r.userId = :userId', { userId: n.userId })
      .select(['s.startsAt AS startsAt', 'w.status AS workshopStatus', 'r.status AS registrationStatus'])
      .where('s.id = :id', { id: n.refId })
      .getRawOne<{ startsAt: Date; workshopStatus: string; registrationStatus: string }>();
    if (!seat || new Date(seat.startsAt).getTime() !== start.getTime()) return 'stale';
    if (seat.workshopStatus !== 'published' || seat.registrationStatus !== 'registered') return 'stale';
  }
  return start <= now ? 'late' : 'current';
}
