import { randomUUID } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventMetadata, EventToAppend } from '@toc/domain';
import { DAMAGE_MARKER } from './sqlite-damage';
import { eventRow, prepareInsert } from './sqlite-event-row';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { GENESIS_HASH, chainHash } from './sqlite-hash-chain';

export const tempFile = (): string => join(tmpdir(), `toc-event-store-${randomUUID()}.sqlite`);

export const removeDatabase = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', DAMAGE_MARKER]) rmSync(file + suffix, { force: true });
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

/**
 * Overwrites one leaf page of a table with garbage, as a failing disk would: the second in key
 * order, so the first rows read fine and the newest rows (where appends go) are untouched. The
 * file must be closed (its write-ahead log checkpointed into it).
 */
export const damageLeafPage = (file: string, table: string): void => {
  const db = new Database(file, { readonly: true });
  let page: { pageno: number; pageSize: number };
  try {
    page = db
      .prepare<[string], { pageno: number; pageSize: number }>("SELECT pageno, pgsize AS pageSize FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path LIMIT 1 OFFSET 1")
      .get(table)!;
  } finally {
    db.close();
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(page.pageSize, 'garbage'), 0, page.pageSize, (page.pageno - 1) * page.pageSize);
  } finally {
    closeSync(fd);
  }
};

/**
 * Appends an event straight into the file, chained onto the head exactly as the store would: what
 * someone with write access to the file and this code can do. Returns its position.
 */
export const forgeAfterHead = (file: string, streamId: string, forged: EventToAppend): number => {
  const db = new Database(file);
  try {
    const head = db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get();
    const revision = db.prepare<[string], { revision: number }>('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').get(streamId)?.revision ?? -1;
    const row = eventRow(streamId, (head?.position ?? 0) + 1, revision + 1, forged);
    prepareInsert(db)(row, forged.metadata, chainHash(head?.hash ?? GENESIS_HASH, row));
    return row.position;
  } finally {
    db.close();
  }
};

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
