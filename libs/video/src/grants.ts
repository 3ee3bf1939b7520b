/** Who someone is in a video room; also the `role` of the join response and the token metadata. */
export const VIDEO_ROLES = ['attendee', 'speaker', 'host', 'participant'] as const;
export type VideoRole = (typeof VIDEO_ROLES)[number];

export const TRACK_SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'] as const;
export type TrackKind = (typeof TRACK_SOURCES)[number];

/** What a token (or a later permission update) allows, in LiveKit's terms but without its types. */
export interface RoomPermissions {
  canSubscribe: boolean;
  canPublish: boolean;
  /** Only these sources may be published; empty when `canPublish` is false. */
  sources: TrackKind[];
  canPublishData: boolean;
  roomAdmin: boolean;
  hidden: boolean;
}

export interface JoinOptions {
  /** Low bandwidth: publish the microphone only (the client also subscribes to audio only). */
  audioOnly?: boolean;
  /** Admins only: watch without being seen and without publishing. */
  observe?: boolean;
}

const LISTEN: RoomPermissions = { canSubscribe: true, canPublish: false, sources: [], canPublishData: true, roomAdmin: false, hidden: false };
const publishing = (sources: TrackKind[], audioOnly = false): Pick<RoomPermissions, 'canPublish' | 'sources'> => ({
  canPublish: true,
  sources: audioOnly ? ['microphone'] : sources,
});

/**
 * The grants per role. Attendees listen and chat until a speaker gives them the floor; speakers present;
 * hosts (admins) moderate, hidden when they only observe; both people of a consultation talk on camera.
 */
export function permissionsFor(role: VideoRole, options: JoinOptions = {}): RoomPermissions {
  switch (role) {
    case 'attendee':
      return LISTEN;
    case 'speaker':
      return { ...LISTEN, ...publishing([...TRACK_SOURCES], options.audioOnly) };
    case 'participant':
      return { ...LISTEN, ...publishing(['camera', 'microphone'], options.audioOnly) };
    case 'host':
      return options.observe
        ? { ...LISTEN, roomAdmin: true, hidden: true }
        : { ...LISTEN, ...publishing([...TRACK_SOURCES], options.audioOnly), roomAdmin: true };
  }
}

/** An attendee given (or denied) the floor: the microphone only, everything else as before. */
export function floorPermissions(allowed: boolean): RoomPermissions {
  return allowed ? { ...LISTEN, ...publishing(['microphone']) } : LISTEN;
}
