import { ApiProperty } from '@nestjs/swagger';
import { TRACK_SOURCES, VIDEO_ROLES, type RoomPermissions, type TrackKind, type VideoRole } from '../grants';

export class PermissionsView implements RoomPermissions {
  @ApiProperty() canSubscribe: boolean;
  @ApiProperty() canPublish: boolean;
  @ApiProperty({ enum: TRACK_SOURCES, enumName: 'TrackSource', isArray: true }) sources: TrackKind[];
  @ApiProperty() canPublishData: boolean;
  @ApiProperty() roomAdmin: boolean;
  @ApiProperty() hidden: boolean;
}

export class ClientOptionsView {
  @ApiProperty({ description: "LiveKit client RoomOptions.adaptiveStream: video at the size it is shown" }) adaptiveStream: boolean;
  @ApiProperty({ description: 'LiveKit client RoomOptions.dynacast: layers nobody watches are not encoded' }) dynacast: boolean;
  @ApiProperty({ description: 'false with audioOnly: subscribe to audio tracks yourself' }) autoSubscribe: boolean;
}

/** What a client needs to connect to the room (LiveKit's client SDK: `room.connect(url, token, …)`). */
export class JoinView {
  @ApiProperty({ example: 'wss://video.pendamping.id' }) url: string;
  @ApiProperty({ description: 'LiveKit join token (JWT), valid 10 minutes' }) token: string;
  @ApiProperty({ example: 'workshop-session-01968f3e-7a2b-7c00-8000-0000000000aa' }) room: string;
  @ApiProperty({ enum: VIDEO_ROLES, enumName: 'VideoRole' }) role: VideoRole;
  @ApiProperty({ description: "The participant identity: the caller's user id" }) identity: string;
  @ApiProperty() name: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ description: 'Low bandwidth requested: publish the microphone only, subscribe to audio only' }) audioOnly: boolean;
  @ApiProperty({ type: PermissionsView }) permissions: PermissionsView;
  @ApiProperty({ type: ClientOptionsView }) clientOptions: ClientOptionsView;
}
