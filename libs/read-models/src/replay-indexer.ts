import { ReadModelDefinition, RecordDocument, RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { CHECKPOINTS, collectionIn, touchedDocumentIds } from './projection-engine';
import { ReadModelStore } from './read-model-store.port';
import { DAY_ROW_INDEX, REPLAY_INDEX, REPLAY_INDEX_CHECKPOINT, indexCheckpoint, monthChanges } from './replay-index';
import { addDocumentChange } from './document-steps';
import { IndexRowDeltas } from './index-row-deltas';

export interface ReplayIndexerOptions {
  /**
   * Events folded into the index per commit. Small enough that the api sharing the process
   * with the projector waits no more than a fraction of a second between batches.
   */
  readonly batchSize?: number;
}

/** The position up to which a build's replay index (in `collection`) is complete, or null when it has none yet. */
const indexedUpTo = async (store: ReadModelStore, namespace: string, collection = REPLAY_INDEX): Promise<number | null> =>
  ((await store.get(collectionIn(namespace, collection), REPLAY_INDEX_CHECKPOINT))?.doc.position as number | undefined) ?? null;

/** The position up to which a build's replay index is complete, or null when it has none yet. */
export const replayIndexPosition = (store: ReadModelStore, namespace: string): Promise<number | null> => indexedUpTo(store, namespace);

/** The store indexes a replay reads the index rows by. */
export const ensureReplayRowIndexes = async (store: ReadModelStore, rows: string): Promise<void> => {
  await store.ensureIndex(rows, ['periodType', 'period', 'axis']);
  // Indicators whose small-cell suppression spans periods are read whole, every period at once.
  await store.ensureIndex(rows, ['indicator', 'axis']);
};

/**
 * Keeps the replay index of a build up with the build's documents. It reads the documents
 * the projections keep (which hold every record with both its times, and withdrawn records),
 * so it never folds events itself: for each document touched since the last commit it
 * subtracts the document's rows as seen at the old position and adds them as seen at the new
 * one, into the stored months of the rows. Rows and the index position are committed together;
 * a crash repeats the last batch.
 */
export class ReplayIndexer {
  private readonly batchSize: number;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly definition: ReadModelDefinition,
    private readonly upcasters: UpcasterChain,
    options: ReplayIndexerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  /** Indexes the build up to its checkpoint, one batch per commit; returns the position reached. */
  async catchUp(namespace: string, shouldStop: () => boolean = () => false): Promise<number> {
    const aggregation = this.definition.aggregation;
    if (!aggregation) throw new Error(`read model ${this.definition.name} has no aggregation to index`);
    const rows = collectionIn(namespace, REPLAY_INDEX);
    if ((await this.buildPosition(namespace)) === null) return this.dropIndexOf(namespace);
    // An index of the earlier layout is left for the months built from nothing.
    if ((await indexedUpTo(this.store, namespace, DAY_ROW_INDEX)) !== null) await this.store.dropCollection(collectionIn(namespace, DAY_ROW_INDEX));
    await ensureReplayRowIndexes(this.store, rows);
    let indexed = (await replayIndexPosition(this.store, namespace)) ?? 0;
    for (;;) {
      const built = await this.buildPosition(namespace);
      if (built === null) return this.dropIndexOf(namespace);
      if (indexed >= built || shouldStop()) return indexed;
      const batch = (await this.events.readAll({ after: indexed, limit: this.batchSize }))
        .filter((event) => event.position <= built)
        .map((event) => this.upcasters.upcast(event));
      if (batch.length === 0) return indexed;
      const upTo = batch[batch.length - 1].position;
      const months = [...(await this.deltasOf(namespace, batch, indexed, upTo)).months()];
      const stored = await this.store.getMany(rows, months.map((month) => month.key));
      await this.store.commit([...monthChanges(rows, aggregation.sumNames, months, stored, upTo), indexCheckpoint(rows, upTo)]);
      indexed = upTo;
      // Let the api and the live projection in the same process run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * A build without a checkpoint does not exist, or was dropped (after a switch or a cancelled
   * rebuild), perhaps while a batch of its index was being written: its index goes too.
   */
  private async dropIndexOf(namespace: string): Promise<number> {
    if ((await replayIndexPosition(this.store, namespace)) !== null) await this.store.dropCollection(collectionIn(namespace, REPLAY_INDEX));
    return 0;
  }

  private async buildPosition(namespace: string): Promise<number | null> {
    return ((await this.store.get(CHECKPOINTS, namespace))?.doc.position as number | undefined) ?? null;
  }

  private async deltasOf(namespace: string, batch: readonly RecordedEvent[], from: number, to: number): Promise<IndexRowDeltas> {
    const aggregation = this.definition.aggregation!;
    const deltas = new IndexRowDeltas(aggregation.sumNames);
    for (const [collection, ids] of touchedDocumentIds(this.definition, batch)) {
      const stored = await this.store.getMany(collectionIn(namespace, collection), [...ids]);
      for (const { doc } of stored.values()) {
        addDocumentChange(deltas, aggregation, collection, doc as RecordDocument, from, to);
      }
    }
    return deltas;
  }
}
