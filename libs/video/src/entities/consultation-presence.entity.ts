import { Column, Entity } from 'typeorm';
import { IdRef, UpdatedAt } from '@pendamping/platform';

/**
 * Who of a consultation's two people was in its video room: the first join, the last leave, how many joins.
 * Enough to tell "both came" (the mentor may record the outcome) from "nobody came" (no-show).
 */
@Entity('video_consultation_presence')
export class ConsultationPresence {
  @IdRef({ primary: true })
  consultationId: string;

  @IdRef({ primary: true })
  userId: string;

  @Column({ type: 'datetime', precision: 3 })
  firstJoinedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLeftAt: Date | null;

  @Column({ type: 'int', unsigned: true, default: 1 })
  joins: number;

  @UpdatedAt()
  updatedAt: Date;
}
