import type { Workshop, WorkshopSession } from '@/api/types';
import { OPENS_BEFORE_MS } from '@/ui/join-countdown';

/** The first session that has not ended, or the last one when all have. */
export function nextSession(workshop: Pick<Workshop, 'sessions'>, now = new Date()): WorkshopSession | undefined {
  return workshop.sessions.find((s) => new Date(s.end) > now) ?? workshop.sessions[workshop.sessions.length - 1];
}

export type RoomPhase = 'before' | 'open' | 'ended';

/** A session's live room opens with the video join window: 15 minutes before the start, until the end. */
export function roomPhase(session: WorkshopSession, now: Date): RoomPhase {
  if (now.getTime() < opensAt(session).getTime()) return 'before';
  return now > new Date(session.end) ? 'ended' : 'open';
}

export const opensAt = (session: WorkshopSession) => new Date(new Date(session.start).getTime() - OPENS_BEFORE_MS);

export const isOver = (workshop: Pick<Workshop, 'sessions' | 'status'>, now = new Date()) =>
  workshop.status === 'completed' || workshop.sessions.every((s) => new Date(s.end) <= now);
