import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AggregateContribution, Aggregation, DefinitionSource, RecordDocument } from '@toc/domain';
import { IndexMonth, IndexRowDeltas } from './index-row-deltas';
import { addDocumentChange } from './document-steps';
import { RowDeltas, addContributions, mergedDays } from './replay-index';

/** The replay-index rows of a bulk build, from its final documents. */
export interface IndexSteps {
  /** Adds the steps of a final document (from nothing up to the build's position). */
  add(collection: string, doc: RecordDocument): void;
  /** Waits while work handed elsewhere lags too far behind, so copies of documents do not pile up. */
  pace(): Promise<void>;
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
    pace: async () => undefined,
    finish: async () => ({ months: deltas.months(), totals: deltas.totals() }),
    close: async () => undefined,
  };
};

/** What the worker is handed; it answers each batch of documents with 1, and the finish with its rows. */
export interface IndexWorkerData {
  readonly source: DefinitionSource;
  readonly target: number;
}
export interface IndexWorkerResult {
  readonly months: IndexMonth[];
  readonly totals: AggregateContribution[];
}
export const FINISH = 'finish';

/** Documents handed to the worker per message: fewer messages, a bounded copy each. */
const DOCUMENTS_PER_MESSAGE = 200;
/** Batches the worker may have still to do before the folding waits for it. */
const BATCHES_IN_FLIGHT = 20;

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
 * also reads and folds the log. Each side sums its own rows; finishing merges them. A worker
 * that fails fails the next call, so a build does not fold on for nothing.
 */
export const sharedIndexSteps = (aggregation: Aggregation & { source: DefinitionSource }, target: number, toWorker: number, slots: number): IndexSteps => {
  const local = localIndexSteps(aggregation, target);
  const worker = startWorker({ source: aggregation.source, target });
  let failure: Error | undefined;
  let result: IndexWorkerResult | undefined;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const woken = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    woken();
  };
  worker.on('message', (message: 1 | IndexWorkerResult) => {
    if (message === 1) inFlight--;
    else result = message;
    woken();
  });
  worker.once('error', fail);
  worker.once('messageerror', fail);
  worker.once('exit', (code) => fail(new Error(`the index worker stopped with exit code ${code}`)));
  const until = async (done: () => boolean) => {
    while (!done()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  let batch: [string, RecordDocument][] = [];
  const send = () => {
    if (batch.length === 0) return;
    worker.postMessage(batch);
    inFlight++;
    batch = [];
  };
  let added = 0;
  return {
    add(collection, doc) {
      if (failure) throw failure;
      if (added++ % slots >= toWorker) return local.add(collection, doc);
      if (batch.push([collection, doc]) >= DOCUMENTS_PER_MESSAGE) send();
    },
    pace: () => until(() => inFlight <= BATCHES_IN_FLIGHT),
    async finish() {
      send();
      worker.postMessage(FINISH);
      await until(() => result !== undefined);
      // The worker's heap goes before this thread's rows are merged with its own.
      await worker.terminate();
      const own = await local.finish();
      return { months: mergedMonths([...own.months], result!.months), totals: mergedTotals([...own.totals], result!.totals) };
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
const mergedTotals = (own: readonly AggregateContribution[], other: readonly AggregateContribution[]): AggregateContribution[] => {
  const cells: RowDeltas = new Map();
  addContributions(cells, own, 1);
  addContributions(cells, other, 1);
  return [...cells.values()];
};
