import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoomRemoval } from '../entities/room-removal.entity';
import { roomName, type RoomRef } from '../rooms';
import { VideoErrors } from '../video.errors';

/** Who a moderator took out of which room: no new video token, and no live room (realtime asks here too). */
@Injectable()
export class RoomRemovals {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Idempotent: removing someone twice keeps the first record. */
  async add(ref: RoomRef, userId: string, removedBy: string): Promise<void> {
    await this.db.createQueryBuilder().insert().into(RoomRemoval).values({ room: roomName(ref), userId, removedBy }).orIgnore().execute();
  }

  has(ref: RoomRef, userId: string): Promise<boolean> {
    return this.db.getRepository(RoomRemoval).existsBy({ room: roomName(ref), userId });
  }

  /** 403 REMOVED_FROM_ROOM for someone removed from this room. */
  async assertNotRemoved(ref: RoomRef, userId: string): Promise<void> {
    if (await this.has(ref, userId)) throw VideoErrors.removed();
  }
}
