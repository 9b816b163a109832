import {
  AllStreamResolvedEvent,
  AppendResult as KurrentAppendResult,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  StreamState,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import { EventToAppend, RecordedEvent } from '@toc/domain';
import { EventLogFilter, EventLogReader } from '../event-log.port';
import {
  AppendResult,
  ChainLink,
  EventStore,
  ExpectedRevision,
  IntegrityReport,
  IntegrityVerifier,
  ReadAllOptions,
  ReadStreamOptions,
  StoreHealth,
  SubscribeOptions,
  Subscription,
  WrongExpectedVersionError,
} from '../event-store.port';
import { SynchronousMode } from '../sqlite/sqlite-schema';
import { KurrentDbLogIndex } from './kurrentdb-log-index';
import { isTransient, toKurrentEvent, toReadPosition, toRecordedEvent, toStreamState } from './kurrentdb-mapping';
import { DEFAULT_RECONNECT, KurrentDbSubscriptions, ReconnectPolicy } from './kurrentdb-subscription';
import { connectionStringProblem, redactConnectionString } from './kurrentdb-url';

/** The part of the KurrentDB client this adapter uses (a stand-in can take its place in tests). */
export type KurrentClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export interface KurrentDbEventStoreOptions {
  /** How a dropped subscription waits before it resubscribes. */
  readonly reconnect?: ReconnectPolicy;
}

/**
 * How often an append with 'any' is tried again when another writer extends the stream between
 * reading its revision and writing at it.
 */
const ANY_ATTEMPTS = 50;

const checkLimit = (limit: number | undefined, where: string): number | undefined => {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`${where}: limit must be a non-negative integer, got ${limit}`);
  return limit;
};

const collect = async (reads: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const resolved of reads) {
    const event = toRecordedEvent(resolved);
    if (event) events.push(event);
  }
  return events;
};

/**
 * Event store on a KurrentDB server or cluster, through `@kurrent/kurrentdb-client`. A thin
 * adapter: streams, revisions, optimistic concurrency, atomic batches, $all and catch-up
 * subscriptions are KurrentDB's own; this class maps them onto the port and adds what the port
 * promises beyond them:
 *
 * - Idempotent replays hold exactly, not best-effort: before an append to an existing stream
 *   (a revision or 'any') and after a conflict the stream is read, and a batch whose event ids
 *   are all stored gets the stored result without writing ('any' is written at the revision
 *   just read, so a concurrent duplicate turns into a conflict that the next read recognises).
 *   Ids are looked for in the stream appended to only.
 * - The result of an append is read back: the position it reports is the stored event's, as
 *   readAll and subscriptions report it (a server-side idempotent acknowledgement does not
 *   carry it reliably across server versions).
 * - Positions are the events' commit positions (see `toPortPosition`); system events ($-types)
 *   are filtered out on the server for $all reads, the head and subscriptions.
 *
 * The audit-log queries and the hash chain are not served by the server: see
 * `IndexedKurrentDbEventStore`.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions: KurrentDbSubscriptions;
  private closed = false;

  constructor(
    protected readonly client: KurrentClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.subscriptions = new KurrentDbSubscriptions(
      (after) => this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: excludeSystemEvents() }),
      options.reconnect ?? DEFAULT_RECONNECT,
    );
  }

  /**
   * Connects and makes one read, so that a server that cannot be reached (or a connection string
   * it refuses) stops start-up with a message naming it instead of failing the first request.
   */
  static async connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
    const client = await connectClient(connectionString);
    return new KurrentDbEventStore(client, options);
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    const eventIds = events.map((event) => event.metadata?.eventId);
    if (eventIds.some((id) => typeof id !== 'string' || id === '')) throw new Error(`append to ${streamId}: every event needs metadata.eventId`);
    if (new Set(eventIds).size !== eventIds.length) throw new Error(`append to ${streamId}: the batch repeats an event id`);
    const proposed = events.map(toKurrentEvent);
    toStreamState(expected);

    for (let attempt = 1; ; attempt++) {
      let state: StreamState = NO_STREAM;
      if (expected !== 'no-stream') {
        // A new stream cannot hold the ids yet; an existing one is looked at first.
        const stored = await this.readStream(streamId);
        const replay = replayResult(streamId, eventIds, stored);
        if (replay) return replay;
        const current = stored.length > 0 ? stored[stored.length - 1].revision : 'no-stream';
        if (expected !== 'any' && current !== expected) throw new WrongExpectedVersionError(streamId, expected, current);
        state = current === 'no-stream' ? NO_STREAM : BigInt(current);
      }
      let written: KurrentAppendResult | undefined;
      try {
        written = await this.client.appendToStream(streamId, proposed, { streamState: state });
      } catch (error) {
        if (!(error instanceof KurrentWrongExpectedVersionError)) throw error;
      }
      if (written?.success) return this.readBack(streamId, eventIds, state, written);
      // A conflict: another writer got there first, or this batch is already stored.
      if (expected === 'any' && attempt < ANY_ATTEMPTS) continue;
      const stored = await this.readStream(streamId);
      const replay = replayResult(streamId, eventIds, stored);
      if (replay) return replay;
      throw new WrongExpectedVersionError(streamId, expected, stored.length > 0 ? stored[stored.length - 1].revision : 'no-stream');
    }
  }

  /** The stored position and revision of an acknowledged append, from its last event as read back. */
  private async readBack(streamId: string, eventIds: readonly string[], state: StreamState, written: KurrentAppendResult): Promise<AppendResult> {
    const lastRevision = (state === NO_STREAM ? -1 : Number(state)) + eventIds.length;
    const [last] = await this.readStream(streamId, { fromRevision: lastRevision, limit: 1 });
    if (last?.metadata.eventId === eventIds[eventIds.length - 1]) {
      return { nextExpectedRevision: Math.max(lastRevision, Number(written.nextExpectedRevision)), position: last.position };
    }
    // Acknowledged as a duplicate of a batch stored elsewhere in the stream.
    const replay = replayResult(streamId, eventIds, await this.readStream(streamId));
    if (replay) return replay;
    throw new Error(`append to ${streamId}: KurrentDB acknowledged the append, but revision ${lastRevision} does not hold its last event`);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = checkLimit(options.limit, 'readStream');
    if (limit === 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    if (from !== undefined && (!Number.isSafeInteger(from) || from < 0)) throw new RangeError(`readStream: fromRevision must be a non-negative integer, got ${from}`);
    try {
      return await collect(
        this.client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: from === undefined ? (backwards ? END : START) : BigInt(from),
          ...(limit === undefined ? {} : { maxCount: limit }),
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = checkLimit(options.limit, 'readAll');
    if (limit === 0) return [];
    // A read from a position includes the event there, so one more is asked for and it is dropped.
    const events = await withPositionHint(after, () =>
      collect(
        this.client.readAll({
          fromPosition: toReadPosition(after),
          filter: excludeSystemEvents(),
          ...(limit === undefined ? {} : { maxCount: limit + 1 }),
        }),
      ),
    );
    const later = events.filter((event) => event.position > after);
    return limit === undefined ? later : later.slice(0, limit);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('event store is closed');
    return this.subscriptions.start(options);
  }

  async headPosition(): Promise<number> {
    const [last] = await collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() }));
    return last?.position ?? 0;
  }

  protected get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.client.dispose();
  }
}

