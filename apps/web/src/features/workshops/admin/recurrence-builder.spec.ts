/// <reference types="jest" />
import { parseSeriesRule, seriesProblems, seriesRule, seriesSessions, wallToInstant, type WeeklySeries } from './recurrence-builder';

const series = (overrides: Partial<WeeklySeries> = {}): WeeklySeries => ({
  weekdays: [1],
  time: '10:00',
  durationMinutes: 120,
  weeks: 4,
  startDate: '2026-12-07',
  zone: 'Asia/Jakarta',
  ...overrides,
});
const NOW = new Date('2026-12-01T00:00:00Z');
const starts = (s: WeeklySeries) => seriesSessions(s).map((r) => r.start.toISOString());

describe('recurrence builder', () => {
  it('gives one session a week on the chosen day at the wall-clock time in WIB, and the rule the api expands', () => {
    const s = series();
    expect(starts(s)).toEqual(['2026-12-07T03:00:00.000Z', '2026-12-14T03:00:00.000Z', '2026-12-21T03:00:00.000Z', '2026-12-28T03:00:00.000Z']);
    expect(seriesSessions(s)[0].end.toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(seriesRule(s)).toBe('DTSTART;TZID=Asia/Jakarta:20261207T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4');
    expect(seriesProblems(s, NOW)).toEqual([]);
  });

  it('starts on the first chosen weekday on or after the start date; several weekdays give weeks × days sessions in order', () => {
    // 2026-12-08 is a Tuesday: Wednesday first, then Monday and Wednesday each week.
    const s = series({ weekdays: [3, 1], weeks: 2, startDate: '2026-12-08', time: '19:30' });
    expect(starts(s)).toEqual(['2026-12-09T12:30:00.000Z', '2026-12-14T12:30:00.000Z', '2026-12-16T12:30:00.000Z', '2026-12-21T12:30:00.000Z']);
    // DTSTART is the first session itself, so rrule does not have to guess about a start off the rule.
    expect(seriesRule(s)).toBe('DTSTART;TZID=Asia/Jakarta:20261209T193000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4');
  });

  it('follows the zone it is given (WITA is UTC+8)', () => {
    expect(starts(series({ zone: 'Asia/Makassar', weeks: 1 }))).toEqual(['2026-12-07T02:00:00.000Z']);
    expect(wallToInstant('2026-12-07', '00:30', 'Asia/Jakarta')!.toISOString()).toBe('2026-12-06T17:30:00.000Z');
    expect(wallToInstant('2026-02-31', '10:00', 'Asia/Jakarta')).toBeNull();
  });

  it('names what is wrong: no weekday, a bad time or date, a duration outside 15-720 minutes, more than 60 sessions, a start in the past', () => {
    expect(seriesProblems(series({ weekdays: [] }), NOW)).toEqual(['weekdays']);
    expect(seriesProblems(series({ time: '25:00' }), NOW)).toEqual(['time']);
    expect(seriesProblems(series({ durationMinutes: 10 }), NOW)).toEqual(['duration']);
    expect(seriesProblems(series({ durationMinutes: 721 }), NOW)).toEqual(['duration']);
    expect(seriesProblems(series({ weeks: 0 }), NOW)).toEqual(['weeks']);
    expect(seriesProblems(series({ weekdays: [1, 3], weeks: 31 }), NOW)).toEqual(['tooMany']);
    expect(seriesProblems(series({ weekdays: [1, 3], weeks: 30 }), NOW)).toEqual([]);
    expect(seriesProblems(series({ startDate: '2026-13-01' }), NOW)).toEqual(['startDate']);
    expect(seriesProblems(series(), new Date('2026-12-07T03:00:00Z'))).toEqual(['past']);
  });

  it('reads back a rule it wrote (to edit a series), and no other', () => {
    const s = series({ weekdays: [2, 4], weeks: 3, time: '13:15', startDate: '2026-12-08' });
    expect(parseSeriesRule(seriesRule(s), 120)).toEqual({ ...s, weekdays: [2, 4] });
    expect(parseSeriesRule('DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=4', 90)).toBeNull();
    expect(parseSeriesRule('DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5', 90)).toBeNull();
  });
});
