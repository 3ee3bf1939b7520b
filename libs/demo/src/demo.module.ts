import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@pendamping/consultations';
import { IdentityModule } from '@pendamping/identity';
import { ClockModule, EventsModule } from '@pendamping/platform';
import { RegionsModule } from '@pendamping/regions';
import { WorkshopsModule } from '@pendamping/workshops';
import { ConsultationDemoSeeder } from './consultation-demo.seeder';
import { ConsultationHistorySeeder } from './consultation-history.seeder';
import { FailedDeliverySeeder } from './failed-delivery.seeder';
import { PastWorkshopSeeder } from './past-workshop.seeder';
import { DemoSeedService } from './demo-seed.service';
import { WorkshopDemoSeeder } from './workshop-demo.seeder';

@Module({
  // Setup runs the seeders outside the api, so the globals they rely on come along.
  imports: [ClockModule, EventsModule, IdentityModule, RegionsModule, ConsultationsModule, WorkshopsModule],
  providers: [DemoSeedService, ConsultationDemoSeeder, WorkshopDemoSeeder, ConsultationHistorySeeder, FailedDeliverySeeder, PastWorkshopSeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
