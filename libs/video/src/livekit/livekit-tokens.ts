import { Injectable } from '@nestjs/common';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import { AppConfig } from '@pendamping/platform';
import type { RoomPermissions, VideoRole } from '../grants';
import { toTrackSources } from './track-sources';

/**
 * Long enough to connect on a slow phone network, short enough that a leaked or outdated token is soon
 * useless. Once connected, LiveKit refreshes the participant's token itself, so a session outlives it.
 */
export const JOIN_TOKEN_TTL_SECONDS = 10 * 60;

export interface JoinTokenRequest {
  room: string;
  /** The user id: unique per room, so a second device takes over the first one's place. */
  identity: string;
  name: string;
  role: VideoRole;
  permissions: RoomPermissions;
}

/** Signs LiveKit join tokens with the configured API key. */
@Injectable()
export class LiveKitTokens {
  constructor(private readonly config: AppConfig) {}

  async issue(request: JoinTokenRequest): Promise<{ token: string; expiresAt: Date }> {
    const { apiKey, apiSecret } = this.config.livekit;
    const token = new AccessToken(apiKey, apiSecret, {
      identity: request.identity,
      name: request.name,
      ttl: JOIN_TOKEN_TTL_SECONDS,
      metadata: JSON.stringify({ role: request.role, name: request.name }),
      attributes: { role: request.role },
    });
    token.addGrant(toVideoGrant(request.room, request.permissions));
    const issuedAt = Date.now();
    return { token: await token.toJwt(), expiresAt: new Date(issuedAt + JOIN_TOKEN_TTL_SECONDS * 1000) };
  }
}

function toVideoGrant(room: string, p: RoomPermissions): VideoGrant {
  return {
    room,
    roomJoin: true,
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    ...(p.canPublish && { canPublishSources: toTrackSources(p.sources) }),
    canPublishData: p.canPublishData,
    canUpdateOwnMetadata: false,
    ...(p.roomAdmin && { roomAdmin: true }),
    ...(p.hidden && { hidden: true }),
  };
}
