import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TOPICS, User, type Topic } from '@pendamping/identity';
import { CreatedAt, IdRef, PrimaryId, UpdatedAt } from '@pendamping/platform';

export const CONSULTATION_STATUSES = ['booked', 'completed', 'cancelled', 'no_show'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

@Entity('consultations')
@Index(['mentorId', 'status', 'start'])
@Index(['entrepreneurId', 'status', 'start'])
export class Consultation {
  @PrimaryId()
  id: string;

  @IdRef()
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Relation<User>;

  @IdRef()
  entrepreneurId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entrepreneurId' })
  entrepreneur?: Relation<User>;

  @Column({ type: 'datetime', precision: 3 })
  start: Date;

  @Column({ type: 'datetime', precision: 3 })
  end: Date;

  @Column({ type: 'enum', enum: TOPICS })
  topic: Topic;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: CONSULTATION_STATUSES, default: 'booked' })
  status: ConsultationStatus;

  @IdRef({ nullable: true })
  cancelledBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
