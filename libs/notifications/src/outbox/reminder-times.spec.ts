import { followUpDueAt, reminderTimes } from './reminder-times';

const H = 3_600_000;
const M = 60_000;

describe('reminder times', () => {
  const start = new Date('2026-12-07T03:00:00Z');

  it('puts one reminder per offset before the start, earliest first', () => {
    const times = reminderTimes(start, [10 * M, 24 * H, H], new Date('2026-12-01T00:00:00Z'));
    expect(times).toEqual([
      { offsetMs: 24 * H, dueAt: new Date('2026-12-06T03:00:00Z') },
      { offsetMs: H, dueAt: new Date('2026-12-07T02:00:00Z') },
      { offsetMs: 10 * M, dueAt: new Date('2026-12-07T02:50:00Z') },
    ]);
  });

  it('skips reminders whose time has passed at booking, and all of them inside the smallest offset', () => {
    expect(reminderTimes(start, [24 * H, H, 10 * M], new Date('2026-12-07T01:00:00Z')).map((t) => t.offsetMs)).toEqual([H, 10 * M]);
    expect(reminderTimes(start, [24 * H, H, 10 * M], new Date('2026-12-07T02:55:00Z'))).toEqual([]);
  });

  it('makes a follow-up due at 09:00 in the mentor zone', () => {
    expect(followUpDueAt('2026-12-24', 'Asia/Jakarta')).toEqual(new Date('2026-12-24T02:00:00Z'));
    expect(followUpDueAt('2026-12-24', 'Asia/Makassar')).toEqual(new Date('2026-12-24T01:00:00Z'));
  });
});
