export * from './event-store.port';
export * from './command-runner';
export * from './command-service';
export * from './event-log.port';
export * from './sqlite/sqlite-event-store';
export * from './audit-trail';
