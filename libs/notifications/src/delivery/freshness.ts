import type { EntityManager } from 'typeorm';
import { participantRole } from '@pendamping/workshops';
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
    const [c]: { status: string; start: Date }[] = await manager.query('SELECT status, start FROM consultations WHERE id = ?', [n.refId]);
    if (!c || c.status !== 'booked' || c.start.getTime() !== start.getTime()) return 'stale';
  } else {
    // One query for the session, its workshop and the reader's standing in it, in plain SQL: this runs for
    // every reminder, and TypeORM's builder costs more CPU than the query.
    const [seat]: { startsAt: Date; workshopStatus: string; seat: 'registered' | 'waitlisted' | 'cancelled' | null; speaker: number | string; admin: number | string }[] = await manager.query(
      `SELECT s.startsAt, w.status AS workshopStatus, r.status AS seat, sp.speakerId IS NOT NULL AS speaker, FIND_IN_SET('admin', u.roles) > 0 AS admin
         FROM workshop_sessions s
         JOIN workshops w ON w.id = s.workshopId
         JOIN users u ON u.id = ?
         LEFT JOIN workshop_registrations r ON r.workshopId = s.workshopId AND r.userId = u.id
         LEFT JOIN workshop_speakers sp ON sp.workshopId = s.workshopId AND sp.speakerId = u.id
        WHERE s.id = ?`,
      [n.userId, n.refId],
    );
    if (!seat || new Date(seat.startsAt).getTime() !== start.getTime()) return 'stale';
    // A reminder is for someone expected in the room: the same rule as the video join (participantRole).
    const role = participantRole({ speaker: Number(seat.speaker) === 1, admin: Number(seat.admin) === 1, seat: seat.seat });
    if (seat.workshopStatus !== 'published' || role === null) return 'stale';
  }
  return start <= now ? 'late' : 'current';
}
