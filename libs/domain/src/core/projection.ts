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
 * An aggregate row (an indicator cell), made once and shared by every part that adds to it.
 * `id` is a small number unique to the key in the process, so rows can be kept in arrays.
 */
export interface AggregateCell {
  readonly id: number;
  readonly key: string;
  readonly fields: CellFields;
}

/**
 * One part of a document's contributions (an indicator fact): the same sums added to each of its
 * cells. In a `capped` part the sums the aggregation caps are not added up: a cell takes the
 * largest of them over the document's capped parts (a distinct count counts a document once).
 */
export interface AggregatePart {
  /**
   * Equal for parts that add the same sums to the same cells, so two states of a document are
   * compared part by part and only the parts that differ are folded.
   */
  readonly key: string;
  readonly cells: readonly AggregateCell[];
  /** In the order of the aggregation's `sumNames`. */
  readonly sums: readonly number[];
  readonly capped: boolean;
}

/**
 * Aggregates maintained from documents: each document contributes parts, and the store keeps
 * the rows they sum to. When a document changes, the parts it lost are subtracted and the parts
 * it gained added, so corrections and retractions flow into the aggregates without special cases.
 */
export interface Aggregation {
  readonly collection: string;
  readonly sumNames: readonly string[];
  /** For each sum, whether capped parts cap it (see AggregatePart). */
  readonly cappedSums: readonly boolean[];
  readonly parts: (collection: string, doc: ProjectionDocument) => readonly AggregatePart[];
  /** Where the definition holding this aggregation is made, so another thread can make the same one. */
  readonly source?: DefinitionSource;
}

/**
 * Where a definition is made: a module, the name of the function it exports, and the plain
 * arguments to call it with. Another thread (which cannot be handed functions) makes the same
 * definition from it. It is kept with the aggregation, so a definition given another
 * aggregation does not keep the source of the first.
 */
export interface DefinitionSource {
  readonly module: string;
  readonly factory: string;
  readonly args: readonly unknown[];
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
