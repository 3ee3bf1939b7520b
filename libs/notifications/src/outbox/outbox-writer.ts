import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AppConfig, Clock, newId } from '@pendamping/platform';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { Notification } from '../entities/notification.entity';
import { NotificationRepository } from '../notification.repository';
import { REMINDER_TYPES, type NotificationPayload, type NotificationType, type RefKind } from '../notification.types';
import { reminderTimes } from './reminder-times';

export interface NotificationSpec {
  userId: string;
  type: NotificationType;
  refKind: RefKind;
  refId: string;
  subjectId: string;
  payload: NotificationPayload;
  /** Omitted: at once. */
  dueAt?: Date;
}

/** What one event wrote: rows to put on the queue and superseded rows to take off it, after the commit. */
export interface OutboxChanges {
  scheduled: { id: string; dueAt: Date }[];
  cancelled: string[];
}

/** Writes notification rows inside the caller's transaction: the outbox. */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly notifications: NotificationRepository,
  ) {}

  async add(manager: EntityManager, specs: NotificationSpec[], changes: OutboxChanges): Promise<void> {
    if (specs.length === 0) return;
    const now = this.clock.now();
    const rows = specs.map((s) => ({ id: newId(), ...s, dueAt: s.dueAt ?? now, state: 'scheduled' as const }));
    await this.notifications.addScheduled(manager, rows);
    changes.scheduled.push(...rows.map((r) => ({ id: r.id, dueAt: r.dueAt })));
  }

  /** One reminder per person and configured offset that still lies ahead of `start`. */
  reminders(userIds: string[], start: Date, spec: Omit<NotificationSpec, 'userId' | 'dueAt'>): NotificationSpec[] {
    const times = reminderTimes(start, this.config.reminderOffsetsMs, this.clock.now());
    return userIds.flatMap((userId) => times.map(({ offsetMs, dueAt }) => ({ ...spec, userId, dueAt, payload: { ...spec.payload, offsetMs } })));
  }

  /**
   * Cancels the reminders about a consultation or workshop (for some people, or everyone) that have not
   * gone out, and their outside deliveries still waiting for the morning.
   */
  async cancelReminders(manager: EntityManager, subjectId: string, changes: OutboxChanges, userIds?: string[]): Promise<void> {
    if (userIds?.length === 0) return;
    const where = { subjectId, type: In([...REMINDER_TYPES]), ...(userIds && { userId: In(userIds) }) };
    const pending = await manager.find(Notification, { select: { id: true }, where: { ...where, state: 'scheduled' }, lock: { mode: 'pessimistic_write' } });
    if (pending.length) await manager.update(Notification, { id: In(pending.map((n) => n.id)) }, { state: 'cancelled' });
    const held = await manager
      .createQueryBuilder(NotificationDelivery, 'd')
      .innerJoin(Notification, 'n', 'n.id = d.notificationId')
      .select('d.id', 'id')
      .addSelect('n.id', 'notificationId')
      .where('n.subjectId = :subjectId AND n.type IN (:...types) AND d.status = :pending', { subjectId, types: REMINDER_TYPES, pending: 'pending' })
      .andWhere(userIds ? 'n.userId IN (:...userIds)' : '1=1', { userIds })
      .getRawMany<{ id: string; notificationId: string }>();
    // A reminder already in the inbox stays there; only its email or WhatsApp waiting for the morning stops.
    if (held.length) await manager.update(NotificationDelivery, { id: In(held.map((d) => d.id)) }, { status: 'cancelled' });
    changes.cancelled.push(...pending.map((n) => n.id), ...held.map((d) => d.notificationId));
  }
}
