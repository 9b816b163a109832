export * from './event-store.port';
export * from './command-runner';
export * from './command-service';
export * from './event-log.port';
export * from './sqlite/sqlite-event-store';
export { fileDamage, isDamagedFile, sqliteStoreFailure } from './sqlite/sqlite-failure';
export * from './kurrentdb/open-kurrentdb-event-store';
export { connectionStringProblem as kurrentDbConnectionStringProblem, redactConnectionString } from './kurrentdb/kurrentdb-url';
export * from './audit-trail';
