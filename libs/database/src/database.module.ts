import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@pendamping/platform';
import { dataSourceOptions } from './data-source-options';

/** The one MySQL connection pool of a process. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({ ...(await dataSourceOptions(config.databaseUrl)), retryAttempts: 3, retryDelay: 1_000 }),
    }),
  ],
})
export class DatabaseModule {}
