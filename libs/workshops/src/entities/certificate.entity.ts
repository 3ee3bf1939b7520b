import { Column, Entity, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { IdRef, PrimaryId } from '@pendamping/platform';
import { Workshop } from './workshop.entity';

/** A certificate of attendance; name and title are kept as printed, so verification matches the paper. */
@Entity('workshop_certificates')
@Unique('UQ_certificate_person', ['workshopId', 'userId'])
export class Certificate {
  @PrimaryId()
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  number: string;

  @IdRef()
  workshopId: string;

  @IdRef()
  userId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  workshopTitle: string;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt: Date;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;
}
