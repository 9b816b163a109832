import Database from 'better-sqlite3';
import { RecordedEvent } from '@toc/domain';
import { EventLogFilter, EventLogReader } from '../event-log.port';
import { EVENT_COLUMNS, EventRow, normaliseTime, toRecorded } from './sqlite-event-row';

const filterTime = (name: string, value: string): string => {
  if (Number.isNaN(Date.parse(value))) throw new Error(`${name} is not an ISO-8601 time: "${value}"`);
  return normaliseTime(value);
};

/** Smallest string greater than every string that starts with `prefix` (binary collation). */
const prefixUpperBound = (prefix: string): string => {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const lastLength = last > 0xffff ? 2 : 1;
  return prefix.slice(0, prefix.length - lastLength) + String.fromCodePoint(last + 1);
};

/**
 * Filtered, keyset-paged reads of the log for the audit trail and replays. Each combination of
 * filters is its own SQL text, prepared the first time it is asked for and reused after.
 */
export class SqliteEventLog implements EventLogReader {
  private readonly queryCache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  async queryLog(filter: EventLogFilter): Promise<RecordedEvent[]> {
    const limit = filter.limit;
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`queryLog: limit must be a positive integer, got ${limit}`);
    if (filter.types?.length === 0 || filter.eventIds?.length === 0) return [];

    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.after !== undefined) add('position > ?', filter.after);
    if (filter.before !== undefined) add('position < ?', filter.before);
    if (filter.actorUserId !== undefined) add('actor_user = ?', filter.actorUserId);
    if (filter.actorRole !== undefined) add('actor_role = ?', filter.actorRole);
    if (filter.sourceApp !== undefined) add('source_app = ?', filter.sourceApp);
    if (filter.correlationId !== undefined) add('correlation_id = ?', filter.correlationId);
    if (filter.causationId !== undefined) add('causation_id = ?', filter.causationId);
    if (filter.streamId !== undefined) add('stream_id = ?', filter.streamId);
    if (filter.streamPrefix) add('stream_id >= ? AND stream_id < ?', filter.streamPrefix, prefixUpperBound(filter.streamPrefix));
    if (filter.types) add('type IN (SELECT value FROM json_each(?))', JSON.stringify(filter.types));
    if (filter.eventIds) add('event_id IN (SELECT value FROM json_each(?))', JSON.stringify(filter.eventIds));
    if (filter.occurredFrom !== undefined) add('occurred_at >= ?', filterTime('occurredFrom', filter.occurredFrom));
    if (filter.occurredTo !== undefined) add('occurred_at < ?', filterTime('occurredTo', filter.occurredTo));
    if (filter.recordedFrom !== undefined) add('recorded_at >= ?', filterTime('recordedFrom', filter.recordedFrom));
    if (filter.recordedTo !== undefined) add('recorded_at < ?', filterTime('recordedTo', filter.recordedTo));

    const order = filter.direction === 'backwards' ? 'DESC' : 'ASC';
    const sql = `SELECT ${EVENT_COLUMNS} FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY position ${order} LIMIT ?`;
    let statement = this.queryCache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queryCache.set(sql, statement);
    }
    return (statement.all(...params, limit) as EventRow[]).map(toRecorded);
  }
}
