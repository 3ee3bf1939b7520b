import { Module } from '@nestjs/common';
import { FunnelService } from './funnel.service';
import { ReportsController } from './reports.controller';

/** Reports for the Dinas: the program funnel (JSON and an SVG chart). Reads the other libs' tables. */
@Module({
  controllers: [ReportsController],
  providers: [FunnelService],
  exports: [FunnelService],
})
export class ReportsModule {}
