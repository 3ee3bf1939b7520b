import { DEMO_PAST_CONSULTATIONS } from './demo-data';
import { pastConsultationTimes } from './demo-time';

describe('the demo past, seeded at any hour of any day of the week', () => {
  // Every hour of one week (WIB Monday 00:00 to Sunday 23:00): the seed must be true whenever a newcomer starts it.
  const week = Array.from({ length: 7 * 24 }, (_, h) => new Date(Date.UTC(2026, 10, 29, 17 + h)));

  it.each(DEMO_PAST_CONSULTATIONS.map((p) => [p.entrepreneur, p] as const))('%s: held on a weekday in the past, booked on an earlier day', (_, past) => {
    for (const now of week) {
      const { start, bookedAt } = pastConsultationTimes(past, now);
      expect(start.getTime()).toBeLessThan(now.getTime());
      expect([1, 2, 3, 4, 5]).toContain(new Date(start.getTime() + 7 * 3_600_000).getUTCDay());
      expect(bookedAt.getTime()).toBeLessThan(start.getTime() - 12 * 3_600_000);
    }
  });
});
