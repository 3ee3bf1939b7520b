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
    const session = await manager.findOne(WorkshopSession, { where: { id: n.refId } });
    if (!session || session.startsAt.getTime() !== start.getTime()) return 'stale';
    const [workshop, registration] = await Promise.all([
      manager.findOne(Workshop, { select: { id: true, status: true }, where: { id: session.workshopId } }),
      manager.findOne(Registration, { select: { id: true, status: true }, where: { workshopId: session.workshopId, userId: n.userId } }),
    ]);
    if (workshop?.status !== 'published' || registration?.status !== 'registered') return 'stale';
  }
  return start <= now ? 'late' : 'current';
}
