import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@pendamping/database';
import { NotificationsWorkerModule } from '@pendamping/notifications';
import { RealtimePublisherModule } from '@pendamping/realtime';
import { WorkshopsWorkerModule } from '@pendamping/workshops';
import { AppConfig, ClockModule, ConfigModule, EventsModule, LoggingModule, RedisModule, redisOptions } from '@pendamping/platform';

/** The worker: the same feature modules as the api, BullMQ processors instead of HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        EventsModule,
        ClockModule,
        // Pushes socket events (notifications) through Redis to whichever api node holds the socket.
        RealtimePublisherModule,
        BullModule.forRoot({
          // BullMQ blocks on its connection: it needs unlimited retries per request.
          connection: redisOptions(config, { maxRetriesPerRequest: null }),
          prefix: config.redisPrefix,
        }),
        NotificationsWorkerModule,
        WorkshopsWorkerModule,
      ],
    };
  }
}
