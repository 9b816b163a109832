export * from './read-model-store.port';
export * from './sqlite/sqlite-read-model-store';
export * from './mongodb/mongo-read-model-store';
export * from './memory/memory-read-model-store';
export * from './projection-engine';
export * from './projection-status';
export * from './projection-runner';
export * from './indicator-queries';
