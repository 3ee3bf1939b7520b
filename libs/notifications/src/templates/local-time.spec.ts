import { formatClock, formatLead, formatLocalDate, formatLocalTime } from './local-time';

describe('local time in messages', () => {
  it('writes Indonesian dates with "pukul" and a dotted clock in WIB', () => {
    expect(formatLocalTime('2026-12-07T03:00:00Z', 'Asia/Jakarta', 'id')).toBe('Senin, 7 Desember 2026 pukul 10.00 WIB');
  });

  it('names WITA and WIT for Makassar and Jayapura, on their own wall clock', () => {
    expect(formatLocalTime('2026-12-07T03:00:00Z', 'Asia/Makassar', 'id')).toBe('Senin, 7 Desember 2026 pukul 11.00 WITA');
    expect(formatLocalTime('2026-12-07T03:00:00Z', 'Asia/Jayapura', 'id')).toBe('Senin, 7 Desember 2026 pukul 12.00 WIT');
  });

  it('writes English with "at" and keeps other zones by name', () => {
    expect(formatLocalTime(new Date('2026-12-07T03:00:00Z'), 'Asia/Jakarta', 'en')).toBe('Monday, 7 December 2026 at 10:00 WIB');
    expect(formatLocalTime('2026-12-07T03:00:00Z', 'Europe/Amsterdam', 'en')).toBe('Monday, 7 December 2026 at 04:00 Europe/Amsterdam');
  });

  it('crosses the date line in the reader zone (23.30 WIB on Sunday is Monday in Jayapura)', () => {
    expect(formatLocalTime('2026-12-06T16:30:00Z', 'Asia/Jakarta', 'id')).toBe('Minggu, 6 Desember 2026 pukul 23.30 WIB');
    expect(formatLocalTime('2026-12-06T16:30:00Z', 'Asia/Jayapura', 'id')).toBe('Senin, 7 Desember 2026 pukul 01.30 WIT');
  });

  it('falls back to Jakarta for an unknown zone', () => {
    expect(formatLocalTime('2026-12-07T03:00:00Z', 'Mars/Olympus', 'id')).toBe('Senin, 7 Desember 2026 pukul 10.00 WIB');
  });

  it('formats a date, a clock and a lead time', () => {
    expect(formatLocalDate('2026-12-24', 'id')).toBe('Kamis, 24 Desember 2026');
    expect(formatClock('2026-12-07T03:00:00Z', 'Asia/Jakarta', 'en')).toBe('10:00 WIB');
    expect(formatLead(86_400_000, 'id')).toBe('24 jam');
    expect(formatLead(3_600_000, 'en')).toBe('1 hour');
    expect(formatLead(600_000, 'en')).toBe('10 minutes');
    expect(formatLead(90_000, 'id')).toBe('90 detik');
  });
});
