import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { RegistrationsService, WORKSHOP_ZONE, WorkshopsService } from '@pendamping/workshops';
import type { DemoPeople } from './demo-data';

export const DEMO_WORKSHOP_TITLE = 'Pengelolaan Keuangan UMKM';

/** A published weekly series with the Bank DKI speaker and a few registrations, so the catalogue is not empty. */
@Injectable()
export class WorkshopDemoSeeder {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async seed(people: DemoPeople): Promise<void> {
    // Four Mondays at 09:00 WIB, starting at least three days from now.
    const soon = DateTime.now().setZone(WORKSHOP_ZONE).plus({ days: 3 }).startOf('day');
    const monday = soon.plus({ days: (8 - soon.weekday) % 7 });
    const workshop = await this.workshops.create({
      title: DEMO_WORKSHOP_TITLE,
      description:
        'Seri empat pertemuan bersama Bank DKI: memisahkan uang usaha dan pribadi, mencatat arus kas harian, ' +
        'menghitung harga pokok produksi, dan menyiapkan pengajuan Kredit Usaha Rakyat (KUR).',
      topic: 'keuangan',
      capacity: 30,
      speakerIds: [people.speakerId],
      recurrence: { rrule: `DTSTART;TZID=${WORKSHOP_ZONE}:${monday.toFormat("yyyyMMdd'T'090000")}\nRRULE:FREQ=WEEKLY;COUNT=4`, durationMinutes: 120 },
      kecamatanQuotas: [],
    });
    await this.workshops.publish(workshop.id);
    for (const userId of people.entrepreneurIds.slice(0, 8)) {
      await this.registrations.register(workshop.id, { id: userId, roles: ['entrepreneur'] });
    }
  }
}
