import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { DEFAULT_PAGE_SIZE, DomainError, decodeTimeCursor, notFound, toPage, type Page } from '@pendamping/platform';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { Notification } from '../entities/notification.entity';
import type { OutsideChannel } from '../queue/notification-jobs';
import { NotificationRelay } from '../queue/notification-relay';
import type { NotificationType } from '../notification.types';
import type { DeliveryQuery } from './notification.dto';
import type { DeliveryView } from './notification.views';

/** For admins: deliveries that ran out of attempts (or any other status), and a retry. */
@Injectable()
export class FailedDeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: NotificationRelay,
  ) {}

  async list(query: DeliveryQuery): Promise<Page<DeliveryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource.manager
      .createQueryBuilder(NotificationDelivery, 'd')
      .innerJoinAndMapOne('d.notification', Notification, 'n', 'n.id = d.notificationId')
      .leftJoinAndMapOne('d.recipient', User, 'u', 'u.id = n.userId')
      .where('d.status = :status', { status: query.status ?? 'failed' })
      .orderBy('d.updatedAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1);
    if (query.cursor) {
      const { at, id } = decodeTimeCursor(query.cursor);
      qb.andWhere('(d.updatedAt < :at OR (d.updatedAt = :at AND d.id < :id))', { at, id });
    }
    return toPage(await qb.getMany() as WithRecipient[], limit, view, (d) => [d.updatedAt.toISOString(), d.id]);
  }

  async retry(id: string): Promise<DeliveryView> {
    const delivery: WithRecipient | null = await this.dataSource.manager.findOne(NotificationDelivery, { where: { id }, relations: { notification: true } });
    if (!delivery) throw notFound('Delivery');
    if (delivery.status !== 'failed') throw new DomainError('NOT_FAILED', 'Only a failed delivery can be retried');
    await this.dataSource.manager.update(NotificationDelivery, { id, status: 'failed' }, { status: 'pending', notBefore: new Date() });
    await this.relay.redeliver(delivery.notificationId, delivery.channel as OutsideChannel);
    delivery.recipient = await this.dataSource.manager.findOneBy(User, { id: delivery.notification?.userId ?? '' });
    return view({ ...delivery, status: 'pending' });
  }
}

/** A delivery with the person it is for (its name and address as they are now). */
type WithRecipient = NotificationDelivery & { recipient?: User | null };

function view(d: WithRecipient): DeliveryView {
  const address = d.channel === 'email' ? d.recipient?.email : d.channel === 'whatsapp' ? d.recipient?.phone : null;
  return {
    id: d.id,
    notificationId: d.notificationId,
    userId: d.notification?.userId ?? '',
    recipientName: d.recipient?.name ?? '',
    recipientAddress: address ?? null,
    type: (d.notification?.type ?? '') as NotificationType,
    channel: d.channel,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    updatedAt: d.updatedAt.toISOString(),
  };
}
