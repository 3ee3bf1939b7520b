import { Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { CreatedAt, IdRef, PrimaryId, UpdatedAt } from '@pendamping/platform';
import { User } from '@pendamping/identity';
import { Workshop } from './workshop.entity';

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** One row per person and workshop (unique key); re-registering after a cancellation reuses it. */
@Entity('workshop_registrations')
@Unique('UQ_registration_person', ['workshopId', 'userId'])
@Unique('UQ_registration_waitlist', ['workshopId', 'waitlistSeq'])
@Index(['workshopId', 'status', 'kecamatanCode'])
@Index(['userId'])
export class Registration {
  @PrimaryId()
  id: string;

  @IdRef()
  workshopId: string;

  @IdRef()
  userId: string;

  @Column({ type: 'enum', enum: REGISTRATION_STATUSES })
  status: RegistrationStatus;

  /** Place-in-line order while waitlisted (null otherwise); the position is computed from it. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  waitlistSeq: number | null;

  /** The entrepreneur's kecamatan when they registered, for per-kecamatan quotas. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  kecamatanCode: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;
}
