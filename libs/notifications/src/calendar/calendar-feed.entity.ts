import { Column, Entity, JoinColumn, OneToOne, type Relation } from 'typeorm';
import { User } from '@pendamping/identity';
import { CreatedAt, IdRef } from '@pendamping/platform';

/** A person's calendar subscription: the secret in its address is the only key (calendar apps send no headers). */
@Entity('calendar_feeds')
export class CalendarFeed {
  @IdRef({ primary: true })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  /** 32 random bytes, base64url. */
  @Column({ type: 'char', length: 43, unique: true })
  token: string;

  @CreatedAt()
  createdAt: Date;
}
