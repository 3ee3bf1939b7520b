/**
 * Room names and room sizing: pure rules, no LiveKit calls. Room names are deterministic so
 * any api instance (and the webhook) finds the same room for a session or consultation without a lookup.
 */
/** Seats beyond the invited people: admins observing, and a reconnecting device taking over its identity. */
export const STAFF_SEATS = 3;
/** After the last person leaves, LiveKit keeps the room this long for a dropped connection to come back. */
export const DEPARTURE_TIMEOUT_SECONDS = 5 * 60;
/** An empty room lives until its session ends plus this grace, so nobody is locked out and it closes by itself. */
export const EMPTY_GRACE_SECONDS = 5 * 60;

export type RoomRef = { kind: 'workshop_session'; id: string } | { kind: 'consultation'; id: string };

const PREFIX = { workshop_session: 'workshop-session-', consultation: 'consultation-' } as const;
const NAME = /^(workshop-session|consultation)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const roomName = (ref: RoomRef): string => `${PREFIX[ref.kind]}${ref.id}`;

/** The session or consultation a room belongs to; null for rooms that are not ours. */
export function parseRoomName(name: string | undefined): RoomRef | null {
  const match = NAME.exec(name ?? '');
  if (!match) return null;
  return { kind: match[1] === 'consultation' ? 'consultation' : 'workshop_session', id: match[2] };
}

// The join window (15 minutes before the start until the end) is the workshops lib's `isJoinOpen`, one
// rule for the video rooms of sessions and consultations and for the live room.
import type { TimeRange } from '@pendamping/workshops';

export type { TimeRange };

/** Long enough that a room created at the first join outlives its session even if everyone is late. */
export function emptyTimeoutSeconds(range: TimeRange, now: Date): number {
  return Math.max(0, Math.ceil((range.end.getTime() - now.getTime()) / 1000)) + EMPTY_GRACE_SECONDS;
}

export const workshopRoomSize = (capacity: number, speakers: number) => capacity + speakers + STAFF_SEATS;
export const consultationRoomSize = () => 2 + STAFF_SEATS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Our participants' identities are user ids; anything else (egress, agents) is not a person to count. */
export const isUserIdentity = (identity: string | undefined): identity is string => UUID.test(identity ?? '');
