import { TrackSource } from 'livekit-server-sdk';
import type { TrackKind } from '../grants';

const SOURCES: Record<TrackKind, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export const toTrackSources = (kinds: TrackKind[]): TrackSource[] => kinds.map((k) => SOURCES[k]);
