import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthDetails } from './health-details';

/** Global so feature libs can add sections (HealthDetails) without importing the controller's module. */
@Global()
@Module({ controllers: [HealthController], providers: [HealthDetails], exports: [HealthDetails] })
export class HealthModule {}
