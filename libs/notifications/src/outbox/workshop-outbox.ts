import { In, MoreThan, type EntityManager } from 'typeorm';
import { Registration, Workshop, WorkshopSession, type WorkshopEvent } from '@pendamping/workshops';
import type { NotificationSpec, OutboxChanges, OutboxWriter } from './outbox-writer';

/** What a workshop's change means for its registrants' inboxes and session reminders. */
export async function writeWorkshopOutbox(event: WorkshopEvent, manager: EntityManager, writer: OutboxWriter, changes: OutboxChanges, now: Date): Promise<void> {
  if (event.type === 'workshop.published') return;
  const id = event.workshopId;
  const workshopRef = { refKind: 'workshop' as const, refId: id, subjectId: id };
  const title = 'title' in event ? event.title : ((await manager.findOne(Workshop, { select: { id: true, title: true }, where: { id } }))?.title ?? '');
  const sessions = await manager.find(WorkshopSession, { where: { workshopId: id, startsAt: MoreThan(now) }, order: { startsAt: 'ASC' } });
  const next = sessions[0];
  const facts = { title, workshopId: id, ...(next && { start: next.startsAt.toISOString(), end: next.endsAt.toISOString() }) };
  const sessionReminders = (userIds: string[]) =>
    sessions.flatMap((s) =>
      writer.reminders(userIds, s.startsAt, {
        type: 'workshop.session.reminder',
        refKind: 'workshop_session',
        refId: s.id,
        subjectId: id,
        payload: { title, workshopId: id, start: s.startsAt.toISOString(), end: s.endsAt.toISOString() },
      }),
    );
  const tell = (type: NotificationSpec['type'], userIds: string[], extra = {}): NotificationSpec[] =>
    userIds.map((userId) => ({ ...workshopRef, type, userId, payload: { ...facts, ...extra } }));

  switch (event.type) {
    case 'workshop.registered':
      return writer.add(manager, [...tell(event.type, [event.userId], { actorId: event.byUserId }), ...sessionReminders([event.userId])], changes);
    case 'workshop.promoted':
      return writer.add(manager, [...tell(event.type, [event.userId]), ...sessionReminders([event.userId])], changes);
    case 'workshop.waitlisted':
      return writer.add(manager, tell(event.type, [event.userId], { position: event.position, actorId: event.byUserId }), changes);
    case 'workshop.changed': {
      // Everyone in line hears of the change; only those with a seat get session reminders.
      const seated = await registeredAmong(manager, id, event.userIds);
      await writer.cancelReminders(manager, id, changes, seated);
      return writer.add(manager, [...tell(event.type, event.userIds), ...sessionReminders(seated)], changes);
    }
    case 'workshop.cancelled':
      await writer.cancelReminders(manager, id, changes);
      return writer.add(manager, tell(event.type, event.userIds, { reason: event.reason }), changes);
    case 'workshop.registration_cancelled':
      return writer.cancelReminders(manager, id, changes, [event.userId]);
    case 'certificate.ready':
      return writer.add(manager, tell(event.type, [event.userId], { certificateNumber: event.number }), changes);
  }
}

async function registeredAmong(manager: EntityManager, workshopId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await manager.find(Registration, { select: { userId: true }, where: { workshopId, status: 'registered', userId: In(userIds) } });
  return rows.map((r) => r.userId);
}
