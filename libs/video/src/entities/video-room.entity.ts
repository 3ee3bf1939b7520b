import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, IdRef } from '@pendamping/platform';

export const ROOM_KINDS = ['workshop_session', 'consultation'] as const;

/** A LiveKit room we opened, and what LiveKit told us about its life (room_started / room_finished). */
@Entity('video_rooms')
export class VideoRoom {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ROOM_KINDS })
  kind: (typeof ROOM_KINDS)[number];

  /** The workshop session's or the consultation's id. */
  @IdRef()
  refId: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstStartedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastFinishedAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}
