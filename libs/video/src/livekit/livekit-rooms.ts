import { Injectable } from '@nestjs/common';
import { RoomServiceClient, ServerError } from 'livekit-server-sdk';
import { AppConfig, DomainError } from '@pendamping/platform';
import type { RoomPermissions } from '../grants';
import { roomServiceUrl } from './livekit-url';
import { toTrackSources } from './track-sources';

export interface RoomSpec {
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  metadata: Record<string, unknown>;
}

const REQUEST_TIMEOUT_SECONDS = 5;

/** LiveKit's RoomService (Twirp over HTTP), the only door to the server's rooms. */
@Injectable()
export class LiveKitRooms {
  private readonly client: RoomServiceClient;

  constructor(config: AppConfig) {
    const { url, apiKey, apiSecret } = config.livekit;
    this.client = new RoomServiceClient(roomServiceUrl(url), apiKey, apiSecret, { requestTimeout: REQUEST_TIMEOUT_SECONDS, failover: false });
  }

  /** Idempotent: LiveKit answers the existing room when one of that name is open. */
  async createRoom(spec: RoomSpec): Promise<void> {
    await this.client.createRoom({ ...spec, metadata: JSON.stringify(spec.metadata) });
  }

  /** Disconnects everyone and closes the room; false when there was no such room open. */
  async deleteRoom(name: string): Promise<boolean> {
    try {
      await this.client.deleteRoom(name);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Permissions are replaced as a whole (LiveKit applies them atomically). */
  async updatePermissions(room: string, identity: string, p: RoomPermissions): Promise<void> {
    const permission = { canSubscribe: p.canSubscribe, canPublish: p.canPublish, canPublishSources: toTrackSources(p.sources), canPublishData: p.canPublishData, hidden: p.hidden };
    await inRoom(() => this.client.updateParticipant(room, identity, { permission }));
  }

  async mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<void> {
    await inRoom(() => this.client.mutePublishedTrack(room, identity, trackSid, muted));
  }

  /** Disconnects the participant; every token issued before `revokeBefore` stops working in that room. */
  async removeParticipant(room: string, identity: string, revokeBefore: Date): Promise<boolean> {
    try {
      await this.client.removeParticipant(room, identity, { revokeTokenTs: BigInt(Math.ceil(revokeBefore.getTime() / 1000)) });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

const isNotFound = (error: unknown) => error instanceof ServerError && (error.status === 404 || error.code === 'not_found');

async function inRoom<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) throw new DomainError('NOT_IN_ROOM', 'This person (or track) is not in the video room right now');
    throw error;
  }
}
