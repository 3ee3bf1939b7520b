import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, IdRef } from '@pendamping/platform';

/**
 * A moderator removed this person from this room. LiveKit revokes their current tokens (revokeTokenTs) and
 * this row refuses them new ones, so leaving and asking again does not bring them back.
 */
@Entity('video_room_removals')
export class RoomRemoval {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  room: string;

  @IdRef({ primary: true })
  userId: string;

  @IdRef()
  removedBy: string;

  @CreatedAt()
  createdAt: Date;
}
