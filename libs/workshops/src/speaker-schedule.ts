import type { EntityManager } from 'typeorm';
import { User } from '@pendamping/identity';
import { validationFailed } from '@pendamping/platform';
import type { TimeRange } from './recurrence';
import { overlaps } from './schedule';
import { WorkshopErrors } from './workshop.errors';

/**
 * Locks the speakers' user rows for the rest of the transaction, so two workshops being scheduled at once
 * for the same speaker run one after the other and the overlap check below cannot race. Locks in id
 * order, so concurrent schedulers never deadlock.
 */
export async function lockSpeakers(manager: EntityManager, speakerIds: string[]): Promise<User[]> {
  if (speakerIds.length === 0) return [];
  const users = await manager
    .createQueryBuilder(User, 'u')
    .setLock('pessimistic_write')
    .where('u.id IN (:...ids)', { ids: speakerIds })
    .orderBy('u.id')
    .getMany();
  const speakers = new Map(users.filter((u) => u.roles.includes('speaker')).map((u) => [u.id, u]));
  const wrong = speakerIds.filter((id) => !speakers.has(id));
  if (wrong.length) throw validationFailed(...wrong.map((id) => `speakerIds ${id} is not a speaker`));
  return speakerIds.map((id) => speakers.get(id)!);
}

/** 409 SPEAKER_BUSY when a speaker has a session of another draft or published workshop at those times. */
export async function assertSpeakersFree(manager: EntityManager, speakers: User[], sessions: TimeRange[], exceptWorkshopId?: string): Promise<void> {
  if (speakers.length === 0 || sessions.length === 0) return;
  const from = new Date(Math.min(...sessions.map((s) => s.start.getTime())));
  const to = new Date(Math.max(...sessions.map((s) => s.end.getTime())));
  const booked: { speakerId: string; startsAt: Date; endsAt: Date }[] = await manager.query(
    `SELECT ws.speakerId, s.startsAt, s.endsAt
       FROM workshop_sessions s
       JOIN workshop_speakers ws ON ws.workshopId = s.workshopId
       JOIN workshops w ON w.id = s.workshopId
      WHERE ws.speakerId IN (?) AND w.status IN ('draft', 'published') AND w.id <> ?
        AND s.startsAt < ? AND s.endsAt > ?`,
    [speakers.map((s) => s.id), exceptWorkshopId ?? '', to, from],
  );
  const busy = speakers.filter((speaker) =>
    booked.some((b) => b.speakerId === speaker.id && sessions.some((s) => overlaps(s, { start: b.startsAt, end: b.endsAt }))),
  );
  if (busy.length) throw WorkshopErrors.speakerBusy(busy.map((s) => s.name));
}
