import { DomainEvent, RecordedEvent } from './event';
import { Projection, ProjectionDocument, routingEvent } from './projection';
import { RECORD_RETRACTED, RecordRetracted, isRetraction } from './retraction';

const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Times are kept in UTC so that comparing them as text compares instants. */
export const utcTime = (iso: string): string => (UTC_TIME.test(iso) ? iso : new Date(Date.parse(iso)).toISOString());

/** The member of an event union with the given type. */
export type EventOfType<E extends DomainEvent, T extends E['type']> = Extract<E, { readonly type: T }>;

interface RecordTimes {
  /** Business time, UTC ISO-8601. */
  readonly at: string;
  /** Recording time, UTC ISO-8601. */
  readonly recordedAt: string;
  readonly position: number;
}

/**
 * One event kept by a record document: what it said, when it happened, where it stands. For an
 * event union it is a union of records, so checking `type` narrows `data`.
 */
export type EventRecord<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? { readonly type: E['type']; readonly data: E['data'] } & RecordTimes
  : never;

/** A record that a later retraction withdrew, kept so the document can be seen as it was known before. */
export type WithdrawnRecord<E extends DomainEvent = DomainEvent> = EventRecord<E> & {
  /** Recording time and position of the retraction. */
  readonly withdrawnAt: string;
  readonly withdrawnPosition: number;
};

/**
 * A document that keeps the events (of union `E`) about one thing, keyed by event id. `records`
 * is what counts now; `withdrawn` keeps retracted records for views of the past (see `documentAt`).
 */
export interface RecordDocument<E extends DomainEvent = DomainEvent> extends ProjectionDocument {
  readonly records: Readonly<Record<string, EventRecord<E>>>;
  readonly withdrawn?: Readonly<Record<string, WithdrawnRecord<E>>>;
}

type DocumentIds = readonly (string | undefined)[];

/** Which document ids of the collection an event is about, for every event type of the union. */
export type Routes<E extends DomainEvent> = { readonly [T in E['type']]: (data: EventOfType<E, T>['data']) => DocumentIds };

/**
 * A projection whose documents keep the events of union `E` routed to them. Evolving is adding a
 * record, or deleting one on a retraction, so every projection undoes retracted events the same
 * way; the meaning lives in the pure functions that read the records (indicator facts, views).
 */
export const recordProjection = <E extends DomainEvent>(collection: string, routes: Routes<E>): Projection<RecordDocument<E>> => {
  // Stored events are untyped; an event's type is what names the shape of its data.
  const routeOf = routes as unknown as Readonly<Record<string, ((data: unknown) => DocumentIds) | undefined>>;
  return {
    collection,
    handles: new Set([...Object.keys(routes), RECORD_RETRACTED]),
    documentIds: (event) => {
      const routed = routingEvent(event);
      const route = routeOf[routed.type];
      return route ? route(routed.data).filter((id): id is string => id !== undefined) : [];
    },
    evolve: (doc, event: RecordedEvent, id) =>
      applyRecord({ id, records: { ...(doc?.records ?? {}) }, ...(doc?.withdrawn && { withdrawn: { ...doc.withdrawn } }) }, event),
    evolveOwned: (doc, event: RecordedEvent, id) => applyRecord(doc ?? { id, records: {} }, event),
  };
};

type MutableRecordDocument<E extends DomainEvent> = { id: string; records: Record<string, EventRecord<E>>; withdrawn?: Record<string, WithdrawnRecord<E>> };

/** Adds an event's record to a document the caller owns, or moves a retracted one to `withdrawn`; null when nothing is left. */
const applyRecord = <E extends DomainEvent>(doc: MutableRecordDocument<E>, event: RecordedEvent): RecordDocument<E> | null => {
  if (isRetraction(event)) {
    const retractedId = (event as RecordedEvent & RecordRetracted).data.retractedEventId;
    const record = doc.records[retractedId];
    if (record) (doc.withdrawn ??= {})[retractedId] = { ...record, withdrawnAt: utcTime(event.metadata.recordedAt), withdrawnPosition: event.position };
    delete doc.records[retractedId];
  } else {
    doc.records[event.metadata.eventId] = {
      type: event.type,
      at: utcTime(event.metadata.occurredAt),
      recordedAt: utcTime(event.metadata.recordedAt),
      position: event.position,
      data: event.data,
    } as EventRecord<E>;
  }
  return isEmpty(doc.records) && isEmpty(doc.withdrawn) ? null : doc;
};

const isEmpty = (object: object | undefined) => {
  for (const _ in object) return false;
  return true;
};

/**
 * Limits on what a view of the past may see: events that had happened by `asOf` (business
 * time), recorded by `knownAt` (recording time) and stored at or before `position`. Times are
 * UTC ISO-8601 with milliseconds, so comparing them as text compares instants.
 */
export interface RecordHorizon {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly position?: number;
}

const seenBy = (horizon: RecordHorizon) => (record: EventRecord) =>
  (horizon.asOf === undefined || record.at <= horizon.asOf) &&
  (horizon.knownAt === undefined || record.recordedAt <= horizon.knownAt) &&
  (horizon.position === undefined || record.position <= horizon.position);

const withdrawnBy = (horizon: RecordHorizon) => (record: WithdrawnRecord) =>
  (horizon.knownAt === undefined || record.withdrawnAt <= horizon.knownAt) &&
  (horizon.position === undefined || record.withdrawnPosition <= horizon.position);

/**
 * The document as it stood within a horizon: the same as projecting only the events within it,
 * since evolving only adds and withdraws records. A retraction counts at the business time of
 * the record it withdraws, so a withdrawn record is back only while its retraction is unknown.
 */
export const documentAt = (doc: RecordDocument, horizon: RecordHorizon): RecordDocument | null => {
  const seen = seenBy(horizon);
  const withdrawnYet = withdrawnBy(horizon);
  const records: Record<string, EventRecord> = {};
  for (const [eventId, record] of Object.entries(doc.records)) if (seen(record)) records[eventId] = record;
  for (const [eventId, record] of Object.entries(doc.withdrawn ?? {})) {
    if (seen(record) && !withdrawnYet(record)) {
      const { withdrawnAt: _at, withdrawnPosition: _position, ...kept } = record;
      records[eventId] = kept;
    }
  }
  return Object.keys(records).length === 0 ? null : { id: doc.id, records };
};

/** The records of some types, oldest business time first (recording order breaks ties). */
export const recordsOf = <E extends DomainEvent, T extends E['type']>(doc: RecordDocument<E>, ...types: readonly T[]): EventRecord<EventOfType<E, T>>[] =>
  (Object.values(doc.records) as EventRecord<E>[])
    .filter((record) => (types as readonly string[]).includes(record.type))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.position - b.position)) as EventRecord<EventOfType<E, T>>[];

/** Details as registered, with each later correction's given fields applied in order. */
export const withCorrections = <T extends object>(registered: T, corrections: readonly Partial<T>[], fields: readonly (keyof T)[]): T => {
  const current = { ...registered };
  for (const correction of corrections) {
    for (const field of fields) if (correction[field] !== undefined) current[field] = correction[field] as T[keyof T];
  }
  return current;
};
