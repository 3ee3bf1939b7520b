import type { TimeRange } from './recurrence';
import type { SeatStatus } from './workshop.views';

/** Who someone is in a workshop session's rooms (video and live room alike). */
export type ParticipantRole = 'speaker' | 'host' | 'attendee';

/** What decides the role: listed as a speaker, an admin of the platform, their seat (if any). */
export interface Standing {
  speaker: boolean;
  admin: boolean;
  seat: SeatStatus | 'cancelled' | null;
}

/**
 * The one rule for a workshop's rooms, used by the video join, the live room, the calendar feed, "Workshop
 * saya" and reminders. What a person is *in this workshop* comes before what they are on the platform:
 * - `speaker`: listed on the workshop, also when they are an admin or hold a seat. They present on the stage
 *   (camera, microphone, screen) and keep every staff power an admin has in the room (floor, mute, removal,
 *   polls, answered questions), so an admin who speaks loses nothing but the hidden observer mode, which a
 *   presenter does not use.
 * - `host`: an admin who is not a speaker (moderates; may observe hidden).
 * - `attendee`: a registrant with a seat (`registered`; the waitlist is not in the room).
 * - null: nobody else may enter.
 */
export function participantRole(standing: Standing): ParticipantRole | null {
  if (standing.speaker) return 'speaker';
  if (standing.admin) return 'host';
  return standing.seat === 'registered' ? 'attendee' : null;
}

/** Speakers and hosts run the room (moderation, polls); attendees take part. */
export const isStaffRole = (role: ParticipantRole | null): boolean => role === 'speaker' || role === 'host';

/** A session's rooms (video and live) open this long before the start and close at its end. */
export const JOIN_OPENS_BEFORE_MS = 15 * 60_000;

/** Joining is open from 15 minutes before the start until the end (inclusive). */
export function joinWindow(range: TimeRange): TimeRange {
  return { start: new Date(range.start.getTime() - JOIN_OPENS_BEFORE_MS), end: range.end };
}

export function isJoinOpen(range: TimeRange, now: Date): boolean {
  const window = joinWindow(range);
  return now >= window.start && now <= window.end;
}
