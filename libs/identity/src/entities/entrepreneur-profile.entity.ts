import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, type Relation } from 'typeorm';
import { CreatedAt, IdRef, UpdatedAt } from '@pendamping/platform';
import { Region } from '@pendamping/regions';
import { BUSINESS_TYPES, type BusinessType } from '../people.constants';
import { User } from './user.entity';

/** A pelaku usaha binaan: the business an entrepreneur account stands for. */
@Entity('entrepreneur_profiles')
@Index(['kelurahanCode', 'businessType'])
export class EntrepreneurProfile {
  @IdRef({ primary: true })
  userId: string;

  @OneToOne(() => User, (u) => u.business, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 120 })
  businessName: string;

  @Column({ type: 'enum', enum: BUSINESS_TYPES })
  businessType: BusinessType;

  @Column({ type: 'varchar', length: 16 })
  kelurahanCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kelurahanCode' })
  kelurahan?: Relation<Region>;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
