import { Column, Entity, JoinColumn, OneToOne, type Relation } from 'typeorm';
import { CreatedAt, IdRef, UpdatedAt } from '@pendamping/platform';
import { TOPICS, type Topic } from '../people.constants';
import { User } from './user.entity';

/** A petugas pendamping: the topics they cover. Their kelurahan are in `mentor_kelurahan`. */
@Entity('mentor_profiles')
export class MentorProfile {
  @IdRef({ primary: true })
  userId: string;

  @OneToOne(() => User, (u) => u.mentor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'set', enum: TOPICS })
  topics: Topic[];

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
