import { sessionProblems } from './schedule';

const now = new Date('2026-12-01T00:00:00Z');
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour));

describe('sessionProblems', () => {
  it('accepts future sessions that end after they start and do not overlap', () => {
    expect(sessionProblems([{ start: at(7, 2), end: at(7, 4) }, { start: at(7, 4), end: at(7, 6) }], now)).toEqual([]);
  });

  it('refuses a session that ends before it starts, or lasts more than 12 hours', () => {
    expect(sessionProblems([{ start: at(7, 4), end: at(7, 2) }, { start: at(8, 0), end: at(8, 13) }], now)).toEqual([
      'sessions[0].end must be after sessions[0].start',
      'sessions[1] must last at most 12 hours',
    ]);
  });

  it('refuses a session in the past, unless it is a kept one that already started', () => {
    const past = [{ start: at(1, 0), end: at(1, 2) }];
    expect(sessionProblems(past, at(1, 1))).toEqual(['sessions[0].start must be in the future']);
    expect(sessionProblems(past, at(1, 1), 'sessions', new Set([0]))).toEqual([]);
  });

  it('refuses sessions of one workshop that overlap each other', () => {
    expect(sessionProblems([{ start: at(7, 3), end: at(7, 5) }, { start: at(7, 2), end: at(7, 4) }], now)).toEqual([
      'sessions[0] overlaps sessions[1]',
    ]);
  });
});
