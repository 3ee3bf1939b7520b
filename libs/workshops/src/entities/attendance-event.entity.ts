import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CreatedAt, IdRef, PrimaryId } from '@pendamping/platform';
import { WorkshopSession } from './workshop-session.entity';

export const PRESENCE_KINDS = ['joined', 'left'] as const;
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

/**
 * A participant joined or left a session's video room, at the time the video service says. Raw events
 * rather than intervals: webhooks arrive late and out of order, and replaying sorted events is exact.
 */
@Entity('workshop_attendance_events')
@Index(['sessionId', 'userId', 'at'])
export class AttendanceEvent {
  @PrimaryId()
  id: string;

  @IdRef()
  sessionId: string;

  @IdRef()
  userId: string;

  @Column({ type: 'enum', enum: PRESENCE_KINDS })
  kind: PresenceKind;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** The video service's event id: a redelivered event is recognised and ignored. */
  @Column({ type: 'varchar', length: 100, nullable: true, unique: true })
  eventId: string | null;

  @CreatedAt()
  createdAt: Date;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<WorkshopSession>;
}
