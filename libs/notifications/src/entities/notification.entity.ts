import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from '@pendamping/identity';
import { CreatedAt, IdRef, PrimaryId } from '@pendamping/platform';
import { REF_KINDS, type NotificationPayload, type RefKind } from '../notification.types';

/**
 * `scheduled`: written in the change's transaction (the outbox), waiting for `dueAt`;
 * `dispatched`: rendered and in the inbox; `cancelled`: superseded (reschedule, cancellation);
 * `skipped`: its moment passed (a reminder after the start).
 */
export const NOTIFICATION_STATES = ['scheduled', 'dispatched', 'cancelled', 'skipped'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** One message to one person: the outbox row before it is due, the inbox entry after. */
@Entity('notifications')
@Index(['userId', 'state', 'dueAt'])
@Index(['state', 'dueAt'])
@Index(['subjectId', 'state'])
export class Notification {
  @PrimaryId()
  id: string;

  @IdRef()
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'enum', enum: REF_KINDS })
  refKind: RefKind;

  @IdRef()
  refId: string;

  /** The consultation or workshop the message is about: what a reschedule or cancellation sweeps. */
  @IdRef()
  subjectId: string;

  @Column({ type: 'simple-json' })
  payload: NotificationPayload;

  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ type: 'enum', enum: NOTIFICATION_STATES, default: 'scheduled' })
  state: NotificationState;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}
