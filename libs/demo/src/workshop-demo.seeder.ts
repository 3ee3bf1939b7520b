import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Registration, RegistrationsService, Workshop, WORKSHOP_ZONE, WorkshopSpeaker, WorkshopsService } from '@pendamping/workshops';
import type { DemoPeople } from './demo-data';

export const DEMO_WORKSHOP_TITLE = 'Pengelolaan Keuangan UMKM';

/**
 * A published weekly series with the Bank DKI speaker and a few registrations, so the catalogue is not
 * empty. Resumable: the series, its publication and each registration are looked for before they are
 * written; answers whether it wrote anything.
 */
@Injectable()
export class WorkshopDemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async seed(people: DemoPeople): Promise<boolean> {
    let wrote = false;
    let workshop = await this.existing(people.speakerId);
    if (!workshop) {
      workshop = await this.create(people.speakerId);
      wrote = true;
    }
    if (workshop.status === 'draft') {
      await this.workshops.publish(workshop.id);
      wrote = true;
    }
    for (const userId of people.entrepreneurIds.slice(0, 8)) {
      if (await this.dataSource.getRepository(Registration).existsBy({ workshopId: workshop.id, userId })) continue;
      await this.registrations.register(workshop.id, { id: userId, roles: ['entrepreneur'] });
      wrote = true;
    }
    return wrote;
  }

  private async existing(speakerId: string): Promise<Pick<Workshop, 'id' | 'status'> | null> {
    return this.dataSource
      .getRepository(Workshop)
      .createQueryBuilder('w')
      .innerJoin(WorkshopSpeaker, 'sp', 'sp.workshopId = w.id AND sp.speakerId = :speakerId', { speakerId })
      .select(['w.id', 'w.status'])
      .where('w.title = :title', { title: DEMO_WORKSHOP_TITLE })
      .getOne();
  }

  private async create(speakerId: string): Promise<Pick<Workshop, 'id' | 'status'>> {
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
      speakerIds: [speakerId],
      recurrence: { rrule: `DTSTART;TZID=${WORKSHOP_ZONE}:${monday.toFormat("yyyyMMdd'T'090000")}\nRRULE:FREQ=WEEKLY;COUNT=4`, durationMinutes: 120 },
      kecamatanQuotas: [],
    });
    return { id: workshop.id, status: 'draft' };
  }
}
