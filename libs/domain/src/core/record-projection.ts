import { RecordedEvent } from './event';
import { Projection, ProjectionDocument, routingEvent } from './projection';
import { RECORD_RETRACTED, RecordRetracted, isRetraction } from './retraction';

/** Business times are kept in UTC so that comparing them as text compares instants. */
const utc = (iso: string) => new Date(Date.parse(iso)).toISOString();

/** One event kept by a record document: what it said, when it happened, where it stands. */
export interface EventRecord<Data = unknown> {
  readonly type: string;
  /** Business time, UTC ISO-8601. */
  readonly at: string;
  readonly position: number;
  readonly data: Data;
}

/** A document that keeps the events about one thing, keyed by event id. */
export interface RecordDocument extends ProjectionDocument {
  readonly records: Readonly<Record<string, EventRecord>>;
}

/** Which document ids of the collection an event (by type) is about. */
export type Routes = Readonly<Record<string, (data: any) => readonly (string | undefined)[]>>;

/**
 * A projection whose documents keep the events routed to them. Evolving is adding a record, or
 * deleting one on a retraction, so every projection undoes retracted events the same way; the
 * meaning lives in the pure functions that read the records (indicator facts, views).
 */
export const recordProjection = (collection: string, routes: Routes): Projection<RecordDocument> => ({
  collection,
  handles: new Set([...Object.keys(routes), RECORD_RETRACTED]),
  documentIds: (event) => {
    const routed = routingEvent(event);
    const route = routes[routed.type];
    return route ? (route(routed.data).filter((id) => id !== undefined) as string[]) : [];
  },
  evolve: (doc, event: RecordedEvent, id) => {
    const records = { ...(doc?.records ?? {}) };
    if (isRetraction(event)) delete records[(event as RecordedEvent & RecordRetracted).data.retractedEventId];
    else records[event.metadata.eventId] = { type: event.type, at: utc(event.metadata.occurredAt), position: event.position, data: event.data };
    return Object.keys(records).length === 0 ? null : { id, records };
  },
});

/** The records of some types, oldest business time first (recording order breaks ties). */
export const recordsOf = <Data = any>(doc: RecordDocument, ...types: string[]): EventRecord<Data>[] =>
  Object.values(doc.records)
    .filter((record) => types.includes(record.type))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.position - b.position)) as EventRecord<Data>[];

/** Details as registered, with each later correction's given fields applied in order. */
export const withCorrections = <T extends object>(registered: T, corrections: readonly Partial<T>[], fields: readonly (keyof T)[]): T => {
  const current = { ...registered };
  for (const correction of corrections) {
    for (const field of fields) if (correction[field] !== undefined) current[field] = correction[field] as T[keyof T];
  }
  return current;
};
