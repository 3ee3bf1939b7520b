import type { TimeRange } from './recurrence';

export interface PresenceEvent {
  kind: 'joined' | 'left';
  at: Date;
}

/**
 * The stretches a person was in a session's room, clipped to the session and to `now` (someone still in
 * the room counts until now). Events are replayed in time order with a count of open connections, so two
 * devices of one person overlap into one stretch instead of counting twice, and a late or duplicate
 * "left" without a "joined" changes nothing.
 */
export function presenceIntervals(events: PresenceEvent[], session: TimeRange, now: Date): TimeRange[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === 'joined' ? -1 : 1));
  const stretches: TimeRange[] = [];
  let open = 0;
  let since: Date | null = null;
  for (const event of sorted) {
    if (event.kind === 'joined') {
      if (open++ === 0) since = event.at;
    } else if (open > 0 && --open === 0 && since) {
      stretches.push({ start: since, end: event.at });
    }
  }
  if (open > 0 && since) stretches.push({ start: since, end: now });
  const until = Math.min(session.end.getTime(), now.getTime());
  return stretches
    .map((s) => ({ start: new Date(Math.max(s.start.getTime(), session.start.getTime())), end: new Date(Math.min(s.end.getTime(), until)) }))
    .filter((s) => s.end > s.start);
}

export function presenceSeconds(events: PresenceEvent[], session: TimeRange, now: Date): number {
  const ms = presenceIntervals(events, session, now).reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()), 0);
  return Math.floor(ms / 1000);
}
