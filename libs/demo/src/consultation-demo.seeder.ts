import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AvailabilityService, BookingService, Consultation, MentorDirectoryService } from '@pendamping/consultations';
import type { DemoPeople } from './demo-data';

const WORKDAYS = [1, 2, 3, 4, 5];

/**
 * Office hours for the demo mentors and one booked consultation, so the calendar is not empty. Each step
 * is skipped when already done (a seed resumed after a crash); answers whether it wrote anything.
 */
@Injectable()
export class ConsultationDemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly availability: AvailabilityService,
    private readonly directory: MentorDirectoryService,
    private readonly booking: BookingService,
  ) {}

  async seed(people: DemoPeople): Promise<boolean> {
    let wrote = false;
    for (const mentorId of people.mentorIds) {
      if (await this.availability.view(mentorId)) continue;
      wrote = true;
      await this.availability.replace(mentorId, {
        slotMinutes: 45,
        bufferMinutes: 15,
        minNoticeMinutes: 120,
        horizonDays: 30,
        dailyCap: 6,
        weekly: WORKDAYS.flatMap((weekday) => [
          { weekday, start: '09:00', end: '12:00' },
          { weekday, start: '13:00', end: '16:00' },
        ]),
      });
    }
    // Siti (konveksi) asks Rina about capital for a new sewing machine, two days from now.
    const [mentorId, entrepreneurId] = [people.mentorIds[0], people.entrepreneurIds[0]];
    if (await this.dataSource.getRepository(Consultation).existsBy({ mentorId, entrepreneurId })) return wrote;
    const from = DateTime.now().plus({ days: 2 }).toJSDate();
    const slots = await this.directory.slots(people.mentorIds[0], from, DateTime.fromJSDate(from).plus({ days: 14 }).toJSDate());
    const slot = slots.items[0];
    if (!slot) return wrote;
    await this.booking.book(
      { id: people.entrepreneurIds[0], roles: ['entrepreneur'] },
      { mentorId: people.mentorIds[0], start: slot.start.toISOString(), topic: 'permodalan', note: 'Ingin mengajukan modal untuk mesin jahit kedua' },
    );
    return true;
  }
}
