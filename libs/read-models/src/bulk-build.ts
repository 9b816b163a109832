import { ProjectionDocument, ReadModelDefinition, RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { CHECKPOINTS, ProjectionError, collectionIn, withoutNoise } from './projection-engine';
import { DocumentChange, ReadModelStore } from './read-model-store.port';
import { RowDeltas, addContributions } from './replay-index';

export interface BulkBuildOptions {
  /** Events read from the log per page. */
  readonly pageSize?: number;
  /** Finished documents written per commit. */
  readonly documentsPerCommit?: number;
  /** Called after each page with the position folded so far. */
  readonly onProgress?: (position: number) => Promise<void> | void;
  /** Asked after each page; when it says so the build stops without its last commit. */
  readonly cancelled?: () => boolean;
}

interface OpenDocument {
  readonly collection: string;
  readonly id: string;
  current: ProjectionDocument | null;
  position: number;
}

const documentKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Builds a read model from nothing up to `target` for bulk, instead of event by event:
 *
 * 1. a routing pass over the log finds the position of each document's last event;
 * 2. a folding pass evolves documents in memory; when a document's last event is folded it is
 *    final, so its aggregate contributions are computed once, it is written in a batch of
 *    finished documents, and it leaves memory. Memory holds the documents still open, not the
 *    whole read model;
 * 3. the aggregate rows, summed in memory, are written with the checkpoint in one last commit.
 *
 * The result is what `applyEvents` would have built event by event: the same documents with the
 * same positions, and the same rows. The build is not live until that last commit, so a crash
 * before it leaves no checkpoint, and the build is started again from nothing. Returns false
 * when cancelled.
 */
export const bulkBuild = async (
  definition: ReadModelDefinition,
  events: EventStore,
  upcasters: UpcasterChain,
  store: ReadModelStore,
  namespace: string,
  target: number,
  options: BulkBuildOptions = {},
): Promise<boolean> => {
  const pageSize = options.pageSize ?? 5_000;
  const documentsPerCommit = options.documentsPerCommit ?? 2_000;
  const cancelled = options.cancelled ?? (() => false);
  const routed = (event: RecordedEvent, visit: (collection: string, id: string, index: number) => void) => {
    definition.projections.forEach((projection, index) => {
      if (!projection.handles.has(event.type)) return;
      for (const id of projection.documentIds(event)) visit(projection.collection, id, index);
    });
  };

  const lastEvent = new Map<string, number>();
  await eachPage(events, upcasters, target, pageSize, cancelled, (page) => {
    for (const event of page) routed(event, (collection, id) => lastEvent.set(documentKey(collection, id), event.position));
  });
  if (cancelled()) return false;

  const open = new Map<string, OpenDocument>();
  const rows: RowDeltas = new Map();
  let finished: DocumentChange[] = [];
  const finish = (entry: OpenDocument) => {
    if (entry.current === null) return;
    finished.push({ collection: collectionIn(namespace, entry.collection), id: entry.id, doc: entry.current, position: entry.position });
    if (definition.aggregation) addContributions(rows, definition.aggregation.contributions(entry.collection, entry.current), 1);
  };
  await eachPage(events, upcasters, target, pageSize, cancelled, async (page) => {
    for (const event of page) {
      routed(event, (collection, id, index) => {
        const key = documentKey(collection, id);
        let entry = open.get(key);
        if (!entry) open.set(key, (entry = { collection, id, current: null, position: 0 }));
        try {
          const projection = definition.projections[index];
          entry.current = projection.evolveOwned ? projection.evolveOwned(entry.current, event, id) : projection.evolve(entry.current, event, id);
        } catch (error) {
          throw new ProjectionError({ ...event, eventId: event.metadata.eventId }, error);
        }
        entry.position = event.position;
        if (lastEvent.get(key) === event.position) {
          finish(entry);
          open.delete(key);
        }
      });
    }
    if (finished.length >= documentsPerCommit) {
      await store.commit(finished);
      finished = [];
    }
    await options.onProgress?.(page[page.length - 1].position);
  });
  if (cancelled()) return false;

  const last: DocumentChange[] = finished;
  if (definition.aggregation) {
    const collection = collectionIn(namespace, definition.aggregation.collection);
    for (const row of rows.values()) {
      const sums = withoutNoise(row.sums);
      if (Object.values(sums).some((value) => value !== 0)) last.push({ collection, id: row.key, doc: { id: row.key, ...row.fields, sums }, position: target });
    }
  }
  last.push({ collection: CHECKPOINTS, id: namespace, doc: { id: namespace, position: target }, position: target });
  await store.commit(last);
  return true;
};

/** Reads the log up to `target` page by page, upcast, and hands each page to `visit`, until cancelled. */
const eachPage = async (
  events: EventStore,
  upcasters: UpcasterChain,
  target: number,
  pageSize: number,
  cancelled: () => boolean,
  visit: (page: readonly RecordedEvent[]) => Promise<void> | void,
): Promise<void> => {
  for (let after = 0; after < target && !cancelled(); ) {
    const page = (await events.readAll({ after, limit: pageSize })).filter((event) => event.position <= target);
    if (page.length === 0) return;
    await visit(page.map((event) => upcasters.upcast(event)));
    after = page[page.length - 1].position;
  }
};
