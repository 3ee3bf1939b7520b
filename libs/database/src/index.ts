export * from './entities';
export * from './connection';
export * from './data-source-options';
export * from './database.module';
export * from './schema-setup';
