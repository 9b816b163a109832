import { createHash } from 'node:crypto';
import {
  AllStreamResolvedEvent,
  CancelledError,
  DeadlineExceededError,
  EventData,
  NO_STREAM,
  NotLeaderError,
  Position,
  ReadPosition,
  ResolvedEvent,
  START,
  StreamState,
  TimeoutError,
  UnavailableError,
  ANY,
} from '@kurrent/kurrentdb-client';
import { EventMetadata, EventToAppend, RecordedEvent } from '@toc/domain';
import { ExpectedRevision } from '../event-store.port';

/*
 * The pure half of the KurrentDB adapter: how the port's events, metadata, revisions and
 * positions are written to and read from KurrentDB. Nothing here talks to a server.
 *
 * The tamper-evidence chain of the log index hashes what `toRecordedEvent` returns, so changing
 * the shape or key order it produces changes every recomputed link: keep it stable.
 */

/** A position, revision or stored event this adapter cannot represent faithfully. */
export class KurrentDbMappingError extends Error {
  override readonly name = 'KurrentDbMappingError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * KurrentDB identifies (and deduplicates) events by a UUID. The port's event ids are UUIDs
 * (random ones, or the 8-4-4-4-12 hex the command runner derives from an idempotency key), and
 * they are used as they are. Any other string is turned into a name-based UUID (version 5 layout
 * over SHA-1), so the same event id always gives the same KurrentDB id; the port's own id stays
 * in the metadata either way.
 */
export const toKurrentEventId = (eventId: string): string => {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const bytes = createHash('sha1').update(`toc-event-id\u0000${eventId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The metadata KurrentDB stores: its own `$correlationId` / `$causationId` plus the rest of the port's metadata. */
export type KurrentMetadata = Record<string, unknown> & { readonly $correlationId: string; readonly $causationId?: string };

export const toKurrentMetadata = ({ correlationId, causationId, ...rest }: EventMetadata): KurrentMetadata => ({
  $correlationId: correlationId,
  ...(causationId === null ? {} : { $causationId: causationId }),
  ...rest,
});

/** What KurrentDB knows of an event besides its metadata, for events not written through this port. */
export interface KurrentEventFacts {
  readonly id: string;
  readonly created: Date;
}

/** Stands for what an event written by another client of the server does not say (actor, source app). */
export const EXTERNAL = 'external';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Back to the port's metadata. Events written through this port carry all of it; for an event
 * another client wrote to the server, what is missing is filled from what KurrentDB knows (its
 * id and creation time, `$correlationId`/`$causationId` when given) and the actor and source
 * app read `external`, so such an event is visible, and visibly foreign, rather than fatal.
 */
export const fromKurrentMetadata = (raw: unknown, facts: KurrentEventFacts): EventMetadata => {
  const stored = isRecord(raw) ? raw : {};
  const { $correlationId, $causationId, eventId, schemaVersion, actor, sourceApp, occurredAt, recordedAt, ...rest } = stored;
  const created = facts.created.toISOString();
  return {
    eventId: typeof eventId === 'string' ? eventId : facts.id,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    correlationId: typeof $correlationId === 'string' ? $correlationId : facts.id,
    causationId: typeof $causationId === 'string' ? $causationId : null,
    actor: isRecord(actor) && typeof actor.userId === 'string' && typeof actor.role === 'string' ? (actor as unknown as EventMetadata['actor']) : { userId: EXTERNAL, role: EXTERNAL },
    sourceApp: typeof sourceApp === 'string' ? sourceApp : EXTERNAL,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : created,
    recordedAt: typeof recordedAt === 'string' ? recordedAt : created,
    ...rest,
  } as EventMetadata;
};

export const toKurrentEvent = (event: EventToAppend): EventData =>
  ({
    id: toKurrentEventId(event.metadata.eventId),
    contentType: 'application/json',
    type: event.type,
    data: event.data ?? null,
    metadata: toKurrentMetadata(event.metadata),
  }) as unknown as EventData;

export const toStreamState = (expected: ExpectedRevision): StreamState => {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`expected revision must be 'any', 'no-stream' or a non-negative integer, got ${expected}`);
  return BigInt(expected);
};

const toSafeNumber = (value: bigint, what: string): number => {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new KurrentDbMappingError(`KurrentDB ${what} ${value} is outside 0..2^53-1 and cannot be a JS number`);
  return Number(value);
};

/**
 * KurrentDB orders $all by {commit, prepare}, byte offsets into its transaction log. An event
 * appended with appendToStream is committed by its own record, so its commit and prepare
 * positions are equal, unique and grow with the log: the port's position is that number, exact
 * as a JS number below 2^53 bytes (8 PiB) of log. Events written in an explicit transaction
 * (the legacy TCP API) share their commit position; they cannot be told apart by one number and
 * are refused rather than mis-ordered.
 */
export const toPortPosition = (position: Position | undefined, what: string): number => {
  if (!position) throw new KurrentDbMappingError(`${what} has no log position (KurrentDB servers before 22.6 do not return positions on stream reads)`);
  if (position.commit !== position.prepare) {
    throw new KurrentDbMappingError(
      `${what} has commit position ${position.commit} and prepare position ${position.prepare}: it was written in an explicit transaction, whose events share a commit position, which this adapter cannot order by one number`,
    );
  }
  const value = toSafeNumber(position.commit, `position of ${what}`);
  if (value === 0) throw new KurrentDbMappingError(`${what} is at log position 0, which the port reserves for "before the first event"`);
  return value;
};

/**
 * Where to start reading $all for events strictly after `after`: the log's start for 0,
 * otherwise the event at `after` itself (reads from a position include it, so callers drop it).
 * `after` must be 0 or a position this store returned: KurrentDB cannot start a read at a byte
 * offset that is not an event's.
 */
export const toReadPosition = (after: number): ReadPosition => {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`position must be a non-negative integer, got ${after}`);
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
};

const decodeData = (data: unknown, isJson: boolean): unknown => {
  if (isJson) return data;
  // Binary data is not something this port writes; keep it readable rather than fail the read.
  const bytes = Buffer.from(data as Uint8Array);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return { binary: bytes.toString('base64') };
  }
};

/** A resolved event as the port's RecordedEvent; undefined for a link whose target is gone. */
export const toRecordedEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event) return undefined;
  return {
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, `revision of event ${event.id}`),
    position: toPortPosition(event.position, `event ${event.id} (revision ${event.revision} of ${event.streamId})`),
    type: event.type,
    data: decodeData(event.data, event.isJson),
    metadata: fromKurrentMetadata(event.metadata, { id: event.id, created: event.created }),
  } as RecordedEvent;
};

/**
 * Whether a dropped subscription or failed read is worth repeating: the connection went away,
 * the node stepped down or the call timed out. Anything else (access denied, an invalid
 * argument, an event this adapter cannot map) would fail the same way again.
 */
export const isTransient = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof CancelledError ||
  error instanceof DeadlineExceededError ||
  error instanceof NotLeaderError ||
  error instanceof TimeoutError;
