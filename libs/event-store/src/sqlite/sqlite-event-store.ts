import Database from 'better-sqlite3';
import { EventToAppend, RecordedEvent } from '@toc/domain';
import {
  AppendResult,
  ChainLink,
  EventStore,
  ExpectedRevision,
  IntegrityReport,
  IntegrityVerifier,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventLogFilter, EventLogReader } from '../event-log.port';
import { SqliteAppender } from './sqlite-appender';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteEventReader } from './sqlite-event-reader';
import { SqliteHashChain } from './sqlite-hash-chain';
import { PlannerStatistics } from './sqlite-planner-statistics';
import { SynchronousMode, openEventDatabase } from './sqlite-schema';
import { DEFAULT_POLL_INTERVAL_MS, SqliteSubscriptions } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /**
   * Durability of an acknowledged append. In WAL mode:
   * - 'FULL' (default): the WAL is fsynced on every commit, so an append that resolved survives a
   *   power loss or OS crash. This is the policy for the system of record.
   * - 'NORMAL': the WAL is fsynced only at checkpoints. The file never corrupts and an application
   *   crash loses nothing, but the last appends before a power loss may be rolled back. Opt in only
   *   where that is acceptable (bulk imports, benchmarks, throwaway stores).
   */
  readonly synchronous?: SynchronousMode;
  /** How often idle subscriptions look for appends made by other processes on the same file. */
  readonly pollIntervalMs?: number;
}

/**
 * Event store on a single SQLite file (WAL mode). Several processes may open the same file: appends
 * serialise on SQLite's write lock, and subscriptions poll to see other processes' appends. Each
 * job lives in its own part on the one connection; this class composes them behind the ports.
 */
export class SqliteEventStore implements EventStore, IntegrityVerifier, EventLogReader {
  private readonly reader: SqliteEventReader;
  private readonly chain: SqliteHashChain;
  private readonly log: SqliteEventLog;
  private readonly subscriptions: SqliteSubscriptions;
  private readonly statistics: PlannerStatistics;
  private readonly appender: SqliteAppender;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    pollIntervalMs: number,
  ) {
    this.reader = new SqliteEventReader(db);
    this.chain = new SqliteHashChain(db);
    this.log = new SqliteEventLog(db);
    this.subscriptions = new SqliteSubscriptions((after, limit) => this.reader.readAfter(after, limit), pollIntervalMs);
    this.statistics = new PlannerStatistics(db, () => this.reader.headPosition());
    this.appender = new SqliteAppender(db, this.chain, (head) => this.afterCommit(head));
  }

  static open(filePath: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const synchronous = options.synchronous ?? 'FULL';
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error(`unsupported synchronous mode ${String(synchronous)}`);
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!(pollIntervalMs > 0)) throw new RangeError(`pollIntervalMs must be positive, got ${pollIntervalMs}`);
    return openEventDatabase(filePath, synchronous, (db) => {
      const store = new SqliteEventStore(db, pollIntervalMs);
      store.statistics.refreshIfStale();
      return store;
    });
  }

  /** Resolves once the events are committed (durable under synchronous=FULL). */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    return this.appender.append(streamId, events, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.reader.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('event store is closed');
    return this.subscriptions.start(options);
  }

  async headPosition(): Promise<number> {
    return this.reader.headPosition();
  }

  verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport> {
    return this.chain.verifyIntegrity(anchor);
  }

  chainHead(): Promise<ChainLink | null> {
    return this.chain.chainHead();
  }

  queryLog(filter: EventLogFilter): Promise<RecordedEvent[]> {
    return this.log.queryLog(filter);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statistics.stop();
    await this.subscriptions.closeAll();
    this.db.close();
  }

  private afterCommit(head: number): void {
    this.subscriptions.wakeAll();
    this.statistics.refreshSoonIfStale(head);
  }
}
