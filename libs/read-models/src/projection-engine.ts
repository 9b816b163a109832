import { AggregateContribution, Projection, ProjectionDocument, ReadModelDefinition, RecordedEvent, messageOf } from '@toc/domain';
import { Document, DocumentChange, ReadModelStore, StoredDocument } from './read-model-store.port';
import { RowDeltas, addDocumentRowChanges } from './replay-index';
import { settled, withoutNoise } from './rounding-noise';

export const CHECKPOINTS = 'projection_checkpoints';

/** Collections of one build of a read model share a namespace such as `programme_v1_b2`. */
export const namespaceOf = (definition: Pick<ReadModelDefinition, 'name' | 'version'>, build: number) =>
  `${definition.name}_v${definition.version}_b${build}`;

/** The namespace (see namespaceOf) of a build of the read model `name` that a collection or checkpoint id starts with, if any. */
export const buildNamespaceIn = (name: string, collection: string): string | undefined => new RegExp(`^${name}_v\\d+_b\\d+(?=_|$)`).exec(collection)?.[0];

export const collectionIn = (namespace: string, collection: string) => `${namespace}_${collection}`;

/** An event that a projection could not apply: the projection stops on it, nothing is skipped. */
export class ProjectionError extends Error {
  constructor(
    readonly event: Pick<RecordedEvent, 'position' | 'streamId' | 'type'> & { eventId: string },
    override readonly cause: unknown,
  ) {
    super(`event ${event.eventId} (${event.type} at position ${event.position} in ${event.streamId}) failed: ${messageOf(cause)}`);
    this.name = 'ProjectionError';
  }
}

export interface Touched extends EvolvingDocument {
  readonly collection: string;
  readonly id: string;
  readonly storedPosition: number;
  readonly initial: ProjectionDocument | null;
}

/**
 * Applies a batch of events to one build of a read model and commits the documents, the
 * aggregate rows and the checkpoint in one store commit. Events at or below the build's
 * checkpoint were applied by an earlier commit and are skipped, so a redelivered batch changes
 * nothing, even for a document that a later event deleted (a deleted document keeps no position
 * of its own to guard it). A document also skips events at or below the position it has applied.
 */
export const applyEvents = async (
  definition: ReadModelDefinition,
  store: ReadModelStore,
  namespace: string,
  batch: readonly RecordedEvent[],
): Promise<void> => {
  if (batch.length === 0) return;
  const checkpoint = (await store.get(CHECKPOINTS, namespace))?.position ?? 0;
  const events = batch[0].position > checkpoint ? batch : batch.filter((event) => event.position > checkpoint);
  if (events.length === 0) return;
  const touched = await loadTouched(definition, store, namespace, events);

  foldEvents(definition, touched, events);

  const changed = [...touched.values()].filter((entry) => entry.position > entry.storedPosition);
  const changes: DocumentChange[] = changed.map((entry) => ({
    collection: collectionIn(namespace, entry.collection),
    id: entry.id,
    doc: entry.current as Document | null,
    position: entry.position,
  }));
  const lastPosition = events[events.length - 1].position;
  if (definition.aggregation) changes.push(...(await aggregateChanges(definition, store, namespace, changed, lastPosition)));
  changes.push({ collection: CHECKPOINTS, id: namespace, doc: { id: namespace, position: lastPosition }, position: lastPosition });
  await store.commit(changes);
};

/** The documents each collection's projections route the events to. */
export const touchedDocumentIds = (definition: ReadModelDefinition, events: readonly RecordedEvent[]): Map<string, Set<string>> => {
  const idsByCollection = new Map<string, Set<string>>();
  for (const event of events) {
    for (const projection of definition.projections) {
      if (!projection.handles.has(event.type)) continue;
      const ids = idsByCollection.get(projection.collection) ?? new Set<string>();
      for (const id of projection.documentIds(event)) ids.add(id);
      idsByCollection.set(projection.collection, ids);
    }
  }
  return idsByCollection;
};

