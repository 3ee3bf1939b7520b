import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock, DEFAULT_PAGE_SIZE, decodeTimeCursor, notFound, toPage, type Page } from '@pendamping/platform';
import { Notification } from '../entities/notification.entity';
import { notificationPath } from '../notification-path';
import type { NotificationType } from '../notification.types';
import type { InboxQuery } from './notification.dto';
import type { NotificationView } from './notification.views';

/** A person's inbox: every notification that has gone out to them, newest first. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, query: InboxQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource.manager
      .createQueryBuilder(Notification, 'n')
      .where('n.userId = :userId AND n.state = :state', { userId, state: 'dispatched' })
      // By the moment each was due, not when a worker got to it: two jobs dispatched out of order (a
      // registration and its cancellation a moment later) still read in the order things happened.
      .orderBy('n.dueAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1);
    if (query.unread) qb.andWhere('n.readAt IS NULL');
    if (query.cursor) {
      const { at, id } = decodeTimeCursor(query.cursor);
      qb.andWhere('(n.dueAt < :at OR (n.dueAt = :at AND n.id < :id))', { at, id });
    }
    return toPage(await qb.getMany(), limit, toView, (n) => [n.dueAt.toISOString(), n.id]);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.dataSource.manager.update(Notification, { id, userId, state: 'dispatched', readAt: IsNull() }, { readAt: this.clock.now() });
    if (result.affected) return;
    // Read twice is fine; someone else's or unknown is a 404.
    if (!(await this.dataSource.manager.existsBy(Notification, { id, userId, state: 'dispatched' }))) throw notFound('Notification');
  }
}

export function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    type: n.type as NotificationType,
    title: n.title ?? '',
    body: n.body ?? '',
    ref: { kind: n.refKind, id: n.refId },
    path: notificationPath(n),
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: (n.dispatchedAt ?? n.createdAt).toISOString(),
  };
}
