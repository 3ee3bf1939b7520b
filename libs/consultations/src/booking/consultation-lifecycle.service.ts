import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents } from '@pendamping/platform';
import { consultationEvent } from '../consultation.events';
import { ConsultationRepository } from '../consultation.repository';
import { Consultation } from './consultation.entity';

/**
 * Status changes the system makes on its own (no caller to authorise), e.g. from what the video room saw.
 * Each is a compare-and-swap under a row lock (after the calendars' locks): it applies to a booked consultation only, once.
 */
@Injectable()
export class ConsultationLifecycle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly consultations: ConsultationRepository,
  ) {}

  /** Nobody came: booked → no_show with the usual `consultation.no_show` event. False when not booked (any more). */
  async markNoShow(id: string): Promise<boolean> {
    // Who is in it never changes: read it unlocked, then lock both calendars before the row, like every change.
    const people = await this.db.getRepository(Consultation).findOne({ select: { id: true, mentorId: true, entrepreneurId: true }, where: { id } });
    if (!people) return false;
    return this.events.transaction(this.db, async (manager, emit) => {
      await this.consultations.lockCalendars(manager, [people.mentorId, people.entrepreneurId]);
      const consultation = await manager.getRepository(Consultation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (consultation?.status !== 'booked') return false;
      await manager.getRepository(Consultation).update(id, { status: 'no_show' });
      await emit(consultationEvent('consultation.no_show', consultation, {}));
      return true;
    });
  }
}
