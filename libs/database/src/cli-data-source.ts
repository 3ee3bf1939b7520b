// For the TypeORM CLI (scripts/migration.mjs): generate and revert migrations in development.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '@pendamping/platform';
import { dataSourceOptions } from './data-source-options';

export default dataSourceOptions(loadConfigOrExit().databaseUrl).then((options) => new DataSource(options));
