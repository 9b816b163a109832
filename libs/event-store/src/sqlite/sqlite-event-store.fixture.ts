import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventMetadata, EventToAppend } from '@toc/domain';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';

export const tempFile = (): string => join(tmpdir(), `toc-event-store-${randomUUID()}.sqlite`);

export const removeDatabase = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

export const event = (seq: number, metadata: Partial<EventMetadata> = {}, type = 'thing-recorded'): EventToAppend => ({
  type,
  data: { seq, text: 'x'.repeat(20) },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: null,
    actor: { userId: 'user-1', role: 'case-worker' },
    sourceApp: 'api',
    occurredAt: '2024-02-01T10:00:00.000Z',
    recordedAt: '2024-02-01T10:00:05.000Z',
    ...metadata,
  },
});

export const ids = (events: readonly { metadata: EventMetadata }[]): string[] => events.map((e) => e.metadata.eventId);

/**
 * Gives every test in the enclosing describe a fresh file. Stores opened through `open` poll fast
 * and are closed after the test, then the file is removed.
 */
export const useStoreFile = () => {
  let file: string;
  const opened: SqliteEventStore[] = [];

  beforeEach(() => {
    file = tempFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    removeDatabase(file);
  });

  return {
    get file(): string {
      return file;
    },
    open: (options?: SqliteEventStoreOptions): SqliteEventStore => {
      const store = SqliteEventStore.open(file, { pollIntervalMs: 20, ...options });
      opened.push(store);
      return store;
    },
    /** Writes straight to the file, the way someone bypassing the service would. */
    tamper: (sql: string, ...params: unknown[]): void => {
      const raw = new Database(file);
      try {
        raw.prepare(sql).run(...params);
      } finally {
        raw.close();
      }
    },
  };
};
