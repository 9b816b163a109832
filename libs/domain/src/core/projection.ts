import { RecordedEvent } from './event';
import { RecordRetracted, isRetraction } from './retraction';

/** A read-model document: plain JSON with a string id. */
export type ProjectionDocument = { readonly id: string } & Record<string, unknown>;

/**
 * A projection is pure: which documents an event touches and how one document evolves.
 * Writing, batching and checkpointing are generic infrastructure. A retraction is routed to
 * the documents its retracted event touched, and `evolve` undoes that event's effect.
 * `evolve` is a method, so a projection of its own document type is a projection of any
 * read model: the engine hands each projection only the documents it made.
 */
export interface Projection<D extends ProjectionDocument = ProjectionDocument> {
  /** Logical collection name ([a-z_]+); the store prefixes it with the read model's version. */
  readonly collection: string;
  readonly handles: ReadonlySet<string>;
  readonly documentIds: (event: RecordedEvent) => readonly string[];
  /** `id` is the document's id (one of `documentIds(event)`), needed when `doc` is new. */
  evolve(doc: D | null, event: RecordedEvent, id: string): D | null;
  /**
   * The same as `evolve`, but may change `doc` in place and return it: for a caller that owns
   * the document and keeps no other reference to it (a bulk build), so evolving costs the
   * event, not the size of the document.
   */
  evolveOwned?(doc: D | null, event: RecordedEvent, id: string): D | null;
}

export type CellFields = Readonly<Record<string, string | number | boolean | null>>;

/** One document's share of an aggregate row: numbers that add up across documents. */
export interface AggregateContribution {
  readonly key: string;
  readonly fields: CellFields;
  readonly sums: Readonly<Record<string, number>>;
}

/**
 * Aggregates maintained from documents: each document contributes rows, and the store keeps
 * their sums. When a document changes, its old contributions are subtracted and its new ones
 * added, so corrections and retractions flow into the aggregates without special cases.
 */
export interface Aggregation {
  readonly collection: string;
  readonly contributions: (collection: string, doc: ProjectionDocument) => readonly AggregateContribution[];
}

/** A named, versioned set of projections; a new version is built beside the live one. */
export interface ReadModelDefinition {
  readonly name: string;
  readonly version: number;
  readonly projections: readonly Projection[];
  readonly aggregation?: Aggregation;
}

/** The event whose documents a retraction must be routed to. */
export const routingEvent = (event: RecordedEvent): RecordedEvent => {
  if (!isRetraction(event)) return event;
  const { retracted } = (event as RecordedEvent & RecordRetracted).data;
  return { ...event, type: retracted.type, data: retracted.data, metadata: { ...event.metadata, eventId: retracted.eventId, occurredAt: retracted.occurredAt } };
};
