import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Region } from '@pendamping/regions';
import { IdRef } from '@pendamping/platform';
import { User } from './user.entity';

/** The kelurahan a mentor is assigned to; searched from the kelurahan side when booking. */
@Entity('mentor_kelurahan')
@Index(['kelurahanCode', 'mentorId'])
export class MentorKelurahan {
  @IdRef({ primary: true })
  mentorId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kelurahanCode: string;

  @ManyToOne(() => User, (u) => u.kelurahan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Relation<User>;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kelurahanCode' })
  kelurahan?: Relation<Region>;
}
