import { useEffect, useState } from 'react';
import { RoomEvent, Track, type Room } from 'livekit-client';

/** An attendee in the LiveKit room as a moderator needs them: may they talk, and their microphone track. */
export interface RoomPerson {
  userId: string;
  name: string;
  /** Given the floor (LiveKit lets them publish). */
  mayTalk: boolean;
  microphone: { trackSid: string; muted: boolean } | null;
}

const EVENTS = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.ParticipantPermissionsChanged,
] as const;

function people(room: Room): RoomPerson[] {
  return [...room.remoteParticipants.values()]
    .filter((p) => p.attributes.role !== 'speaker' && p.attributes.role !== 'host')
    .map((p) => {
      const mic = p.getTrackPublication(Track.Source.Microphone);
      return { userId: p.identity, name: p.name || p.identity, mayTalk: !!p.permissions?.canPublish, microphone: mic ? { trackSid: mic.trackSid, muted: mic.isMuted } : null };
    })
    .sort((a, b) => Number(!!b.microphone) - Number(!!a.microphone) || a.name.localeCompare(b.name));
}

/** The attendees in the connected room, kept current by the room's events; null without a room. */
export function useRoomPeople(room: Room | null): RoomPerson[] | null {
  const [list, setList] = useState<RoomPerson[] | null>(null);
  useEffect(() => {
    if (!room) return setList(null);
    const refresh = () => setList(people(room));
    refresh();
    for (const e of EVENTS) room.on(e, refresh);
    return () => {
      for (const e of EVENTS) room.off(e, refresh);
    };
  }, [room]);
  return list;
}
