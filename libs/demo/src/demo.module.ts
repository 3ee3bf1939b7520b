import { Module } from '@nestjs/common';
import { IdentityModule } from '@pendamping/identity';
import { RegionsModule } from '@pendamping/regions';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [IdentityModule, RegionsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
