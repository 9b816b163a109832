import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AggregateContribution, Aggregation, DefinitionSource, RecordDocument } from '@toc/domain';
import { ExportedIndexRows, IndexMonth, IndexRowDeltas } from './index-row-deltas';
import { addDocumentChange } from './document-steps';
import { dayOf } from './replay-index';

/** The replay-index rows of a bulk build, from its final documents. */
export interface IndexSteps {
  /** Adds the steps of a final document (from nothing up to the build's position). */
  add(collection: string, doc: RecordDocument): void;
  /** The index months, and the cells: the business axis summed over all days. */
  finish(): Promise<{ months: Iterable<IndexMonth>; totals: Iterable<AggregateContribution> }>;
  /** Stops any thread still working, for a build that ends without its results. */
  close(): Promise<void>;
}

/** Index steps computed in this thread, into `deltas`. */
export const localIndexSteps = (aggregation: Aggregation, target: number, deltas = new IndexRowDeltas(aggregation.sumNames)): IndexSteps => ({
  add: (collection, doc) => addDocumentChange(deltas, aggregation, collection, doc, 0, target),
  finish: async () => ({ months: deltas.months(), totals: deltas.totals() }),
  close: async () => undefined,
});

/** What the worker is handed; it answers the finish with its rows. */
export interface IndexWorkerData {
  readonly source: DefinitionSource;
  readonly target: number;
  /** One Int32 slot: the work handed over and not done yet, which the worker lowers document by document. */
  readonly backlog: SharedArrayBuffer;
}
export type IndexWorkerResult = ExportedIndexRows;
export const FINISH = 'finish';
/** A document handed to the worker: its collection, itself, and its work (see stepWorkOf). */
export type IndexWorkerDocument = [collection: string, doc: RecordDocument, work: number];

/**
 * What a document's steps cost, in record visits: each of its records is looked at on each of its
 * days. Estimated from its business days, which both axes mostly share.
 */
const stepWorkOf = (doc: RecordDocument): number => {
  const days = new Set<string>();
  let records = 0;
  for (const record of Object.values(doc.records)) {
    days.add(dayOf(record.at));
    records++;
  }
  for (const _ in doc.withdrawn ?? {}) records++;
  return records * Math.max(1, days.size);
};

/**
 * Work (see stepWorkOf) handed to the worker and not done yet, above which this thread computes
 * documents itself: about a second of the worker's time, so it never runs dry while this thread
 * is busy, and has little left to do when the folding ends. An idle worker takes any document.
 */
const WORKER_BACKLOG = 400_000;
/** A batch is sent when it holds this much work, or at once while the worker has less than that left. */
const BATCH_WORK = 40_000;

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
 * Index steps shared with a worker thread: a document goes to the worker while its backlog is
 * below WORKER_BACKLOG, and is otherwise computed here, so both cores are busy however the
 * folding and the steps compare, and copies of documents never pile up. The backlog is shared
 * memory, which the worker lowers as it goes: this thread reads it while it folds a page,
 * when no message could reach it. Each side sums its own rows; finishing adds the worker's to
 * this thread's. A worker that fails fails the next call, so a build does not fold on for nothing.
 */
export const sharedIndexSteps = (aggregation: Aggregation & { source: DefinitionSource }, target: number): IndexSteps => {
  const deltas = new IndexRowDeltas(aggregation.sumNames);
  const local = localIndexSteps(aggregation, target, deltas);
  const backlog = new SharedArrayBuffer(4);
  const worker = startWorker({ source: aggregation.source, target, backlog });
  const handedOver = new Int32Array(backlog);
  let failure: Error | undefined;
  let result: IndexWorkerResult | undefined;
  let wake: (() => void) | undefined;
  const woken = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    woken();
  };
  worker.on('message', (message: IndexWorkerResult) => {
    result = message;
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

  let batch: IndexWorkerDocument[] = [];
  let batchWork = 0;
  const send = () => {
    if (batch.length === 0) return;
    Atomics.add(handedOver, 0, batchWork);
    worker.postMessage(batch);
    batch = [];
    batchWork = 0;
  };
  return {
    add(collection, doc) {
      if (failure) throw failure;
      // Capped, so that one huge document cannot overflow the shared 32-bit backlog.
      const work = Math.min(stepWorkOf(doc), WORKER_BACKLOG);
      const left = Atomics.load(handedOver, 0);
      if (left + batchWork > 0 && left + batchWork + work > WORKER_BACKLOG) return local.add(collection, doc);
      batch.push([collection, doc, work]);
      batchWork += work;
      if (batchWork >= BATCH_WORK || left < BATCH_WORK) send();
    },
    async finish() {
      send();
      worker.postMessage(FINISH);
      await until(() => result !== undefined);
      // The worker's heap goes before its rows are added to this thread's.
      await worker.terminate();
      deltas.absorb(result!);
      result = undefined;
      return local.finish();
    },
    close: async () => void (await worker.terminate()),
  };
};
