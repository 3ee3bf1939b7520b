import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@pendamping/platform';
import { VideoRoom } from './entities/video-room.entity';
import { LiveKitRooms } from './livekit/livekit-rooms';
import { DEPARTURE_TIMEOUT_SECONDS, emptyTimeoutSeconds, roomName, type RoomRef, type TimeRange } from './rooms';

export interface RoomOpening {
  ref: RoomRef;
  times: TimeRange;
  maxParticipants: number;
  metadata: Record<string, unknown>;
}

/** Opens and closes LiveKit rooms for sessions and consultations, and keeps our record of them. */
@Injectable()
export class VideoRooms {
  private readonly logger = new Logger(VideoRooms.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly livekit: LiveKitRooms,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes sure the room exists with our limits before anyone connects (idempotent: LiveKit answers the open
   * room). Should RoomService be unreachable, the token still works (LiveKit creates the room on the first
   * connect, with server defaults), so a hiccup is logged rather than keeping people out.
   */
  async ensure(opening: RoomOpening): Promise<string> {
    const name = roomName(opening.ref);
    await this.db.createQueryBuilder().insert().into(VideoRoom).values({ name, kind: opening.ref.kind, refId: opening.ref.id }).orIgnore().execute();
    try {
      await this.livekit.createRoom({
        name,
        emptyTimeout: emptyTimeoutSeconds(opening.times, this.clock.now()),
        departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
        maxParticipants: opening.maxParticipants,
        metadata: { ...opening.metadata, kind: opening.ref.kind, id: opening.ref.id },
      });
    } catch (error) {
      this.logger.error({ err: error, room: name }, 'could not create the LiveKit room; it will be created on the first connect');
    }
    return name;
  }

  /** Closes the room (everyone is disconnected); nothing to do when it is not open. */
  async close(ref: RoomRef): Promise<void> {
    const closed = await this.livekit.deleteRoom(roomName(ref));
    if (closed) this.logger.log({ room: roomName(ref) }, 'video room closed');
  }

  /** LiveKit's room_started / room_finished, for the record. */
  async lifecycle(ref: RoomRef, event: 'started' | 'finished', at: Date): Promise<void> {
    const name = roomName(ref);
    await this.db.createQueryBuilder().insert().into(VideoRoom).values({ name, kind: ref.kind, refId: ref.id }).orIgnore().execute();
    if (event === 'started') {
      await this.db.query('UPDATE video_rooms SET firstStartedAt = LEAST(COALESCE(firstStartedAt, ?), ?) WHERE name = ?', [at, at, name]);
    } else {
      await this.db.query('UPDATE video_rooms SET lastFinishedAt = GREATEST(COALESCE(lastFinishedAt, ?), ?) WHERE name = ?', [at, at, name]);
    }
  }
}
