import { EventToAppend, RecordedEvent } from '@toc/domain';

/**
 * Expected stream state for an optimistic append: a revision (0-based index of the last event),
 * 'no-stream' (the stream must not exist), or 'any' (no check).
 */
export type ExpectedRevision = number | 'no-stream' | 'any';

/*
 * Positions. Every stored event has a global `position`: a positive integer, unique across all
 * streams, strictly increasing in the order readAll and subscribeToAll deliver events. That is
 * all a position promises. Positions are not dense and do not start at 1 in every store (the
 * SQLite store numbers events 1, 2, 3, ...; the KurrentDB store uses the byte offset of the event
 * in the server's transaction log, which also holds system records). So:
 * - compare positions, never compute with them: the difference of two positions is not a number
 *   of events, and `position - 1` or `position + 1` is not a position;
 * - a checkpoint (`after`) is 0 (before the first event) or a position this store returned: an
 *   event's, an append result's or the head. A store may refuse any other value (KurrentDB
 *   cannot start a read at an offset that is no event's). "Just before an append" is the head
 *   read before it.
 */

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written (or of the already stored one on a replay). */
  readonly position: number;
}

/** The stream was not at the expected revision; nothing was written. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${streamId} expected at revision ${expected}, found ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The store cannot take the request for a reason that is the store's, not the request's: its disk
 * is full (retry once space is freed) or its file is damaged (refused until an operator restores
 * it from a backup). Nothing was written.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: 'disk-full' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export interface ReadAllOptions {
  /** Read events with a position strictly greater than this (0 = from the start; see "Positions"). */
  readonly after?: number;
  readonly limit?: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Revision to start from (inclusive); defaults to the first (forwards) or last (backwards). */
  readonly fromRevision?: number;
  readonly limit?: number;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Deliver events with a position strictly greater than this checkpoint (0 or a position this store returned). */
  readonly after: number;
  readonly batchSize?: number;
  /** Receives events in position order, batch by batch; the next batch waits for the promise. */
  readonly onEvents: (events: readonly RecordedEvent[]) => Promise<void>;
  /**
   * Called when the subscription stops because the handler threw, or because the store failed in
   * a way that retrying would not mend (a store over a network resubscribes after a dropped
   * connection on its own).
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * The event store port. Every adapter passes the shared contract suite
 * (`event-store.contract.ts`).
 */
export interface EventStore {
  /**
   * Appends atomically. Events whose `metadata.eventId` is already stored in this stream are an
   * idempotent replay: when all of them are, nothing is written and the stored result is returned.
   */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from the checkpoint, then delivers new events as they are appended. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Position of the last stored event (0 for an empty store); a valid checkpoint. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

/**
 * One link of the tamper-evidence chain. Its hash covers the event at `position` and, through
 * the chain, every event before it: kept outside the store (in a report, a ticket, a letter), it
 * shows later that nothing up to that position was rewritten or removed, even by someone who
 * recomputed the whole chain.
 */
export interface ChainLink {
  readonly position: number;
  readonly hash: string;
}

/** A link as text, `position:hash`, the form evaluators copy into a report or a ticket. */
export const CHAIN_LINK_TEXT = /^(\d+):([0-9a-f]{64})$/;
export const chainLinkText = (link: ChainLink): string => `${link.position}:${link.hash}`;
export const parseChainLink = (text: string): ChainLink | null => {
  const match = CHAIN_LINK_TEXT.exec(text);
  return match ? { position: Number(match[1]), hash: match[2] } : null;
};

/** Result of checking the store's tamper-evidence chain. */
export interface IntegrityReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** The newest link that checked out (null for an empty store): the anchor to keep for later. */
  readonly head: ChainLink | null;
  /** The first event whose stored hash does not match its content and predecessor. */
  readonly firstBrokenLink?: { readonly position: number; readonly streamId: string; readonly eventId: string; readonly reason: string };
  /** For an anchor given to check: the hash stored at its position now (null when the position is gone). */
  readonly anchor?: ChainLink & { readonly found: string | null; readonly ok: boolean };
  /** What the database's own check of its file found (pages, b-trees, indexes); the chain is not walked over a damaged file. */
  readonly fileDamage?: readonly string[];
  /** The newest events were removed: the store had numbered events up to `upTo`, but none after `after` is left. */
  readonly removedNewest?: { readonly after: number; readonly upTo: number };
}

/** Damage a store found in its own file; it refuses writes from then on (`StoreUnavailableError`). */
export interface StoreDamage {
  /** The check that found it: the database's own check of the file, the hash chain, or the store's count of its events. */
  readonly check: 'file' | 'hash-chain' | 'removed-newest';
  readonly detail: string;
  /** When it was found, as an ISO time. */
  readonly detectedAt: string;
}

/** Implemented by stores that can prove nobody rewrote history. */
export interface IntegrityVerifier {
  /** Checks the whole chain and, when given, that the chain still passes through `anchor`. */
  verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport>;
  /** The newest link, without checking the chain. */
  chainHead(): Promise<ChainLink | null>;
}

/** Implemented by stores that notice damage to their own files (readiness asks it). */
export interface StoreHealth {
  /**
   * The damage found in the store so far, by any check or by any read or write that ran into it;
   * null while none. A store that found damage refuses writes until it is restored from a backup.
   */
  damage(): StoreDamage | null;
}