/**
 * An append whose event ids are already stored in the stream: the stored result when all of
 * them are, a refusal when only some are (a replay repeats the whole batch), null when none are.
 */
export const replayResult = (streamId: string, eventIds: readonly string[], stored: readonly RecordedEvent[]): AppendResult | null => {
  const byId = new Map(stored.map((event) => [event.metadata.eventId, event]));
  const found = eventIds.filter((id) => byId.has(id)).length;
  if (found === 0) return null;
  if (found < eventIds.length) {
    throw new Error(`append to ${streamId}: ${found} of ${eventIds.length} event ids are already stored; a replay must repeat the whole batch`);
  }
  return { nextExpectedRevision: stored[stored.length - 1].revision, position: byId.get(eventIds[eventIds.length - 1])!.position };
};

/** Names the likely cause when KurrentDB refuses to read from a position the caller made up. */
const withPositionHint = async <T>(after: number, read: () => Promise<T>): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    if (after > 0 && error instanceof Error && !(error instanceof StreamNotFoundError)) {
      error.message = `${error.message} (reading $all after position ${after}: a position must be 0 or one this store returned, an event's or the head; KurrentDB positions are byte offsets, so position ± 1 is not one)`;
    }
    throw error;
  }
};

/** A client for the connection string, checked by one read of the log's head. */
export const connectClient = async (connectionString: string): Promise<KurrentDBClient> => {
  const problem = connectionStringProblem(connectionString);
  const shown = redactConnectionString(connectionString);
  if (problem) throw new Error(`KurrentDB connection string ${shown} is not valid: ${problem}`);
  const client = KurrentDBClient.connectionString(connectionString);
  try {
    for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() })) break;
  } catch (error) {
    await client.dispose().catch(() => undefined);
    const cause = isTransient(error)
      ? 'no answer (is the server running, and are the host, port and tls setting of the connection string right?)'
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
    throw new Error(`cannot read from KurrentDB at ${shown}: ${cause}`);
  }
  return client;
};

export interface IndexedKurrentDbEventStoreOptions extends KurrentDbEventStoreOptions {
  /** The SQLite file of the local log index (created when missing, rebuilt from the server when deleted). */
  readonly logIndexFile: string;
  readonly logIndexSynchronous?: SynchronousMode;
}

/**
 * The KurrentDB store with what the apps need beside the port: the audit-log queries and the
 * tamper-evidence chain, served by a local index of the server's log (`KurrentDbLogIndex`).
 */
export class IndexedKurrentDbEventStore extends KurrentDbEventStore implements EventLogReader, IntegrityVerifier, StoreHealth {
  private readonly index: KurrentDbLogIndex;

  constructor(client: KurrentClient, options: IndexedKurrentDbEventStoreOptions) {
    super(client, options);
    this.index = KurrentDbLogIndex.open(options.logIndexFile, this, { synchronous: options.logIndexSynchronous });
  }

  static async open(connectionString: string, options: IndexedKurrentDbEventStoreOptions): Promise<IndexedKurrentDbEventStore> {
    const client = await connectClient(connectionString);
    try {
      return new IndexedKurrentDbEventStore(client, options);
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
  }

  queryLog(filter: EventLogFilter): Promise<RecordedEvent[]> {
    return this.index.queryLog(filter);
  }

  verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport> {
    return this.index.verifyIntegrity(anchor);
  }

  chainHead(): Promise<ChainLink | null> {
    return this.index.chainHead();
  }

  /** The server guards its own files; what `verifyIntegrity` finds is reported, not kept. */
  damage(): null {
    return null;
  }

  override async close(): Promise<void> {
    const open = !this.isClosed;
    await super.close();
    if (open) this.index.close();
  }
}
