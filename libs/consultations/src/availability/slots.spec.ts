import { freeSlots, offeredSlots, type AvailabilityRules } from './slots';

const rules = (overrides: Partial<AvailabilityRules> = {}): AvailabilityRules => ({
  timezone: 'Asia/Jakarta',
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 60,
  dailyCap: null,
  weekly: [{ weekday: 1, start: '09:00', end: '11:00' }],
  overrides: new Map(),
  ...overrides,
});

// Monday 7 December 2026; 09:00 WIB is 02:00Z.
const MONDAY = new Date('2026-12-07T00:00:00+07:00');
const TUESDAY = new Date('2026-12-08T00:00:00+07:00');
const NOW = new Date('2026-12-01T00:00:00Z');
const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());

describe('slot computation', () => {
  it('cuts weekly hours into slots, returned in UTC', () => {
    expect(starts(offeredSlots(rules(), MONDAY, TUESDAY, NOW))).toEqual([
      '2026-12-07T02:00:00.000Z',
      '2026-12-07T02:30:00.000Z',
      '2026-12-07T03:00:00.000Z',
      '2026-12-07T03:30:00.000Z',
    ]);
  });

  it('reads weekly hours in the mentor zone (Asia/Makassar, UTC+8)', () => {
    const slots = offeredSlots(rules({ timezone: 'Asia/Makassar' }), MONDAY, TUESDAY, NOW);
    expect(starts(slots)[0]).toBe('2026-12-07T01:00:00.000Z');
  });

  it('keeps buffers around bookings', () => {
    const booked = [{ start: new Date('2026-12-07T02:30:00Z'), end: new Date('2026-12-07T03:00:00Z') }];
    expect(starts(freeSlots(rules({ bufferMinutes: 10 }), MONDAY, TUESDAY, NOW, booked))).toEqual(['2026-12-07T03:30:00.000Z']);
    expect(starts(freeSlots(rules(), MONDAY, TUESDAY, NOW, booked))).toEqual([
      '2026-12-07T02:00:00.000Z',
      '2026-12-07T03:00:00.000Z',
      '2026-12-07T03:30:00.000Z',
    ]);
  });

  it('offers nothing sooner than the minimum notice', () => {
    const now = new Date('2026-12-07T01:10:00Z');
    expect(starts(offeredSlots(rules({ minNoticeMinutes: 90 }), MONDAY, TUESDAY, now))).toEqual(['2026-12-07T03:00:00.000Z', '2026-12-07T03:30:00.000Z']);
  });

  it('offers nothing beyond the horizon', () => {
    expect(offeredSlots(rules({ horizonDays: 6 }), MONDAY, TUESDAY, NOW)).toEqual([]);
    expect(offeredSlots(rules({ horizonDays: 7 }), MONDAY, TUESDAY, NOW)).toHaveLength(4);
  });

  it('lets a date override replace the weekly hours, or make a day off', () => {
    const special = rules({ overrides: new Map([['2026-12-07', [{ start: '19:00', end: '24:00' }]]]) });
    const slots = offeredSlots(special, MONDAY, TUESDAY, NOW);
    expect(slots).toHaveLength(10);
    expect(slots[9].end.toISOString()).toBe('2026-12-07T17:00:00.000Z');
    expect(offeredSlots(rules({ overrides: new Map([['2026-12-07', []]]) }), MONDAY, TUESDAY, NOW)).toEqual([]);
  });

  it('closes a day that has reached the daily cap', () => {
    const booked = [{ start: new Date('2026-12-07T02:00:00Z'), end: new Date('2026-12-07T02:30:00Z') }];
    expect(freeSlots(rules({ dailyCap: 1 }), MONDAY, TUESDAY, NOW, booked)).toEqual([]);
    expect(freeSlots(rules({ dailyCap: 2 }), MONDAY, TUESDAY, NOW, booked)).toHaveLength(3);
  });
});