/** A document being evolved: its current state and the position of the last event applied to it. */
export interface EvolvingDocument {
  current: ProjectionDocument | null;
  position: number;
}

/** `collection NUL id`, the key of `foldEvents`' map. */
export const documentKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Evolves the documents (all of them loaded, by `documentKey`) with the events routed to them,
 * skipping events at or below a document's position.
 */
export const foldEvents = (definition: ReadModelDefinition, documents: Map<string, EvolvingDocument>, events: readonly RecordedEvent[]): void => {
  for (const event of events) {
    for (const projection of definition.projections) {
      if (!projection.handles.has(event.type)) continue;
      for (const id of projection.documentIds(event)) {
        const entry = documents.get(documentKey(projection.collection, id))!;
        if (event.position > entry.position) evolveDocument(projection, entry, event, id, false);
      }
    }
  }
};

/**
 * Evolves one document with an event and moves its position on; a projection that fails names
 * the event. `owned`: the caller keeps no other reference to the document, so it may change in place.
 */
export const evolveDocument = (projection: Projection, entry: EvolvingDocument, event: RecordedEvent, id: string, owned: boolean): void => {
  try {
    entry.current = owned && projection.evolveOwned ? projection.evolveOwned(entry.current, event, id) : projection.evolve(entry.current, event, id);
  } catch (error) {
    throw new ProjectionError({ ...event, eventId: event.metadata.eventId }, error);
  }
  entry.position = event.position;
};

/** The stored documents of a build that the events are routed to, by `documentKey` (null when absent). */
export const loadTouched = async (definition: ReadModelDefinition, store: ReadModelStore, namespace: string, events: readonly RecordedEvent[]) => {
  const touched = new Map<string, Touched>();
  for (const [collection, ids] of touchedDocumentIds(definition, events)) {
    const stored = await store.getMany(collectionIn(namespace, collection), [...ids]);
    for (const id of ids) {
      const found: StoredDocument | undefined = stored.get(id);
      const doc = (found?.doc ?? null) as ProjectionDocument | null;
      const position = found?.position ?? 0;
      touched.set(documentKey(collection, id), { collection, id, storedPosition: position, initial: doc, current: doc, position });
    }
  }
  return touched;
};

/** Folds the parts each changed document lost and gained into row deltas, and sums them into the rows. */
const aggregateChanges = async (
  definition: ReadModelDefinition,
  store: ReadModelStore,
  namespace: string,
  changed: readonly Touched[],
  position: number,
): Promise<DocumentChange[]> => {
  const aggregation = definition.aggregation!;
  const deltas: RowDeltas = new Map();
  for (const entry of changed) addDocumentRowChanges(deltas, aggregation, entry.collection, entry.initial, entry.current);
  return sumIntoRows(store, collectionIn(namespace, aggregation.collection), deltas.values(), position);
};

/**
 * The writes that add deltas to stored aggregate rows; a row whose sums all come to zero is
 * deleted. Rounding noise counts as zero.
 */
export const sumIntoRows = async (
  store: ReadModelStore,
  collection: string,
  deltas: Iterable<AggregateContribution>,
  position: number,
): Promise<DocumentChange[]> => {
  const effective = [...deltas].filter((delta) => Object.values(delta.sums).some((value) => settled(value) !== 0));
  if (effective.length === 0) return [];
  const stored = await store.getMany(collection, effective.map((delta) => delta.key));
  return effective.map((delta) => {
    const previous = (stored.get(delta.key)?.doc.sums ?? {}) as Record<string, number>;
    const added: Record<string, number> = {};
    for (const name of new Set([...Object.keys(delta.sums), ...Object.keys(previous)])) added[name] = (previous[name] ?? 0) + (delta.sums[name] ?? 0);
    const sums = withoutNoise(added);
    const empty = Object.values(sums).every((value) => value === 0);
    return { collection, id: delta.key, doc: empty ? null : { id: delta.key, ...delta.fields, sums }, position };
  });
};
