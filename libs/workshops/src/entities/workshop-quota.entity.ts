import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { IdRef } from '@pendamping/platform';
import { Workshop } from './workshop.entity';

/** Seats held for entrepreneurs of one kecamatan; the rest of the capacity is open to everyone. */
@Entity('workshop_quotas')
export class WorkshopQuota {
  @IdRef({ primary: true })
  workshopId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kecamatanCode: string;

  @Column({ type: 'int', unsigned: true })
  seats: number;

  @ManyToOne(() => Workshop, (w) => w.quotas, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Relation<Workshop>;
}
