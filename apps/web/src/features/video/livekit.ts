import { DisconnectReason, LogLevel, Room, RoomEvent, setLogLevel, Track, VideoPresets, type LocalParticipant, type RemoteTrackPublication } from 'livekit-client';
import type { JoinView } from '@/api/types';
import type { MediaChoices } from './pre-join';

// The SDK's own messages stay out of the console below warnings; the panel shows what went wrong instead.
setLogLevel(LogLevel.warn);

/** How a room ended, each with its own screen in the panel. */
export type RoomEnd = 'unreachable' | 'dropped' | 'left' | 'removed' | 'closed' | 'replaced';

export function endFor(reason: DisconnectReason | undefined): RoomEnd {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'left';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'closed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'replaced';
    default:
      return 'dropped';
  }
}

type Permissions = LocalParticipant['permissions'];

/** May the token (or a later permission update) publish this source? No list means every source. */
export function mayPublish(permissions: Permissions, source: Track.Source): boolean {
  if (!permissions?.canPublish) return false;
  const sources = permissions.canPublishSources ?? [];
  return sources.length === 0 || sources.some((s) => Track.sourceFromProto(s) === source);
}

const subscribeAudio = (publication: RemoteTrackPublication) => {
  if (publication.kind === Track.Kind.Audio && !publication.isSubscribed) publication.setSubscribed(true);
};

/**
 * A room set up for a phone: video captured at 360p with a 180p layer for small tiles, adaptive stream
 * (video at the size it is shown) and dynacast. Audio only: nothing is subscribed automatically; audio
 * tracks are subscribed one by one as they appear, video never.
 */
export function createRoom(view: JoinView, choices: MediaChoices, audioOnly: boolean): Room {
  const room = new Room({
    adaptiveStream: view.clientOptions.adaptiveStream && !audioOnly,
    dynacast: view.clientOptions.dynacast,
    videoCaptureDefaults: { deviceId: choices.cameraId || undefined, resolution: VideoPresets.h360.resolution, facingMode: 'user' },
    audioCaptureDefaults: { deviceId: choices.microphoneId || undefined, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    publishDefaults: { simulcast: true, videoSimulcastLayers: [VideoPresets.h180], dtx: true, red: true },
  });
  if (audioOnly) room.on(RoomEvent.TrackPublished, subscribeAudio);
  return room;
}

export async function connectRoom(room: Room, view: JoinView, audioOnly: boolean): Promise<void> {
  await room.connect(view.url, view.token, { autoSubscribe: view.clientOptions.autoSubscribe && !audioOnly, maxRetries: 1 });
  if (audioOnly) {
    for (const participant of room.remoteParticipants.values()) participant.trackPublications.forEach(subscribeAudio);
  }
}

/** Turns on what the person chose in the check, as far as their permissions allow. */
export async function publishChoices(room: Room, choices: MediaChoices, audioOnly: boolean): Promise<void> {
  const local = room.localParticipant;
  if (choices.microphone && mayPublish(local.permissions, Track.Source.Microphone)) await local.setMicrophoneEnabled(true);
  if (choices.camera && !audioOnly && mayPublish(local.permissions, Track.Source.Camera)) await local.setCameraEnabled(true);
}
