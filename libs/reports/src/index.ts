export * from './reports.module';
export * from './funnel.service';
export * from './funnel-chart';
