export * from './config';
export * from './runtime';
export * from './exports/csv';
export * from './exports/event-export';
export * from './exports/indicator-export';
export * from './report/data-quality';
export * from './report/evaluation-report';
export * from './report/report-builder';
