import { presenceIntervals, presenceSeconds, type PresenceEvent } from './presence';

const session = { start: new Date('2026-12-07T02:00:00Z'), end: new Date('2026-12-07T04:00:00Z') };
const later = new Date('2026-12-08T00:00:00Z');
const t = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`);
const joined = (hhmm: string): PresenceEvent => ({ kind: 'joined', at: t(hhmm) });
const left = (hhmm: string): PresenceEvent => ({ kind: 'left', at: t(hhmm) });

describe('presence', () => {
  it('adds up separate stays', () => {
    expect(presenceSeconds([joined('02:00'), left('02:30'), joined('03:00'), left('03:15')], session, later)).toBe(45 * 60);
  });

  it('clips to the session: early arrival and staying after the end do not count', () => {
    expect(presenceSeconds([joined('01:30'), left('04:45')], session, later)).toBe(2 * 3600);
  });

  it('counts two devices of one person once (overlapping stays merge)', () => {
    const events = [joined('02:00'), joined('02:10'), left('02:20'), left('02:40')];
    expect(presenceIntervals(events, session, later)).toEqual([{ start: t('02:00'), end: t('02:40') }]);
  });

  it('replays out-of-order deliveries by their own timestamps', () => {
    expect(presenceSeconds([left('03:00'), joined('02:00')], session, later)).toBe(3600);
  });

  it('ignores a "left" without a "joined"', () => {
    expect(presenceSeconds([left('02:30'), joined('03:00'), left('03:30')], session, later)).toBe(30 * 60);
  });

  it('counts someone still in the room until now, and at most until the session ends', () => {
    expect(presenceSeconds([joined('03:00')], session, t('03:20'))).toBe(20 * 60);
    expect(presenceSeconds([joined('03:00')], session, later)).toBe(3600);
  });

  it('counts nothing for stays entirely outside the session', () => {
    expect(presenceSeconds([joined('00:00'), left('01:00'), joined('05:00')], session, later)).toBe(0);
  });
});
