import { Event, STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore, isSQLiteError } from '@event-driven-io/emmett-sqlite';
import { EventToAppend } from '@toc/domain';
import { eventRow, prepareInsert } from '@toc/event-store/sqlite/sqlite-event-row';
import { GENESIS_HASH, chainHash } from '@toc/event-store/sqlite/sqlite-hash-chain';
import { SynchronousMode, openEventDatabase } from '@toc/event-store/sqlite/sqlite-schema';

/** A store under measurement. Each one tracks its own stream versions, so callers only name the stream. */
export interface AppendContender {
  append(streamId: string, events: readonly EventToAppend[]): Promise<void>;
  close(): Promise<void>;
  /** Appends that failed transiently and were tried again, if the contender ever needs to. */
  readonly retriedAppends?: () => number;
}

export const EMMETT_SQLITE = 'Emmett SQLite 0.38.5';

/**
 * The machine's limit with the store's schema: the store's own `openEventDatabase` (same DDL, WAL,
 * synchronous mode, cache and checkpoint pragmas) and the same row per event, derived columns and
 * hash chain included, written with one prepared INSERT per event in one transaction per append.
 * Unlike the store it reads nothing back (revision, position and previous hash live in memory), so
 * the expected revision is enforced only by UNIQUE (stream_id, revision), and it has no idempotent
 * replay, no event-id checks and no group commit.
 */
export const openRawSqlite = (file: string, synchronous: SynchronousMode): AppendContender =>
  openEventDatabase(file, synchronous, (db) => {
    const insert = prepareInsert(db);
    const nextRevisions = new Map<string, number>();
    let head = { position: 0, hash: GENESIS_HASH };

    const write = db.transaction((streamId: string, events: readonly EventToAppend[]) => {
      let { position, hash } = head;
      let revision = nextRevisions.get(streamId) ?? 0;
      for (const event of events) {
        position += 1;
        const row = eventRow(streamId, position, revision++, event);
        hash = chainHash(hash, row);
        insert(row, event.metadata, hash);
      }
      return { head: { position, hash }, nextRevision: revision };
    });

    return {
      async append(streamId, events) {
        // The in-memory state moves on only once the transaction has committed.
        const written = write(streamId, events);
        head = written.head;
        nextRevisions.set(streamId, written.nextRevision);
      },
      async close() {
        db.close();
      },
    };
  });

const SQLITE_BUSY = 5;
const EMMETT_ATTEMPTS = 3;

/**
 * Emmett's SQLite event store as an application uses it. Its options have no durability setting:
 * for a file it opens a sqlite3 connection per call, sets journal_mode=WAL and leaves synchronous at
 * SQLite's default, FULL (the sqlite3 package does not change it), with the default cache and
 * checkpoint pragmas; closing that connection checkpoints the WAL, so every append pays for one.
 *
 * Now and then its COMMIT fails with SQLITE_BUSY "SQL statements in progress": it reads RETURNING
 * rows with sqlite3's `get`, whose statement is finalized asynchronously and can still be open when
 * the COMMIT runs. Nothing is committed then, so the append is tried again with the same expected
 * version (which would refuse a duplicate); the retries are counted and the time they take counts.
 */
export const openEmmettSqlite = (file: string): AppendContender => {
  const store = getSQLiteEventStore({ fileName: file });
  const versions = new Map<string, bigint>();
  let retries = 0;
  return {
    async append(streamId, events) {
      for (let attempt = 1; ; attempt++) {
        try {
          // The bench's payloads are plain JSON objects, which is what Emmett's Event type asks for.
          const result = await store.appendToStream(streamId, events as unknown as Event[], {
            expectedStreamVersion: versions.get(streamId) ?? STREAM_DOES_NOT_EXIST,
          });
          versions.set(streamId, result.nextExpectedStreamVersion);
          return;
        } catch (error) {
          if (!(isSQLiteError(error) && error.errno === SQLITE_BUSY) || attempt === EMMETT_ATTEMPTS) throw error;
          retries += 1;
        }
      }
    },
    // Nothing stays open between calls.
    async close() {},
    retriedAppends: () => retries,
  };
};
