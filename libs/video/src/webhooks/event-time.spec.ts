import { eventTime } from './event-time';

const received = new Date('2026-12-07T03:00:00Z');
const at = (iso: string) => new Date(iso);

describe('eventTime', () => {
  it("keeps LiveKit's time from 10 minutes before receipt to 60 s after (delivery delay, clock skew)", () => {
    expect(eventTime(at('2026-12-07T02:50:00Z'), received)).toEqual(at('2026-12-07T02:50:00Z'));
    expect(eventTime(at('2026-12-07T02:59:58Z'), received)).toEqual(at('2026-12-07T02:59:58Z'));
    expect(eventTime(at('2026-12-07T03:01:00Z'), received)).toEqual(at('2026-12-07T03:01:00Z'));
  });

  it('takes the receive time for an event dated later than that, or older, or undated', () => {
    expect(eventTime(at('2026-12-07T03:01:00.001Z'), received)).toEqual(received);
    expect(eventTime(at('2030-01-01T00:00:00Z'), received)).toEqual(received);
    expect(eventTime(at('2026-12-07T02:49:59.999Z'), received)).toEqual(received);
    expect(eventTime(at('1970-01-01T00:00:00Z'), received)).toEqual(received);
    expect(eventTime(undefined, received)).toEqual(received);
  });
});
