import { Column, Entity, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { CreatedAt, IdRef, PrimaryId } from '@pendamping/platform';
import { Workshop } from './workshop.entity';

@Entity('workshop_feedback')
@Unique('UQ_feedback_person', ['workshopId', 'userId'])
export class Feedback {
  @PrimaryId()
  id: string;

  @IdRef()
  workshopId: string;

  @IdRef()
  userId: string;

  @Column({ type: 'tinyint', unsigned: true })
  rating: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreatedAt()
  createdAt: Date;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;
}
