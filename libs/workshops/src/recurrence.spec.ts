import { expandRecurrence, MAX_SESSIONS, RecurrenceError } from './recurrence';

const iso = (ranges: { start: Date; end: Date }[]) => ranges.map((r) => [r.start.toISOString(), r.end.toISOString()]);

describe('expandRecurrence', () => {
  it('expands a weekly rule for 4 weeks at 09:00 WIB into 4 sessions at 02:00Z', () => {
    const sessions = expandRecurrence('DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=4', 120);
    expect(iso(sessions)).toEqual([
      ['2026-12-07T02:00:00.000Z', '2026-12-07T04:00:00.000Z'],
      ['2026-12-14T02:00:00.000Z', '2026-12-14T04:00:00.000Z'],
      ['2026-12-21T02:00:00.000Z', '2026-12-21T04:00:00.000Z'],
      ['2026-12-28T02:00:00.000Z', '2026-12-28T04:00:00.000Z'],
    ]);
  });

  it('reads a floating DTSTART as Jakarta wall clock', () => {
    const sessions = expandRecurrence('DTSTART:20261207T090000\nRRULE:FREQ=DAILY;COUNT=2', 60);
    expect(sessions.map((s) => s.start.toISOString())).toEqual(['2026-12-07T02:00:00.000Z', '2026-12-08T02:00:00.000Z']);
  });

  it('keeps a UTC DTSTART at the same instant and honours a UTC UNTIL', () => {
    const sessions = expandRecurrence('DTSTART:20261207T020000Z\nRRULE:FREQ=WEEKLY;UNTIL=20261221T020000Z', 90);
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      '2026-12-07T02:00:00.000Z',
      '2026-12-14T02:00:00.000Z',
      '2026-12-21T02:00:00.000Z',
    ]);
  });

  it('includes the whole day of a date-only UNTIL', () => {
    const sessions = expandRecurrence('DTSTART;TZID=Asia/Jakarta:20261207T090000\nRRULE:FREQ=WEEKLY;UNTIL=20261214', 60);
    expect(sessions).toHaveLength(2);
  });

  it('follows BYDAY on the Jakarta calendar (a 06:00 WIB Monday is Sunday in UTC)', () => {
    const sessions = expandRecurrence('DTSTART;TZID=Asia/Jakarta:20261207T060000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3', 60);
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      '2026-12-06T23:00:00.000Z',
      '2026-12-08T23:00:00.000Z',
      '2026-12-13T23:00:00.000Z',
    ]);
  });

  it.each([
    ['no DTSTART', 'RRULE:FREQ=WEEKLY;COUNT=4', /DTSTART/],
    ['no end', 'DTSTART:20261207T090000\nRRULE:FREQ=WEEKLY', /COUNT or UNTIL/],
    ['too many sessions', `DTSTART:20261207T090000\nRRULE:FREQ=DAILY;COUNT=${MAX_SESSIONS + 1}`, /more than/],
    ['an hourly rule', 'DTSTART:20261207T090000\nRRULE:FREQ=HOURLY;COUNT=3', /FREQ/],
    ['garbage', 'hello world', /valid RFC 5545/],
    ['an unknown FREQ', 'DTSTART:20261207T090000\nRRULE:FREQ=SOMETIMES;COUNT=2', /FREQ/],
    ['a COUNT that is no number', 'DTSTART:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=x', /COUNT/],
    ['an unknown zone', 'DTSTART;TZID=Mars/Olympus:20261207T090000\nRRULE:FREQ=WEEKLY;COUNT=2', /TZID/],
  ])('refuses a rule with %s', (_name, rule, message) => {
    expect(() => expandRecurrence(rule, 60)).toThrow(RecurrenceError);
    expect(() => expandRecurrence(rule, 60)).toThrow(message);
  });
});
