import { Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { CreatedAt, IdRef, PrimaryId, UpdatedAt } from '@pendamping/platform';
import { CHANNELS, type ChannelName } from '../notification.types';
import { Notification } from './notification.entity';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['sent', 'failed', 'skipped', 'cancelled'];

/**
 * One notification on one channel. The unique key is what makes the effect happen once: the queue may
 * run a job twice, the second run finds the record final and does nothing.
 */
@Entity('notification_deliveries')
@Unique('UQ_delivery_channel', ['notificationId', 'channel'])
@Index(['status', 'notBefore'])
export class NotificationDelivery {
  @PrimaryId()
  id: string;

  @IdRef()
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notificationId' })
  notification?: Relation<Notification>;

  @Column({ type: 'enum', enum: CHANNELS })
  channel: ChannelName;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  /** Not before this instant (quiet hours push email and WhatsApp to the morning). */
  @Column({ type: 'datetime', precision: 3 })
  notBefore: Date;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
