import type { DataSourceOptions } from 'typeorm';
import { connectionOptions } from './connection';
import { entities } from './entities';

export async function dataSourceOptions(databaseUrl: string): Promise<DataSourceOptions> {
  return { ...(await connectionOptions(databaseUrl)), entities } as DataSourceOptions;
}
