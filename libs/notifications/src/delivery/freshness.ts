import type { EntityManager } from 'typeorm';
import { Consultation } from '@pendamping/consultations';
import { User } from '@pendamping/identity';
import { participantRole, Registration, Workshop, WorkshopSession, WorkshopSpeaker } from '@pendamping/workshops';
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
    // One query for the session, its workshop and the reader's standing in it: this runs for every reminder.
    const seat = await manager
      .createQueryBuilder(WorkshopSession, 's')
      .innerJoin(Workshop, 'w', 'w.id = s.workshopId')
      .innerJoin(User, 'u', 'u.id = :userId', { userId: n.userId })
      .leftJoin(Registration, 'r', 'r.workshopId = s.workshopId AND r.userId = u.id')
      .leftJoin(WorkshopSpeaker, 'sp', 'sp.workshopId = s.workshopId AND sp.speakerId = u.id')
      .select(['s.startsAt AS startsAt', 'w.status AS workshopStatus', 'r.status AS seat', 'sp.speakerId IS NOT NULL AS speaker', "FIND_IN_SET('admin', u.roles) > 0 AS admin"])
      .where('s.id = :id', { id: n.refId })
      .getRawOne<{ startsAt: Date; workshopStatus: string; seat: 'registered' | 'waitlisted' | 'cancelled' | null; speaker: number | string; admin: number | string }>();
    if (!seat || new Date(seat.startsAt).getTime() !== start.getTime()) return 'stale';
    // A reminder is for someone expected in the room: the same rule as the video join (participantRole).
    const role = participantRole({ speaker: Number(seat.speaker) === 1, admin: Number(seat.admin) === 1, seat: seat.seat });
    if (seat.workshopStatus !== 'published' || role === null) return 'stale';
  }
  return start <= now ? 'late' : 'current';
}
