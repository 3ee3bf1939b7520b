import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@pendamping/database';
import { IdentityModule } from '@pendamping/identity';
import { AppConfig, ConfigModule, HealthModule, LoggingModule, RedisModule } from '@pendamping/platform';
import { RegionsModule } from '@pendamping/regions';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), LoggingModule, DatabaseModule, RedisModule, HealthModule, RegionsModule, IdentityModule],
    };
  }
}
