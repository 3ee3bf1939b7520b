import { Column, Entity, Index, OneToMany, type Relation } from 'typeorm';
import { CreatedAt, PrimaryId, UpdatedAt } from '@pendamping/platform';
import { TOPICS, type Topic } from '@pendamping/identity';
import { WorkshopQuota } from './workshop-quota.entity';
import { WorkshopSession } from './workshop-session.entity';
import { WorkshopSpeaker } from './workshop-speaker.entity';

/** Stored states. `completed` is also derived on read once the last session has ended. */
export const WORKSHOP_STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

@Entity('workshops')
@Index(['status', 'topic'])
export class Workshop {
  @PrimaryId()
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'enum', enum: TOPICS })
  topic: Topic;

  @Column({ type: 'int', unsigned: true })
  capacity: number;

  @Column({ type: 'enum', enum: WORKSHOP_STATUSES, default: 'draft' })
  status: WorkshopStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  /** The RFC 5545 rule the sessions were expanded from, kept for display and later edits. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  rrule: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  /** When the worker gave the seats held for kecamatan quotas to the line (see `quotasHeldUntil`). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  quotasReleasedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @OneToMany(() => WorkshopSession, (s) => s.workshop)
  sessions?: Relation<WorkshopSession>[];

  @OneToMany(() => WorkshopSpeaker, (s) => s.workshop)
  speakers?: Relation<WorkshopSpeaker>[];

  @OneToMany(() => WorkshopQuota, (q) => q.workshop)
  quotas?: Relation<WorkshopQuota>[];
}
