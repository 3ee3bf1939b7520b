export * from './consultations.module';
export * from './consultation.entities';
