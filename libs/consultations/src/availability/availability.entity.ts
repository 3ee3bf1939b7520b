import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@pendamping/identity';
import { IdRef, UpdatedAt } from '@pendamping/platform';
import type { ClockRange, WeeklyRange } from './slots';

/** A mentor's booking rules. The row is also what bookings lock to serialise per mentor. */
@Entity('mentor_availability')
export class MentorAvailability {
  @IdRef({ primary: true })
  mentorId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'smallint', unsigned: true })
  slotMinutes: number;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  bufferMinutes: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  minNoticeMinutes: number;

  @Column({ type: 'smallint', unsigned: true })
  horizonDays: number;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  dailyCap: number | null;

  @Column({ type: 'simple-json' })
  weekly: WeeklyRange[];

  @UpdatedAt()
  updatedAt: Date;
}

/** Special hours on one local date, or a day off when `ranges` is empty. */
@Entity('availability_overrides')
export class AvailabilityOverride {
  @IdRef({ primary: true })
  mentorId: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'simple-json' })
  ranges: ClockRange[];
}
