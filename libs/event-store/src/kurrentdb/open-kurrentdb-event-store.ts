import type { IndexedKurrentDbEventStore, IndexedKurrentDbEventStoreOptions } from './kurrentdb-event-store';

/**
 * Connects to KurrentDB with the local log index beside it (see IndexedKurrentDbEventStore).
 * The client is loaded here, on demand, so that processes and tests on the embedded store do
 * not load it.
 */
export const openKurrentDbEventStore = async (connectionString: string, options: IndexedKurrentDbEventStoreOptions): Promise<IndexedKurrentDbEventStore> => {
  const { IndexedKurrentDbEventStore } = await import('./kurrentdb-event-store');
  return IndexedKurrentDbEventStore.open(connectionString, options);
};
