import { DateTime } from 'luxon';
import { conflicts, type AvailabilityRules, type Interval } from '../availability/slots';
import { callerBusy, dailyCapReached, mentorLimitReached, openLimitReached, slotTaken } from '../consultation.errors';
import type { CalendarRows } from '../consultation.repository';

/**
 * The stretch of the mentor's calendar a slot is checked against: the slot widened by the buffer, and its
 * whole local day (for the daily cap).
 */
export interface MentorWindow {
  dayStart: number;
  dayEnd: number;
  mentorFrom: Date;
  mentorTo: Date;
}

export function mentorWindow(rules: AvailabilityRules, slot: Interval): MentorWindow {
  const buffer = rules.bufferMinutes * 60_000;
  const day = DateTime.fromJSDate(slot.start, { zone: rules.timezone }).startOf('day');
  const [dayStart, dayEnd] = [day.toMillis(), day.plus({ days: 1 }).toMillis()];
  return { dayStart, dayEnd, mentorFrom: new Date(Math.min(slot.start.getTime() - buffer, dayStart)), mentorTo: new Date(Math.max(slot.end.getTime() + buffer, dayEnd)) };
}

/**
 * Throws unless `slot` fits both calendars: no booked consultation of the mentor closer than the buffer,
 * the mentor's daily cap not reached, and neither person in another consultation then. `busy` is what
 * `ConsultationRepository.calendar` read for this slot's `window`, with both calendars locked.
 */
export function assertFree(rules: AvailabilityRules, slot: Interval, { dayStart, dayEnd }: MentorWindow, people: { mentorId: string }, busy: CalendarRows['busy']): void {
  const buffer = rules.bufferMinutes * 60_000;
  const mentorDay = busy.filter((r) => r.mentorId === people.mentorId);
  if (mentorDay.some((c) => conflicts(slot, c, buffer))) throw slotTaken();
  const sameDay = mentorDay.filter((c) => c.start.getTime() >= dayStart && c.start.getTime() < dayEnd);
  if (rules.dailyCap !== null && sameDay.length >= rules.dailyCap) throw dailyCapReached();
  const theirs = busy.filter((r) => r.mentorId !== people.mentorId);
  if (theirs.some((c) => c.start < slot.end && c.end > slot.start)) throw callerBusy();
}

/**
 * Throws when the entrepreneur already holds as many upcoming bookings as allowed, with this mentor or in all,
 * so one person (or a script) cannot take a mentor's whole horizon. `upcoming` was read with the entrepreneur's
 * calendar locked: then two bookings at once by the same person see each other.
 */
export function assertWithinLimits(limits: { perMentor: number; total: number }, upcoming: CalendarRows['upcoming']): void {
  if (upcoming.withMentor >= limits.perMentor) throw mentorLimitReached(limits.perMentor);
  if (upcoming.total >= limits.total) throw openLimitReached(limits.total);
}
