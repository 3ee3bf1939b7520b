import type { RoomPermissions, VideoRole } from '../grants';

/** What a client needs to connect to the room (LiveKit's client SDK: `room.connect(url, token, …)`). */
export interface JoinView {
  url: string;
  token: string;
  room: string;
  role: VideoRole;
  identity: string;
  name: string;
  expiresAt: Date;
  /** True when the client asked for low bandwidth: it publishes the microphone only and should subscribe to audio only. */
  audioOnly: boolean;
  permissions: RoomPermissions;
  /** Options for the client SDK; `autoSubscribe: false` with audioOnly, so the client picks audio tracks itself. */
  clientOptions: { adaptiveStream: boolean; dynacast: boolean; autoSubscribe: boolean };
}
