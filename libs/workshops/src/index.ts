export * from './workshops.module';
export * from './workshop.entities';
