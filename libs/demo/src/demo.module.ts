import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@pendamping/consultations';
import { IdentityModule } from '@pendamping/identity';
import { ClockModule, EventsModule } from '@pendamping/platform';
import { RegionsModule } from '@pendamping/regions';
import { ConsultationDemoSeeder } from './consultation-demo.seeder';
import { DemoSeedService } from './demo-seed.service';

@Module({
  // Setup runs the seeders outside the api, so the globals they rely on come along.
  imports: [ClockModule, EventsModule, IdentityModule, RegionsModule, ConsultationsModule],
  providers: [DemoSeedService, ConsultationDemoSeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
