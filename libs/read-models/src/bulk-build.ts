import { AggregateContribution, ReadModelDefinition, RecordDocument, RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { CHECKPOINTS, EvolvingDocument, collectionIn, documentKey, evolveDocument } from './projection-engine';
import { withoutNoise } from './rounding-noise';
import { DocumentChange, ReadModelStore } from './read-model-store.port';
import { IndexSteps, localIndexSteps, sharedIndexSteps } from './index-steps';
import { ensureReplayRowIndexes } from './replay-indexer';
import { REPLAY_INDEX, indexCheckpoint, monthChanges } from './replay-index';

export interface BulkBuildOptions {
  /** Events read from the log per page. */
  readonly pageSize?: number;
  /** Finished documents written per commit. */
  readonly documentsPerCommit?: number;
  /** Replay-index documents written per commit (in the order of their ids). */
  readonly indexDocumentsPerCommit?: number;
  /** Called after each page with the position folded so far. */
  readonly onProgress?: (position: number) => Promise<void> | void;
  /** Records of open documents held in memory at once before the folding is split into partitions. */
  readonly recordsInMemory?: number;
  /** Asked after each page; when it says so the build stops without its last commit. */
  readonly cancelled?: () => boolean;
  /**
   * Builds of at least this many events share the replay index's steps with a worker thread,
   * when the aggregation names its source; smaller ones are done before a thread has started.
   */
  readonly workerFromEvents?: number;
}

const WORKER_FROM_EVENTS = 50_000;

interface OpenDocument extends EvolvingDocument {
  readonly collection: string;
  readonly id: string;
}

/** Where a document's events lie in the log, how many it has, and the partition it is folded in. */
interface DocumentSpan {
  readonly first: number;
  last: number;
  records: number;
  partition: number;
}

/**
 * Records held in open documents at once, above which the folding is split into partitions.
 * About a kilobyte each in memory, so a partition stays within a few hundred megabytes.
 */
const RECORDS_IN_MEMORY = 250_000;

/**
 * How many partitions keep the records of the documents open at once within the budget, and
 * which partition each document is folded in (by a hash of its key, so partitions are alike).
 * The peak is an upper bound: a document counts with all its records from its first event on.
 */
const partitionsFor = (spans: Map<string, DocumentSpan>, budget: number): number => {
  const steps: [position: number, records: number][] = [];
  for (const span of spans.values()) steps.push([span.first, span.records], [span.last + 0.5, -span.records]);
  steps.sort((a, b) => a[0] - b[0]);
  let open = 0;
  let peak = 0;
  for (const [, records] of steps) peak = Math.max(peak, (open += records));
  const partitions = Math.max(1, Math.ceil(peak / budget));
  if (partitions > 1) for (const [key, span] of spans) span.partition = hash(key) % partitions;
  return partitions;
};

/** FNV-1a of a string, as an unsigned 32-bit number. */
const hash = (text: string): number => {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
};

/**
 * Builds a read model from nothing up to `target` for bulk, instead of event by event:
 *
 * 1. a routing pass over the log finds where each document's events lie;
 * 2. a folding pass evolves documents in memory; when a document's last event is folded it is
 *    final, so its replay-index rows (see replay-index.ts) are computed once, it is written in a
 *    batch of finished documents, and it leaves memory. Memory holds the documents still open,
 *    not the whole read model; when those would hold more records than `recordsInMemory`, the
 *    documents are split by a hash of their key into partitions folded one after another, each
 *    reading the log again;
 * 3. the index rows are written in batches, then the aggregate rows (the sums of the index's
 *    business axis over all days), the index position and the checkpoint in one last commit.
 *
 * The result is what `applyEvents` would have built event by event: the same documents with the
 * same positions, and the same rows (up to the order in which fractional sums are added; the
 * rows come from the index, whose steps see a document's current records, which is all that
 * indicator facts read); and the index that the `ReplayIndexer` would have built, so
 * the build is replay-ready when it goes live. The build is not live until that last commit, so
 * a crash before it leaves no checkpoint, and the build is started again from nothing. Returns
 * false when cancelled.
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
  const indexDocumentsPerCommit = options.indexDocumentsPerCommit ?? 20_000;
  const cancelled = options.cancelled ?? (() => false);
  const routed = (event: RecordedEvent, visit: (collection: string, id: string, index: number) => void) => {
    definition.projections.forEach((projection, index) => {
      if (!projection.handles.has(event.type)) return;
      for (const id of projection.documentIds(event)) visit(projection.collection, id, index);
    });
  };

  const spans = new Map<string, DocumentSpan>();
  let eventsRead = 0;
  await eachPage(events, upcasters, target, pageSize, cancelled, (page) => {
    eventsRead += page.length;
    for (const event of page) {
      routed(event, (collection, id) => {
        const key = documentKey(collection, id);
        const span = spans.get(key);
        if (span) {
          span.last = event.position;
          span.records++;
        } else spans.set(key, { first: event.position, last: event.position, records: 1, partition: 0 });
      });
    }
  });
  if (cancelled()) return false;
  const partitions = partitionsFor(spans, options.recordsInMemory ?? RECORDS_IN_MEMORY);

  const steps = indexStepsFor(definition, target, eventsRead >= (options.workerFromEvents ?? WORKER_FROM_EVENTS));
  try {
    let finished: DocumentChange[] = [];
    const finish = (entry: OpenDocument) => {
      if (entry.current === null) return;
      finished.push({ collection: collectionIn(namespace, entry.collection), id: entry.id, doc: entry.current, position: entry.position });
      steps?.add(entry.collection, entry.current as RecordDocument);
    };
    for (let partition = 0; partition < partitions && !cancelled(); partition++) {
      const open = new Map<string, OpenDocument>();
      await eachPage(events, upcasters, target, pageSize, cancelled, async (page) => {
        for (const event of page) {
          routed(event, (collection, id, index) => {
            const key = documentKey(collection, id);
            const span = spans.get(key)!;
            if (span.partition !== partition) return;
            let entry = open.get(key);
            if (!entry) open.set(key, (entry = { collection, id, current: null, position: 0 }));
            evolveDocument(definition.projections[index], entry, event, id, true);
            if (span.last === event.position) {
              finish(entry);
              open.delete(key);
            }
          });
        }
        if (finished.length >= documentsPerCommit) {
          await store.commit(finished);
          finished = [];
        }
        // Progress as a position: the share of all partitions' folding done so far.
        await options.onProgress?.(Math.floor((partition * target + page[page.length - 1].position) / partitions));
      });
    }
    if (cancelled()) return false;

    await store.commit(finished);
    const last: DocumentChange[] = [];
    if (definition.aggregation && steps) {
      const { months, totals } = await steps.finish();
      // The index documents are many (one per cell, axis and month with changes), so they are written
      // in batches before the last commit; without the checkpoint that commit writes, none of them counts.
      const index = collectionIn(namespace, REPLAY_INDEX);
      let batch: DocumentChange[] = [];
      for (const change of monthChanges(index, definition.aggregation.sumNames, months, new Map(), target)) {
        if (batch.push(change) < indexDocumentsPerCommit) continue;
        if (cancelled()) return false;
        await store.commit(batch);
        batch = [];
      }
      await store.commit(batch);
      await ensureReplayRowIndexes(store, index);
      last.push(indexCheckpoint(index, target));
      // Summed over all days, the business axis of the index is the aggregate rows themselves.
      last.push(...rowChanges(collectionIn(namespace, definition.aggregation.collection), totals, target));
    }
    last.push({ collection: CHECKPOINTS, id: namespace, doc: { id: namespace, position: target }, position: target });
    await store.commit(last);
    return true;
  } finally {
    await steps?.close();
  }
};

/** Where a build's index steps are computed: shared with a worker for a large build whose aggregation says how to make it. */
const indexStepsFor = (definition: ReadModelDefinition, target: number, large: boolean): IndexSteps | null => {
  const { aggregation } = definition;
  if (!aggregation) return null;
  const { source } = aggregation;
  if (source === undefined || !large) return localIndexSteps(aggregation, target);
  return sharedIndexSteps({ ...aggregation, source }, target);
};

/** Rows summed in memory as documents, leaving out those whose sums all come to zero. */
function* rowChanges(collection: string, rows: Iterable<AggregateContribution>, position: number): Generator<DocumentChange> {
  for (const row of rows) {
    const sums = withoutNoise(row.sums);
    if (Object.values(sums).some((value) => value !== 0)) yield { collection, id: row.key, doc: { id: row.key, ...row.fields, sums }, position };
  }
}

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
    // A synchronous store (SQLite) answers without giving the event loop a turn: give it one per
    // page, so that the api sharing the process, timers and the index worker's messages are not held up.
    await new Promise((resolve) => setImmediate(resolve));
  }
};
