import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, DomainEvents, newId, notFound, type Caller } from '@pendamping/platform';
import { AvailabilityService } from '../availability/availability.service';
import { offeredSlots, type AvailabilityRules, type Interval } from '../availability/slots';
import { alreadyStarted, inThePast, noAvailability, notASlot, notBooked } from '../consultation.errors';
import { consultationEvent } from '../consultation.events';
import type { BookConsultationDto } from './booking.dto';
import { ConsultationRepository } from '../consultation.repository';
import { assertFree, assertWithinLimits, mentorWindow } from './calendar';
import { Consultation } from './consultation.entity';
import { ConsultationAccess } from './consultation-access.service';

/** Booking, rescheduling and cancelling: every change to a calendar happens with both calendars locked. */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly availability: AvailabilityService,
    private readonly access: ConsultationAccess,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly consultations: ConsultationRepository,
  ) {}

  async book(caller: Caller, dto: BookConsultationDto): Promise<Consultation> {
    // The account and its rules in one round trip (booking is the hottest write: each one counts).
    const mentor = await this.consultations.mentorRules(dto.mentorId);
    const { account } = mentor;
    if (!account?.roles.includes('mentor') || account.disabledAt || account.id === caller.id) throw notFound('Mentor');
    const { rules, slot } = this.slotIn(mentor.rules, new Date(dto.start));
    // The id as stored (a UUID may arrive in upper case): the calendar checks below compare ids in code.
    const people = { mentorId: account.id, entrepreneurId: caller.id };

    return this.events.transaction(this.db, async (manager, emit) => {
      await this.consultations.lockCalendars(manager, [people.mentorId, people.entrepreneurId]);
      const note = dto.note?.trim() || null;
      const window = mentorWindow(rules, slot);
      const { busy, upcoming } = await this.consultations.calendar(manager, people, { slot, ...window, now: this.clock.now() });
      // The same booking again is a retry whose first answer was lost (e.g. MySQL restarted after the commit).
      const same = busy.find((c) => c.mentorId === people.mentorId && c.entrepreneurId === people.entrepreneurId && c.start.getTime() === slot.start.getTime());
      if (same && same.topic === dto.topic && same.note === note) return manager.getRepository(Consultation).findOneByOrFail({ id: same.id });
      assertWithinLimits(this.config.bookingLimits, upcoming);
      assertFree(rules, slot, window, people, busy);
      const consultation = manager.getRepository(Consultation).create({
        id: newId(),
        ...people,
        start: slot.start,
        end: slot.end,
        topic: dto.topic,
        note,
        status: 'booked',
      });
      await manager.getRepository(Consultation).insert(consultation);
      await emit(consultationEvent('consultation.booked', consultation, { byUserId: caller.id }));
      return consultation;
    });
  }

  /** Moves a booked consultation to another free slot; when that slot is taken nothing changes. */
  async reschedule(caller: Caller, id: string, start: Date): Promise<Consultation> {
    const current = await this.access.participantView(caller, id);
    const { rules, slot } = await this.slotAt(current.mentorId, start);

    return this.events.transaction(this.db, async (manager, emit) => {
      await this.consultations.lockCalendars(manager, [current.mentorId, current.entrepreneurId]);
      const consultation = await this.upcomingForUpdate(manager, id);
      const window = mentorWindow(rules, slot);
      const { busy } = await this.consultations.calendar(manager, consultation, { slot, ...window, now: this.clock.now(), excludeId: consultation.id });
      assertFree(rules, slot, window, consultation, busy);
      const previous = { previousStart: consultation.start, previousEnd: consultation.end };
      consultation.start = slot.start;
      consultation.end = slot.end;
      await manager.getRepository(Consultation).update(id, { start: slot.start, end: slot.end });
      await emit(consultationEvent('consultation.rescheduled', consultation, { ...previous, byUserId: caller.id }));
      return consultation;
    });
  }

  /** Either participant cancels; the slot is free the moment this commits. */
  async cancel(caller: Caller, id: string, reason: string): Promise<Consultation> {
    const current = await this.access.participantView(caller, id);
    return this.events.transaction(this.db, async (manager, emit) => {
      // Calendars first, in the same order as booking and reschedule: locking the consultation first while a
      // reschedule of it holds the calendars and waits for that row is a deadlock.
      await this.consultations.lockCalendars(manager, [current.mentorId, current.entrepreneurId]);
      const consultation = await this.upcomingForUpdate(manager, id);
      Object.assign(consultation, { status: 'cancelled', cancelledBy: caller.id, cancelReason: reason.trim() });
      await manager.getRepository(Consultation).update(id, { status: 'cancelled', cancelledBy: caller.id, cancelReason: reason.trim() });
      await emit(consultationEvent('consultation.cancelled', consultation, { byUserId: caller.id, reason: reason.trim() }));
      return consultation;
    });
  }

  /** The mentor's slot starting exactly at `start`, from their rules (bookings are checked under lock). */
  private async slotAt(mentorId: string, start: Date): Promise<{ rules: AvailabilityRules; slot: Interval }> {
    return this.slotIn(await this.availability.rules(mentorId), start);
  }

  /** The slot of these rules (null: the mentor set none) starting exactly at `start`. */
  private slotIn(rules: AvailabilityRules | null, start: Date): { rules: AvailabilityRules; slot: Interval } {
    const now = this.clock.now();
    if (start.getTime() <= now.getTime()) throw inThePast();
    if (!rules) throw noAvailability();
    const slot = offeredSlots(rules, start, new Date(start.getTime() + 1), now).find((s) => s.start.getTime() === start.getTime());
    if (!slot) throw notASlot();
    return { rules, slot };
  }

  /** The consultation, locked, while it can still be moved or cancelled: booked and not yet started. */
  private async upcomingForUpdate(manager: EntityManager, id: string): Promise<Consultation> {
    const consultation = await manager.getRepository(Consultation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!consultation) throw notFound('Consultation');
    if (consultation.status !== 'booked') throw notBooked(consultation.status);
    if (consultation.start.getTime() <= this.clock.now().getTime()) throw alreadyStarted();
    return consultation;
  }
}
