import type { EntityManager } from 'typeorm';
import type { ConsultationEvent } from '@pendamping/consultations';
import { User } from '@pendamping/identity';
import type { NotificationPayload } from '../notification.types';
import { followUpDueAt } from './reminder-times';
import type { NotificationSpec, OutboxChanges, OutboxWriter } from './outbox-writer';

/** What a consultation's change means for both people's inboxes and reminders, in its own transaction. */
export async function writeConsultationOutbox(event: ConsultationEvent, manager: EntityManager, writer: OutboxWriter, changes: OutboxChanges): Promise<void> {
  const id = event.consultationId;
  const ref = { refKind: 'consultation' as const, refId: id, subjectId: id };
  const facts: NotificationPayload = { start: event.start.toISOString(), end: event.end.toISOString(), topic: event.topic };
  // Each side hears about the other person.
  const bothSides = (type: NotificationSpec['type'], extra: NotificationPayload = {}, dueAt?: Date): NotificationSpec[] => [
    { ...ref, type, userId: event.entrepreneurId, payload: { ...facts, ...extra, withUserId: event.mentorId }, dueAt },
    { ...ref, type, userId: event.mentorId, payload: { ...facts, ...extra, withUserId: event.entrepreneurId }, dueAt },
  ];
  const reminders = () =>
    [event.entrepreneurId, event.mentorId].flatMap((userId) =>
      writer.reminders([userId], event.start, { ...ref, type: 'consultation.reminder', payload: { ...facts, withUserId: userId === event.mentorId ? event.entrepreneurId : event.mentorId } }),
    );

  // Who made the change: their own copy confirms what they just did (quiet hours let it through).
  switch (event.type) {
    case 'consultation.booked':
      return writer.add(manager, [...bothSides('consultation.booked', { actorId: event.byUserId }), ...reminders()], changes);
    case 'consultation.rescheduled':
      await writer.cancelReminders(manager, id, changes);
      return writer.add(manager, [...bothSides('consultation.rescheduled', { previousStart: event.previousStart.toISOString(), actorId: event.byUserId }), ...reminders()], changes);
    case 'consultation.cancelled':
      await writer.cancelReminders(manager, id, changes);
      return writer.add(manager, bothSides('consultation.cancelled', { reason: event.reason, actorId: event.byUserId }), changes);
    case 'consultation.completed':
      await writer.cancelReminders(manager, id, changes);
      if (!event.followUpOn) return;
      return writer.add(manager, [await followUp(manager, event, facts)], changes);
    case 'consultation.no_show':
      return writer.cancelReminders(manager, id, changes);
  }
}

async function followUp(manager: EntityManager, event: Extract<ConsultationEvent, { type: 'consultation.completed' }>, facts: NotificationPayload): Promise<NotificationSpec> {
  const mentor = await manager.findOne(User, { select: { id: true, timezone: true }, where: { id: event.mentorId } });
  const dueAt = followUpDueAt(event.followUpOn!, mentor?.timezone ?? 'Asia/Jakarta');
  return {
    type: 'followup.due',
    refKind: 'consultation',
    refId: event.consultationId,
    subjectId: event.consultationId,
    userId: event.mentorId,
    payload: { ...facts, followUpOn: event.followUpOn!, withUserId: event.entrepreneurId },
    dueAt,
  };
}
