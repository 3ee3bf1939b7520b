import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConsultationsModule } from '@pendamping/consultations';
import { DatabaseModule } from '@pendamping/database';
import { IdentityModule } from '@pendamping/identity';
import { NotificationsModule } from '@pendamping/notifications';
import { AppConfig, ClockModule, ConfigModule, EventsModule, HealthModule, IdempotencyModule, LoggingModule, RedisModule, redisOptions } from '@pendamping/platform';
import { RealtimeModule, RealtimePublisherModule } from '@pendamping/realtime';
import { RegionsModule } from '@pendamping/regions';
import { ReportsModule } from '@pendamping/reports';
import { VideoModule } from '@pendamping/video';
import { WorkshopsModule } from '@pendamping/workshops';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        EventsModule,
        ClockModule,
        IdempotencyModule,
        HealthModule,
        RegionsModule,
        IdentityModule,
        ConsultationsModule,
        WorkshopsModule,
        RealtimePublisherModule,
        RealtimeModule,
        VideoModule,
        // The api only adds jobs: it fails fast while Redis is away (the worker's reconciliation catches up).
        BullModule.forRoot({ connection: redisOptions(config, { enableOfflineQueue: false }), prefix: config.redisPrefix }),
        NotificationsModule,
        ReportsModule,
      ],
    };
  }
}
