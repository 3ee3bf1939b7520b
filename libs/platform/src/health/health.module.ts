import { Global, Module } from '@nestjs/common';
import { ShutdownState } from '../http/shutdown';
import { DependencyOutages } from './dependency-outages';
import { HealthController } from './health.controller';
import { HealthDetails } from './health-details';

/** Global so feature libs can add sections (HealthDetails) without importing the controller's module. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthDetails, DependencyOutages, ShutdownState],
  exports: [HealthDetails, DependencyOutages, ShutdownState],
})
export class HealthModule {}
