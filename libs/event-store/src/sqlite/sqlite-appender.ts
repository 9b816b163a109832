import Database from 'better-sqlite3';
import { EventToAppend } from '@toc/domain';
import { AppendResult, ExpectedRevision, WrongExpectedVersionError } from '../event-store.port';
import { eventRow, prepareInsert } from './sqlite-event-row';
import { GENESIS_HASH, SqliteHashChain, chainHash } from './sqlite-hash-chain';

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface StoredId {
  readonly event_id: string;
  readonly stream_id: string;
  readonly position: number;
}

const prepareStatements = (db: Database.Database) => ({
  insert: prepareInsert(db),
  // CROSS JOIN keeps the id list as the outer loop, so each id is one probe of the event_id index;
  // `event_id IN (SELECT value FROM json_each(?))` first builds a temporary index of the list.
  storedIds: db.prepare<[string], StoredId>(
    'SELECT events.event_id, events.stream_id, events.position FROM json_each(?) AS ids CROSS JOIN events ON events.event_id = ids.value',
  ),
  lastRevision: db.prepare<[string], { revision: number }>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
});

/**
 * Writes appends with group commit: the appends that arrive while the event loop is busy are
 * written in one transaction, so they share one fsync. In a group of several, each runs inside its
 * own savepoint (a nested transaction), so a refused append rolls back alone. An append alone in
 * its group needs none: rolling back the transaction undoes just that append, and a savepoint is
 * not free (SQLite copies aside every page it first changes inside one). IMMEDIATE takes the
 * write lock up front, so revision checks and inserts see the same state even when another
 * process appends.
 */
export class SqliteAppender {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendInSavepoint: (append: PendingAppend) => AppendResult;
  private readonly commitGroup: (appends: readonly PendingAppend[]) => (AppendResult | Error)[];
  private pending: PendingAppend[] = [];

  /**
   * `onCommitted` receives the new head position after each group that wrote at least one event;
   * `failed` turns the error an append is rejected with into the one its caller sees.
   */
  constructor(
    db: Database.Database,
    private readonly chain: SqliteHashChain,
    private readonly onCommitted: (head: number) => void,
    private readonly failed: (error: unknown) => unknown,
  ) {
    this.statements = prepareStatements(db);
    this.appendInSavepoint = db.transaction((append: PendingAppend) => this.appendLocked(append));
    this.commitGroup = db.transaction((appends: readonly PendingAppend[]): (AppendResult | Error)[] => {
      if (appends.length === 1) return [this.appendLocked(appends[0])];
      return appends.map((append) => {
        try {
          return this.appendInSavepoint(append);
        } catch (error) {
          // A full disk can end the whole transaction (SQLite rolls it back): then no append of the
          // group is kept, and the next one must not start a transaction of its own.
          if (!db.inTransaction) throw error;
          return error instanceof Error ? error : new Error(String(error));
        }
      });
    }).immediate;
  }

  /** Resolves once the group holding this append is committed. */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    let outcomes: (AppendResult | Error)[];
    try {
      outcomes = this.commitGroup(group);
    } catch (error) {
      const failure = this.failed(error);
      for (const append of group) append.reject(failure);
      return;
    }
    let head = 0;
    group.forEach((append, index) => {
      const outcome = outcomes[index];
      if (outcome instanceof Error) append.reject(this.failed(outcome));
      else {
        head = Math.max(head, outcome.position);
        append.resolve(outcome);
      }
    });
    if (head > 0) this.onCommitted(head);
  }

  private appendLocked({ streamId, events, expected }: PendingAppend): AppendResult {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    const eventIds = events.map((event) => event.metadata?.eventId);
    if (eventIds.some((id) => typeof id !== 'string' || id === '')) throw new Error(`append to ${streamId}: every event needs metadata.eventId`);
    if (new Set(eventIds).size !== eventIds.length) throw new Error(`append to ${streamId}: the batch repeats an event id`);

    const stored = this.statements.storedIds.all(JSON.stringify(eventIds));
    if (stored.length > 0) return this.replayResult(streamId, eventIds, stored);

    const current = this.statements.lastRevision.get(streamId)?.revision;
    const matches = expected === 'any' || (expected === 'no-stream' ? current === undefined : current === expected);
    if (!matches) throw new WrongExpectedVersionError(streamId, expected, current ?? 'no-stream');

    const last = this.chain.lastLink();
    let previousHash = last?.hash ?? GENESIS_HASH;
    let position = Math.max(this.chain.highWater(), last?.position ?? 0);
    let revision = current ?? -1;
    for (const event of events) {
      position += 1;
      revision += 1;
      const row = eventRow(streamId, position, revision, event);
      previousHash = chainHash(previousHash, row);
      this.statements.insert(row, event.metadata, previousHash);
    }
    return { nextExpectedRevision: revision, position };
  }

  /** Some event ids are stored already: a replay of the whole batch to the same stream gets the stored result, anything else is refused. */
  private replayResult(streamId: string, eventIds: readonly string[], stored: readonly StoredId[]): AppendResult {
    const elsewhere = stored.find((row) => row.stream_id !== streamId);
    if (elsewhere) throw new Error(`append to ${streamId}: event ${elsewhere.event_id} is already stored in stream ${elsewhere.stream_id}`);
    if (stored.length !== eventIds.length) {
      throw new Error(
        `append to ${streamId}: ${stored.length} of ${eventIds.length} event ids are already stored; a replay must repeat the whole batch`,
      );
    }
    const lastId = eventIds[eventIds.length - 1];
    return {
      nextExpectedRevision: this.statements.lastRevision.get(streamId)!.revision,
      position: stored.find((row) => row.event_id === lastId)!.position,
    };
  }
}
