import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  ANY,
  AllStreamResolvedEvent,
  AppendResult,
  BACKWARDS,
  END,
  EVENT_TYPE,
  EventData,
  Filter,
  NO_STREAM,
  Position,
  START,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { KurrentClient } from './kurrentdb-event-store';

/*
 * An in-memory stand-in for the KurrentDB client, for testing the adapter's own logic (batching,
 * resubscription, idempotency, read-back, the log index) on a machine without a server. It
 * follows the client's documented behaviour as far as the adapter relies on it: positions are
 * sparse byte offsets with commit = prepare, reads of $all from a position include the event
 * there and refuse an offset that is no event's, subscriptions from a position exclude it, a
 * read of a missing stream fails with StreamNotFoundError, a conflicting append fails with
 * WrongExpectedVersionError, and a repeated append at the same expected revision is
 * acknowledged without writing and without a position. It is not KurrentDB: passing against it
 * says nothing about the real server, which only the int-spec with KURRENTDB_URL checks.
 */

interface SimRecord {
  position: bigint;
  /** Set for an event of an explicit transaction: its prepare position, before the commit record's. */
  prepare?: bigint;
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created: Date;
}

const RECORD_OVERHEAD = 97n;

type AnyOptions = Record<string, unknown>;

const resolve = (record: SimRecord): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      isJson: true,
      created: record.created,
      data: JSON.parse(record.data),
      metadata: record.metadata ? JSON.parse(record.metadata) : undefined,
      position: { commit: record.position, prepare: record.prepare ?? record.position },
    },
    commitPosition: record.position,
  }) as AllStreamResolvedEvent;

const passes = (filter: Filter | undefined, record: SimRecord): boolean => {
  if (!filter) return true;
  const subject = filter.filterOn === EVENT_TYPE ? record.type : record.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
};

class SimulatedSubscription extends Readable {
  private cursor: number;
  private waiting = false;
  private readonly refused: boolean;

  constructor(
    private readonly server: SimulatedKurrentDb,
    from: typeof START | typeof END | Position,
    private readonly eventFilter: Filter | undefined,
    refusal: Error | undefined,
  ) {
    super({ objectMode: true, highWaterMark: 4 });
    this.cursor = server.options.inclusiveSubscriptions ? server.indexAt(from) : server.indexAfter(from);
    this.refused = refusal !== undefined;
    setImmediate(() => (refusal ? this.fail(refusal) : this.emit('confirmation')));
  }

  override _read(): void {
    this.waiting = true;
    this.pump();
  }

  pump(): void {
    if (!this.waiting || this.destroyed || this.refused) return;
    const log = this.server.log;
    while (this.cursor < log.length) {
      const record = log[this.cursor++];
      if (!passes(this.eventFilter, record)) continue;
      if (!this.push(resolve(record))) {
        this.waiting = false;
        return;
      }
    }
  }

  async unsubscribe(): Promise<void> {
    this.server.subscriptions.delete(this);
    this.destroy();
  }

  /** The connection drops: the stream fails as the client's does. */
  fail(error: Error): void {
    this.server.subscriptions.delete(this);
    this.destroy(error);
  }
}

export interface SimulationOptions {
  /** Subscriptions from a position deliver the event at it too (the adapter must not rely on either). */
  readonly inclusiveSubscriptions?: boolean;
}

export class SimulatedKurrentDb {
  readonly log: SimRecord[] = [];
  readonly subscriptions = new Set<SimulatedSubscription>();
  appendCalls = 0;
  subscribeCalls = 0;
  private end = 0n;
  private disposed = false;
  private refusals: Error[] = [];

  constructor(readonly options: SimulationOptions = {}) {
    // A server's log starts with records of its own.
    this.write('$epoch', '$epoch-information', {});
    this.write('$settings', '$settings', { acl: {} });
  }

  get client(): KurrentClient {
    return this as unknown as KurrentClient;
  }

  /** Events a writer other than the adapter adds, such as the server's own statistics. */
  writeSystemEvent(): void {
    this.write('$stats-127.0.0.1:2113', '$statsCollected', { cpu: 1 });
    this.notify();
  }

  /** Another client of the server appends to a stream, with metadata of its own choosing. */
  writeForeignEvent(streamId: string, type: string, data: unknown, metadata?: unknown): void {
    this.write(streamId, type, data, metadata);
    this.notify();
  }

  /** An event as a legacy explicit transaction stores it: its commit position is the commit record's, after its prepare. */
  writeTransactionEvent(streamId: string): void {
    const record = this.write(streamId, 'legacy-transacted', {});
    record.prepare = record.position;
    record.position = this.end;
    this.end += RECORD_OVERHEAD;
    this.notify();
  }

  /** The next subscriptions fail with these errors as soon as they are opened, one each. */
  refuseSubscriptions(...errors: Error[]): void {
    this.refusals.push(...errors);
  }

  /** Every open subscription's connection fails with `error`. */
  dropSubscriptions(error: Error): void {
    for (const subscription of [...this.subscriptions]) subscription.fail(error);
  }

  /** Changes a stored event's data in place, as someone editing the server's files would. */
  rewrite(position: number, data: unknown): void {
    this.recordAt(BigInt(position)).data = JSON.stringify(data);
  }

