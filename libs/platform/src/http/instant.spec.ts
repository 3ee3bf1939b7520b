import { isCalendarDateTime } from './instant';

describe('calendar date-times', () => {
  it.each(['2026-12-07T09:00:00+07:00', '2026-12-07T09:00Z', '1970-01-01T00:00:00Z', '9998-12-31T23:59:59Z'])('takes %s', (value) => {
    expect(isCalendarDateTime(value, { offset: true })).toBe(true);
  });

  it.each(['2026-W10-1T09:00:00Z', '2026-060T09:00:00Z', '2026-02-30T09:00:00Z', '2026-12-07T24:00:00Z', '9999-12-31T23:59:59-14:00', '1969-12-31T23:59:59Z', '2026-12-07T09:00:00+99:99', '2026-12-07'])(
    'refuses %s',
    (value) => {
      expect(isCalendarDateTime(value, { offset: false })).toBe(false);
    },
  );

  it('refuses a time without an offset where one is needed', () => {
    expect(isCalendarDateTime('2026-12-07T09:00:00', { offset: true })).toBe(false);
    expect(isCalendarDateTime('2026-12-07T09:00:00', { offset: false })).toBe(true);
  });
});
