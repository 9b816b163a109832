import { once } from 'node:events';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AggregateContribution, Aggregation, ReadModelDefinition, RecordDocument } from '@toc/domain';
import { IndexMonth, IndexRowDeltas } from './index-row-deltas';
import { addDocumentChange, mergedDays } from './replay-index';

/** The replay-index rows of a bulk build, from its final documents. */
export interface IndexSteps {
  /** Adds the steps of a final document (from nothing up to the build's position). */
  add(collection: string, doc: RecordDocument): void;
  /** The index months, and the cells: the business axis summed over all days. */
  finish(): Promise<{ months: Iterable<IndexMonth>; totals: Iterable<AggregateContribution> }>;
  /** Stops any thread still working, for a build that ends without its results. */
  close(): Promise<void>;
}

/** Index steps computed in this thread. */
export const localIndexSteps = (aggregation: Aggregation, target: number): IndexSteps => {
  const deltas = new IndexRowDeltas(aggregation.sumNames);
  return {
    add: (collection, doc) => addDocumentChange(deltas, aggregation, collection, doc, 0, target),
    finish: async () => ({ months: deltas.months(), totals: deltas.totals() }),
    close: async () => undefined,
  };
};

/** What the worker is handed, and what it answers when asked to finish. */
export interface IndexWorkerData {
  readonly source: NonNullable<ReadModelDefinition['source']>;
  readonly target: number;
}
export interface IndexWorkerResult {
  readonly months: IndexMonth[];
  readonly totals: AggregateContribution[];
}
export const FINISH = 'finish';

/** Documents handed to the worker per message: fewer messages, a bounded copy each. */
const DOCUMENTS_PER_MESSAGE = 200;

/**
 * Starts the worker in a thread of its own. From the TypeScript sources (tests, a development
 * run) the thread loads them as the main thread does, through ts-node and the path aliases.
 */
const startWorker = (data: IndexWorkerData): Worker => {
  const extension = extname(__filename);
  const entry = `require(${JSON.stringify(join(__dirname, `index-steps.worker${extension}`))});`;
  if (extension !== '.ts') return new Worker(entry, { eval: true, workerData: data });
  return new Worker(entry, {
    eval: true,
    workerData: data,
    execArgv: ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../../../tsconfig.json'), TS_NODE_SWC: 'true' },
  });
};

/**
 * Index steps shared with a worker thread: of every `slots` documents, `toWorker` are handed
 * to the worker and the rest computed here, so the two cores work at once while this thread
 * also reads and folds the log. Each side sums its own rows; finishing merges them.
 */
export const sharedIndexSteps = (definition: ReadModelDefinition & { source: IndexWorkerData['source'] }, target: number, toWorker: number, slots: number): IndexSteps => {
  const local = localIndexSteps(definition.aggregation!, target);
  const worker = startWorker({ source: definition.source, target });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index worker exited with code ${code}`)));
  });
  failed.catch(() => undefined);
  let batch: [string, RecordDocument][] = [];
  let added = 0;
  return {
    add(collection, doc) {
      if (added++ % slots >= toWorker) return local.add(collection, doc);
      if (batch.push([collection, doc]) < DOCUMENTS_PER_MESSAGE) return;
      worker.postMessage(batch);
      batch = [];
    },
    async finish() {
      worker.postMessage(batch);
      worker.postMessage(FINISH);
      const [remote] = (await Promise.race([once(worker, 'message'), failed])) as [IndexWorkerResult];
      await worker.terminate();
      const own = await local.finish();
      return { months: mergedMonths([...own.months], remote.months), totals: mergedTotals([...own.totals], remote.totals) };
    },
    close: async () => void (await worker.terminate()),
  };
};

/** Months of two sets of rows, those of the same cell, axis and month merged; ordered by id. */
const mergedMonths = (own: IndexMonth[], other: readonly IndexMonth[]): IndexMonth[] => {
  const byKey = new Map(own.map((month) => [month.key, month]));
  for (const month of other) {
    const mine = byKey.get(month.key);
    byKey.set(month.key, mine ? { ...mine, ...mergedDays(mine, month) } : month);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};

/** Cells of two sets of rows, the sums of the same cell added. */
const mergedTotals = (own: AggregateContribution[], other: readonly AggregateContribution[]): AggregateContribution[] => {
  const byKey = new Map(own.map((cell) => [cell.key, cell]));
  for (const cell of other) {
    const mine = byKey.get(cell.key);
    byKey.set(cell.key, mine ? { ...mine, sums: Object.fromEntries(Object.entries(mine.sums).map(([name, sum]) => [name, sum + (cell.sums[name] ?? 0)])) } : cell);
  }
  return [...byKey.values()];
};
