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
  StoreDamage,
  StoreHealth,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventLogFilter, EventLogReader } from '../event-log.port';
import { SqliteAppender } from './sqlite-appender';
import { DamageRecord } from './sqlite-damage';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteEventReader } from './sqlite-event-reader';
import { fileDamage, isDamagedFile, sqliteStoreFailure } from './sqlite-failure';
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
 * Failures that are the file's, not the caller's, surface as `StoreUnavailableError`: a full disk
 * fails that request only; damage, once found (on opening, by `verifyIntegrity`, or by any read or
 * write that runs into it), refuses every later write.
 */
export class SqliteEventStore implements EventStore, IntegrityVerifier, EventLogReader, StoreHealth {
  private readonly reader: SqliteEventReader;
  private readonly chain: SqliteHashChain;
  private readonly log: SqliteEventLog;
  private readonly subscriptions: SqliteSubscriptions;
  private readonly statistics: PlannerStatistics;
  private readonly appender: SqliteAppender;
  private readonly damaged: DamageRecord;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    pollIntervalMs: number,
  ) {
    this.reader = new SqliteEventReader(db);
    this.chain = new SqliteHashChain(db);
    this.log = new SqliteEventLog(db);
    this.subscriptions = new SqliteSubscriptions((after, limit) => this.read(() => this.reader.readAfter(after, limit)), pollIntervalMs);
    this.statistics = new PlannerStatistics(db, () => this.reader.headPosition());
    this.appender = new SqliteAppender(db, this.chain, (head) => this.afterCommit(head), (error) => this.failed(error));
    this.damaged = new DamageRecord(file);
  }

  static open(filePath: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const synchronous = options.synchronous ?? 'FULL';
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error(`unsupported synchronous mode ${String(synchronous)}`);
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!(pollIntervalMs > 0)) throw new RangeError(`pollIntervalMs must be positive, got ${pollIntervalMs}`);
    return openEventDatabase(filePath, synchronous, (db) => {
      const store = new SqliteEventStore(db, filePath, pollIntervalMs);
      // A damaged file is refused writes from the start rather than from the first one that hits the damage.
      if (!store.damaged.known) store.recordFileDamage(fileDamage(db));
      // ANALYZE writes, and a damaged file gets no more writes.
      if (!store.damaged.known) store.statistics.refreshIfStale();
      return store;
    });
  }

  /** Resolves once the events are committed (durable under synchronous=FULL). */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    if (this.damaged.known) return Promise.reject(this.damaged.refusal());
    return this.appender.append(streamId, events, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.read(() => this.reader.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.read(() => this.reader.readAll(options));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('event store is closed');
    return this.subscriptions.start(options);
  }

  async headPosition(): Promise<number> {
    return this.read(() => this.reader.headPosition());
  }

  /**
   * SQLite's check of the file, then the chain. What either finds, except an anchor that does
   * not match (the anchor may be the one that is wrong), counts as damage and stops writes.
   */
  async verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport> {
    const report = await this.checkedReport(anchor);
    if (report.fileDamage) this.recordFileDamage(report.fileDamage);
    const broken = report.firstBrokenLink;
    if (broken) this.damaged.record('hash-chain', `position ${broken.position} (event ${broken.eventId}): ${broken.reason}`);
    const removed = report.removedNewest;
    if (removed) this.damaged.record('removed-newest', `events after position ${removed.after} up to ${removed.upTo} were removed`);
    return report;
  }

  async chainHead(): Promise<ChainLink | null> {
    return this.read(() => this.chain.lastLink() ?? null);
  }

  damage(): StoreDamage | null {
    return this.damaged.current();
  }

  queryLog(filter: EventLogFilter): Promise<RecordedEvent[]> {
    return this.read(() => this.log.queryLog(filter));
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

  private async checkedReport(anchor?: ChainLink): Promise<IntegrityReport> {
    const damage = fileDamage(this.db);
    if (damage.length > 0) return { ok: false, eventsChecked: 0, head: null, fileDamage: damage };
    try {
      return await this.chain.verifyIntegrity(anchor);
    } catch (error) {
      if (!isDamagedFile(error)) throw error;
      return { ok: false, eventsChecked: 0, head: null, fileDamage: [(error as Error).message] };
    }
  }

  private recordFileDamage(messages: readonly string[]): void {
    if (messages.length > 0) this.damaged.record('file', `SQLite's quick_check: ${messages.join('; ')}`);
  }

  private read<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** The error a caller sees for one raised by SQLite: the port's when the file is at fault. */
  private failed(error: unknown): unknown {
    const failure = sqliteStoreFailure(error, this.file);
    if (failure?.reason !== 'damaged') return failure ?? error;
    this.damaged.record('file', (error as Error).message);
    return this.damaged.refusal();
  }
}
