import Database from 'better-sqlite3';

/** SQLite's `synchronous` pragma values the store supports (see `SqliteEventStoreOptions`). */
export type SynchronousMode = 'FULL' | 'NORMAL';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    type           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    actor_user     TEXT    NOT NULL,
    actor_role     TEXT    NOT NULL,
    source_app     TEXT    NOT NULL,
    correlation_id TEXT    NOT NULL,
    causation_id   TEXT,
    hash           TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  -- (column, position) lets an equality filter seek straight to the keyset cursor and read
  -- exactly one page in position order, however many events match overall.
  CREATE INDEX IF NOT EXISTS events_by_actor_user  ON events (actor_user, position);
  CREATE INDEX IF NOT EXISTS events_by_actor_role  ON events (actor_role, position);
  CREATE INDEX IF NOT EXISTS events_by_source_app  ON events (source_app, position);
  CREATE INDEX IF NOT EXISTS events_by_type        ON events (type, position);
  CREATE INDEX IF NOT EXISTS events_by_correlation ON events (correlation_id, position);
  -- Commands from outside carry no causation; a partial index skips them.
  CREATE INDEX IF NOT EXISTS events_by_causation   ON events (causation_id, position) WHERE causation_id IS NOT NULL;
  -- Each time index carries the other time, so "happened by t, recorded after k" (the late
  -- recordings a replay looks for) is answered from the index alone.
  DROP INDEX IF EXISTS events_by_occurred_at;
  DROP INDEX IF EXISTS events_by_recorded_at;
  CREATE INDEX IF NOT EXISTS events_by_occurred_recorded ON events (occurred_at, recorded_at);
  CREATE INDEX IF NOT EXISTS events_by_recorded_occurred ON events (recorded_at, occurred_at);
`;

/**
 * Opens the file (creating it if needed) in WAL mode, brings the schema up to date, then builds on
 * the connection. If anything fails, the file is closed again so no half-opened store holds it.
 */
export const openEventDatabase = <T>(filePath: string, synchronous: SynchronousMode, build: (db: Database.Database) => T): T => {
  // The busy timeout lets a writer wait for another process's transaction instead of failing.
  const db = new Database(filePath, { timeout: 5_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    // The unique event-id index takes random keys; a 64 MiB page cache (an upper bound, not an
    // allocation) keeps its hot pages in memory, and checkpointing every ~40 MiB of WAL instead of
    // 4 MiB writes each hot index page back once per checkpoint rather than many times. Together
    // they roughly double batched append throughput.
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 10000');
    db.exec(SCHEMA);
    return build(db);
  } catch (error) {
    db.close();
    throw error;
  }
};
