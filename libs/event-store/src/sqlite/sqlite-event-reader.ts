import Database from 'better-sqlite3';
import { RecordedEvent } from '@toc/domain';
import { ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { EVENT_COLUMNS, EventRow, toRecorded } from './sqlite-event-row';

/** SQLite reads a negative LIMIT as "no limit". */
const NO_LIMIT = -1;

const checkLimit = (limit: number | undefined, where: string): number => {
  if (limit === undefined) return NO_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`${where}: limit must be a non-negative integer, got ${limit}`);
  return limit;
};

const prepareStatements = (db: Database.Database) => ({
  streamForwards: db.prepare<[string, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
  ),
  streamBackwards: db.prepare<[string, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  ),
  all: db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
  head: db.prepare<[], { head: number }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
});

/** The event store's reads: one stream by revision, the whole log by position, and its head. */
export class SqliteEventReader {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  readStream(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const limit = checkLimit(options.limit, 'readStream');
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(toRecorded);
  }

  readAll(options: ReadAllOptions): RecordedEvent[] {
    return this.readAfter(options.after ?? 0, checkLimit(options.limit, 'readAll'));
  }

  readAfter(after: number, limit: number): RecordedEvent[] {
    return this.statements.all.all(after, limit).map(toRecorded);
  }

  headPosition(): number {
    return this.statements.head.get()!.head;
  }
}
