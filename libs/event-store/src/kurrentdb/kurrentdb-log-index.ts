import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { EventMetadata, RecordedEvent, messageOf } from '@toc/domain';
import { ChainLink, IntegrityReport, IntegrityVerifier, ReadAllOptions } from '../event-store.port';
import { EventLogFilter, EventLogReader } from '../event-log.port';
import { SqliteEventLog } from '../sqlite/sqlite-event-log';
import { derivedColumns, eventRow, prepareInsert } from '../sqlite/sqlite-event-row';
import { AuditedRow, GENESIS_HASH, chainHash } from '../sqlite/sqlite-hash-chain';
import { SynchronousMode, openEventDatabase } from '../sqlite/sqlite-schema';

/** The global log the index copies: the adapter's own readAll (system events already left out). */
export interface LogSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

export interface KurrentDbLogIndexOptions {
  /** The index is derived and can be rebuilt from the server, so it need not fsync every commit. */
  readonly synchronous?: SynchronousMode;
  /** Events read from the server per page when catching up or verifying. */
  readonly pageSize?: number;
}

/** The index links every row as it copies it. */
type IndexedRow = AuditedRow & { readonly hash: string };

type BrokenLink = NonNullable<IntegrityReport['firstBrokenLink']>;

const VERIFY_CHUNK = 5_000;

/** Reads the server's log page by page, one event at a time. */
class ServerCursor {
  private page: RecordedEvent[] = [];
  private index = 0;
  private after = 0;
  private exhausted = false;

  constructor(
    private readonly source: LogSource,
    private readonly pageSize: number,
  ) {}

  async peek(): Promise<RecordedEvent | undefined> {
    if (this.index < this.page.length) return this.page[this.index];
    if (this.exhausted) return undefined;
    this.page = await this.source.readAll({ after: this.after, limit: this.pageSize });
    this.index = 0;
    if (this.page.length < this.pageSize) this.exhausted = true;
    if (this.page.length > 0) this.after = this.page[this.page.length - 1].position;
    return this.page[0];
  }

  skip(): void {
    this.index += 1;
  }
}

/**
 * What KurrentDB cannot answer itself, answered from a local copy of its log: the audit-log
 * queries (EventLogReader, with every filter, keyset-paged by position) and the
 * tamper-evidence chain (IntegrityVerifier).
 *
 * The copy is a SQLite file with the embedded store's schema, so `SqliteEventLog` answers the
 * queries exactly as it does for the embedded store. It is a read model of the log that catches
 * up on demand: every query first copies what the server has beyond the copy's head, so it sees
 * every event appended before it was asked (read your writes; commands depend on it), and an
 * idle copy costs one read per query. Each event is linked into a SHA-256 chain as it is
 * copied, with the embedded store's link function over position, stream, revision, id, type,
 * data and metadata. Several processes may share the file: copying runs in a write
 * transaction that skips what another process has copied meanwhile.
 *
 * Verifying walks the server's log and the copy side by side: every copied event must still be
 * on the server, unchanged, at its position, and the copy must still match its own links. So it
 * catches events removed from the server (a deleted and scavenged stream, a truncation) or
 * changed in its files, as well as an edited copy; an anchor kept elsewhere also catches a copy
 * rebuilt from a server that was changed before.
 */
