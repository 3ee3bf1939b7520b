import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { IdRef } from '@pendamping/platform';
import { User } from '@pendamping/identity';
import { Workshop } from './workshop.entity';

@Entity('workshop_speakers')
@Index(['speakerId', 'workshopId'])
export class WorkshopSpeaker {
  @IdRef({ primary: true })
  workshopId: string;

  @IdRef({ primary: true })
  speakerId: string;

  @ManyToOne(() => Workshop, (w) => w.speakers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId' })
  speaker?: Relation<User>;
}
