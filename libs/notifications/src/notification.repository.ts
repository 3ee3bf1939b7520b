import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notification, type NotificationState } from './entities/notification.entity';
import type { NotificationDelivery } from './entities/notification-delivery.entity';

type NotificationRow = Omit<Notification, 'payload' | 'user'> & { payload: string };
type NewDelivery = Pick<NotificationDelivery, 'id' | 'notificationId' | 'channel' | 'status' | 'notBefore' | 'sentAt' | 'attempts'>;
type NewNotification = Pick<Notification, 'id' | 'userId' | 'type' | 'refKind' | 'refId' | 'subjectId' | 'payload' | 'dueAt' | 'state'>;

/**
 * The notifications lib's hot-path queries in plain SQL: outbox rows are written by every booking,
 * reschedule and registration, and the dispatch of a due notification runs once per reminder and message;
 * TypeORM's builder and entity mapping cost them more CPU than MySQL does. Every method takes the
 * transaction's `EntityManager`. Row lists go in as one `VALUES ?` (mysql2 expands nested arrays).
 */
@Injectable()
export class NotificationRepository {
  /** Outbox rows, in the transaction of the change they are about. */
  async addScheduled(manager: EntityManager, rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query('INSERT INTO notifications (id, userId, type, refKind, refId, subjectId, payload, dueAt, state) VALUES ?', [
      rows.map((r) => [r.id, r.userId, r.type, r.refKind, r.refId, r.subjectId, JSON.stringify(r.payload), r.dueAt, r.state]),
    ]);
  }

  /** The notification with its row locked until the transaction ends (two runs of one job take turns). */
  async lock(manager: EntityManager, id: string): Promise<Notification | null> {
    const [row]: NotificationRow[] = await manager.query(
      `SELECT id, userId, type, refKind, refId, subjectId, payload, dueAt, state, title, body, dispatchedAt, readAt, createdAt
         FROM notifications WHERE id = ? FOR UPDATE`,
      [id],
    );
    return row ? Object.assign(new Notification(), row, { payload: JSON.parse(row.payload) as Notification['payload'] }) : null;
  }

  async setState(manager: EntityManager, id: string, state: NotificationState): Promise<void> {
    await manager.query('UPDATE notifications SET state = ? WHERE id = ?', [state, id]);
  }

  /** In the inbox: its text as rendered for the reader. */
  async markDispatched(manager: EntityManager, id: string, message: { title: string; body: string; dispatchedAt: Date }): Promise<void> {
    await manager.query("UPDATE notifications SET state = 'dispatched', title = ?, body = ?, dispatchedAt = ? WHERE id = ?", [message.title, message.body, message.dispatchedAt, id]);
  }

  async addDeliveries(manager: EntityManager, rows: NewDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query('INSERT INTO notification_deliveries (id, notificationId, channel, status, notBefore, sentAt, attempts) VALUES ?', [
      rows.map((r) => [r.id, r.notificationId, r.channel, r.status, r.notBefore, r.sentAt, r.attempts]),
    ]);
  }
}