export class KurrentDbLogIndex implements EventLogReader, IntegrityVerifier {
  private readonly log: SqliteEventLog;
  private readonly insert: ReturnType<typeof prepareInsert>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly copyPage: (page: readonly RecordedEvent[]) => void;
  private readonly pageSize: number;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly source: LogSource,
    pageSize: number,
  ) {
    this.log = new SqliteEventLog(db);
    this.insert = prepareInsert(db);
    this.statements = prepareStatements(db);
    this.copyPage = db.transaction((page: readonly RecordedEvent[]) => this.copyLocked(page)).immediate;
    this.pageSize = pageSize;
  }

  static open(filePath: string, source: LogSource, options: KurrentDbLogIndexOptions = {}): KurrentDbLogIndex {
    const pageSize = options.pageSize ?? 1_000;
    if (!Number.isInteger(pageSize) || pageSize <= 0) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
    return openEventDatabase(filePath, options.synchronous ?? 'NORMAL', (db) => new KurrentDbLogIndex(db, source, pageSize));
  }

  async queryLog(filter: EventLogFilter): Promise<RecordedEvent[]> {
    await this.catchUp();
    return this.log.queryLog(filter);
  }

  async chainHead(): Promise<ChainLink | null> {
    await this.catchUp();
    return this.statements.lastLink.get() ?? null;
  }

  async verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport> {
    await this.catchUp();
    const anchorCheck = anchor && { ...anchor, found: this.statements.hashAt.get(anchor.position)?.hash ?? null };
    const withAnchor = (report: Omit<IntegrityReport, 'anchor'>): IntegrityReport => {
      if (!anchorCheck) return report;
      const anchorOk = anchorCheck.found === anchorCheck.hash;
      return { ...report, ok: report.ok && anchorOk, anchor: { ...anchorCheck, ok: anchorOk } };
    };
    const server = new ServerCursor(this.source, this.pageSize);
    let head: ChainLink | null = null;
    let eventsChecked = 0;
    for (let after = 0; ; ) {
      const rows = this.statements.chunk.all(after, VERIFY_CHUNK);
      for (const row of rows) {
        const broken = await brokenLink(head?.hash ?? GENESIS_HASH, row, server);
        if (broken) return withAnchor({ ok: false, eventsChecked, head, firstBrokenLink: broken });
        eventsChecked += 1;
        head = { position: row.position, hash: row.hash };
      }
      if (rows.length < VERIFY_CHUNK) return withAnchor({ ok: true, eventsChecked, head });
      after = rows[rows.length - 1].position;
      await yieldToEventLoop();
    }
  }

  /**
   * Copies what the server holds beyond the copy's head. A call made while a copy is running
   * waits for the next one, which starts after it: a copy already under way may have read the
   * server before the caller's own append.
   */
  catchUp(): Promise<void> {
    if (!this.running) {
      this.running = this.copyAll().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.catchUp();
      });
    return this.next;
  }

  close(): void {
    this.db.close();
  }

  private async copyAll(): Promise<void> {
    for (;;) {
      const head = this.statements.lastLink.get()?.position ?? 0;
      const page = await this.source.readAll({ after: head, limit: this.pageSize });
      if (page.length === 0) return;
      try {
        this.copyPage(page);
      } catch (error) {
        const message = messageOf(error);
        throw new Error(`the local log index cannot take the events after position ${head}: ${message}`);
      }
      if (page.length < this.pageSize) return;
    }
  }

  private copyLocked(page: readonly RecordedEvent[]): void {
    const last = this.statements.lastLink.get();
    let previous = last?.hash ?? GENESIS_HASH;
    let head = last?.position ?? 0;
    for (const event of page) {
      // Another process sharing the file may have copied these already.
      if (event.position <= head) continue;
      const row = eventRow(event.streamId, event.position, event.revision, event);
      previous = chainHash(previous, row);
      this.insert(row, event.metadata, previous);
      head = event.position;
    }
  }
}

const prepareStatements = (db: Database.Database) => ({
  lastLink: db.prepare<[], ChainLink>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
  chunk: db.prepare<[number, number], IndexedRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
  hashAt: db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?'),
});

/** Why the link of a copied row no longer holds, checked against the copy and against the server. */
const brokenLink = async (previousHash: string, row: IndexedRow, server: ServerCursor): Promise<BrokenLink | undefined> => {
  const at = (reason: string, event: { position: number; streamId: string; eventId: string } = { position: row.position, streamId: row.stream_id, eventId: row.event_id }) => ({
    ...event,
    reason,
  });
  if (row.hash !== chainHash(previousHash, row)) return at('the local index row does not match its hash');
  let metadata: EventMetadata;
  try {
    metadata = JSON.parse(row.metadata) as EventMetadata;
  } catch {
    return at('the local index row holds metadata that is not valid JSON');
  }
  for (const [column, value] of Object.entries(derivedColumns(metadata))) {
    if (row[column as keyof IndexedRow] !== value) return at(`column ${column} of the local index does not match the event metadata`);
  }
  const stored = await server.peek();
  if (stored && stored.position < row.position) {
    return at('the server holds an event the chain does not have (it was inserted into the log after it was indexed)', {
      position: stored.position,
      streamId: stored.streamId,
      eventId: stored.metadata.eventId,
    });
  }
  if (!stored || stored.position > row.position) return at('the event is no longer on the server (deleted, truncated or scavenged)');
  server.skip();
  if (chainHash(previousHash, eventRow(stored.streamId, stored.position, stored.revision, stored)) !== row.hash) {
    return at('the event on the server differs from the one indexed');
  }
  return undefined;
};
