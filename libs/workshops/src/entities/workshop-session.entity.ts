import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { IdRef, PrimaryId } from '@pendamping/platform';
import { Workshop } from './workshop.entity';

@Entity('workshop_sessions')
@Index(['workshopId', 'startsAt'])
@Index(['startsAt'])
export class WorkshopSession {
  @PrimaryId()
  id: string;

  @IdRef()
  workshopId: string;

  @ManyToOne(() => Workshop, (w) => w.sessions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;
}
