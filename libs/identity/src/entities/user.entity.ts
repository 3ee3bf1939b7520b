import { Column, Entity, OneToMany, OneToOne, type Relation } from 'typeorm';
import { CreatedAt, PrimaryId, ROLES, UpdatedAt, type Role } from '@pendamping/platform';
import { DEFAULT_TIMEZONE, LOCALES, type Locale } from '../people.constants';
import { EntrepreneurProfile } from './entrepreneur-profile.entity';
import { MentorKelurahan } from './mentor-kelurahan.entity';
import { MentorProfile } from './mentor-profile.entity';

@Entity('users')
export class User {
  @PrimaryId()
  id: string;

  /** Stored lower-cased, so the unique key matches emails case-insensitively under any collation. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** E.164, e.g. +6281234567890: the WhatsApp number. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** For speakers and staff: the bank, agency or company they come from. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  organization: string | null;

  @Column({ type: 'set', enum: ROLES })
  roles: Role[];

  @Column({ type: 'enum', enum: LOCALES, default: 'id' })
  locale: Locale;

  @Column({ type: 'varchar', length: 64, default: DEFAULT_TIMEZONE })
  timezone: string;

  /**
   * Every access token carries the version it was issued at; raising it (password change, roles changed,
   * account disabled) ends every token issued before, on every api node.
   */
  @Column({ type: 'int', unsigned: true, default: 0 })
  tokenVersion: number;

  /** Set by an admin: the account cannot sign in and its tokens have ended. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @OneToOne(() => EntrepreneurProfile, (p) => p.user)
  business?: Relation<EntrepreneurProfile> | null;

  @OneToOne(() => MentorProfile, (p) => p.user)
  mentor?: Relation<MentorProfile> | null;

  @OneToMany(() => MentorKelurahan, (k) => k.mentor)
  kelurahan?: Relation<MentorKelurahan>[];
}
