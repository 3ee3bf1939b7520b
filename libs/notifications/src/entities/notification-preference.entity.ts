import { Column, Entity, JoinColumn, OneToOne, type Relation } from 'typeorm';
import { LOCALES, User, type Locale } from '@pendamping/identity';
import { IdRef, UpdatedAt } from '@pendamping/platform';

/** A person's channel choices; without a row, email and WhatsApp are on and the account's language applies. */
@Entity('notification_preferences')
export class NotificationPreference {
  @IdRef({ primary: true })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @Column({ type: 'boolean', default: true })
  whatsapp: boolean;

  /** Null: the account's own language. */
  @Column({ type: 'enum', enum: LOCALES, nullable: true })
  locale: Locale | null;

  @UpdatedAt()
  updatedAt: Date;
}
