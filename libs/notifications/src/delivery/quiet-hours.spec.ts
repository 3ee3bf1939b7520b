import { notBefore } from './quiet-hours';

// Jakarta is UTC+7: 21:00 WIB is 14:00Z, 06:00 WIB is 23:00Z the day before.
describe('quiet hours', () => {
  it('lets messages out during the day', () => {
    const now = new Date('2026-12-07T03:00:00Z'); // 10:00 WIB
    expect(notBefore(now, 'Asia/Jakarta')).toEqual(now);
  });

  it('holds email and WhatsApp from 21:00 to 06:00 local', () => {
    expect(notBefore(new Date('2026-12-07T14:00:00Z'), 'Asia/Jakarta')).toEqual(new Date('2026-12-07T23:00:00Z')); // 21:00 → 06:00
    expect(notBefore(new Date('2026-12-07T20:00:00Z'), 'Asia/Jakarta')).toEqual(new Date('2026-12-07T23:00:00Z')); // 03:00 → 06:00
    expect(notBefore(new Date('2026-12-07T23:00:00Z'), 'Asia/Jakarta')).toEqual(new Date('2026-12-07T23:00:00Z')); // 06:00 is fine
  });

  it('reads the hours on the reader clock (21:30 WIT is still 19:30 WIB)', () => {
    const now = new Date('2026-12-07T12:30:00Z');
    expect(notBefore(now, 'Asia/Jakarta')).toEqual(now);
    expect(notBefore(now, 'Asia/Jayapura')).toEqual(new Date('2026-12-07T21:00:00Z'));
  });

  it('never holds a reminder for something starting within the hour', () => {
    const now = new Date('2026-12-07T15:00:00Z'); // 22:00 WIB
    expect(notBefore(now, 'Asia/Jakarta', new Date('2026-12-07T15:10:00Z'))).toEqual(now);
    expect(notBefore(now, 'Asia/Jakarta', new Date('2026-12-07T16:00:00Z'))).toEqual(now);
    expect(notBefore(now, 'Asia/Jakarta', new Date('2026-12-08T03:00:00Z'))).toEqual(new Date('2026-12-07T23:00:00Z'));
  });
});