  /** Removes a stored event, as a deleted stream does once scavenged. */
  remove(position: number): void {
    this.log.splice(this.log.indexOf(this.recordAt(BigInt(position))), 1);
  }

  async appendToStream(streamName: string, input: EventData | EventData[], options: { streamState?: unknown } = {}): Promise<AppendResult> {
    this.ensureOpen();
    this.appendCalls += 1;
    await new Promise((done) => setImmediate(done));
    const events = Array.isArray(input) ? input : [input];
    const state = options.streamState ?? ANY;
    const stream = this.log.filter((record) => record.streamId === streamName);
    const current = stream.length > 0 ? stream[stream.length - 1].revision : undefined;
    if (state !== ANY) {
      const base = state === NO_STREAM ? -1n : (state as bigint);
      const following = stream.filter((record) => record.revision > base).slice(0, events.length);
      if (following.length === events.length && following.every((record, i) => record.id === events[i].id)) {
        return { success: true, nextExpectedRevision: base + BigInt(events.length), position: undefined };
      }
      if ((state === NO_STREAM && current !== undefined) || (state !== NO_STREAM && current !== state)) {
        throw new WrongExpectedVersionError(undefined, { streamName, expected: state as bigint, current: current ?? NO_STREAM });
      }
    }
    let revision = current ?? -1n;
    let last: SimRecord | undefined;
    for (const event of events) {
      revision += 1n;
      last = this.write(streamName, event.type, event.data, event.metadata, event.id, revision);
    }
    this.notify();
    return { success: true, nextExpectedRevision: revision, position: { commit: last!.position, prepare: last!.position } };
  }

  readStream(streamName: string, options: AnyOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    const server = this;
    return (async function* () {
      server.ensureOpen();
      await new Promise((done) => setImmediate(done));
      const stream = server.log.filter((record) => record.streamId === streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const ordered = backwards ? [...stream].reverse() : stream;
      const selected = ordered.filter((record) =>
        from === START || from === END ? true : backwards ? record.revision <= (from as bigint) : record.revision >= (from as bigint),
      );
      for (const record of selected.slice(0, max)) yield resolve(record);
    })();
  }

  readAll(options: AnyOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    const server = this;
    return (async function* () {
      server.ensureOpen();
      await new Promise((done) => setImmediate(done));
      const backwards = options.direction === BACKWARDS;
      const from = (options.fromPosition ?? (backwards ? END : START)) as typeof START | typeof END | Position;
      const filter = options.filter as Filter | undefined;
      let max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      if (backwards) {
        if (from !== END) throw new Error('the simulation reads $all backwards from the end only');
        for (let i = server.log.length - 1; i >= 0 && max > 0; i--) {
          if (!passes(filter, server.log[i])) continue;
          max -= 1;
          yield resolve(server.log[i]);
        }
        return;
      }
      for (let i = server.indexAt(from); i < server.log.length && max > 0; i++) {
        if (!passes(filter, server.log[i])) continue;
        max -= 1;
        yield resolve(server.log[i]);
      }
    })();
  }

  subscribeToAll(options: AnyOptions = {}): SimulatedSubscription {
    this.ensureOpen();
    this.subscribeCalls += 1;
    const subscription = new SimulatedSubscription(this, (options.fromPosition ?? START) as typeof START | Position, options.filter as Filter | undefined, this.refusals.shift());
    this.subscriptions.add(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const subscription of [...this.subscriptions]) await subscription.unsubscribe();
  }

  /** Index of the first record a read from `from` returns (the record at `from` included). */
  indexAt(from: typeof START | typeof END | Position): number {
    if (from === START) return 0;
    if (from === END) return this.log.length;
    if (from.commit !== from.prepare) throw new UnknownError(undefined, 'Invalid position.');
    const index = this.log.findIndex((record) => record.position >= from.commit);
    if (index < 0) {
      if (from.commit === this.end) return this.log.length;
      throw new UnknownError(undefined, 'Invalid position.');
    }
    if (this.log[index].position !== from.commit) throw new UnknownError(undefined, 'Invalid position.');
    return index;
  }

  /** Index of the first record a subscription from `from` delivers (the record at `from` excluded). */
  indexAfter(from: typeof START | typeof END | Position): number {
    if (from === START || from === END) return from === START ? 0 : this.log.length;
    return this.indexAt(from) + 1;
  }

  private write(streamId: string, type: string, data: unknown, metadata?: unknown, id?: string, revision?: bigint): SimRecord {
    const record: SimRecord = {
      position: this.end,
      streamId,
      revision: revision ?? BigInt(this.log.filter((other) => other.streamId === streamId).length),
      id: id ?? randomUUID(),
      type,
      data: JSON.stringify(data),
      metadata: metadata === undefined ? '' : JSON.stringify(metadata),
      created: new Date(),
    };
    this.log.push(record);
    this.end += RECORD_OVERHEAD + BigInt(record.data.length + record.metadata.length + type.length + streamId.length);
    return record;
  }

  private recordAt(position: bigint): SimRecord {
    const record = this.log.find((candidate) => candidate.position === position);
    if (!record) throw new Error(`no record at ${position}`);
    return record;
  }

  private notify(): void {
    for (const subscription of this.subscriptions) subscription.pump();
  }

  private ensureOpen(): void {
    if (this.disposed) throw new Error('client is disposed');
  }
}
