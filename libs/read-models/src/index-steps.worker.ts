import { parentPort, workerData } from 'node:worker_threads';
import { ReadModelDefinition } from '@toc/domain';
import { IndexRowDeltas } from './index-row-deltas';
import { FINISH, IndexWorkerData, IndexWorkerDocument, IndexWorkerResult } from './index-steps';
import { addDocumentChange } from './document-steps';

/**
 * The thread that computes its share of a bulk build's index steps (see sharedIndexSteps). The
 * handler is synchronous, so anything it throws ends the thread and reaches the build as an error.
 */
const { source, target, backlog } = workerData as IndexWorkerData;
const handedOver = new Int32Array(backlog);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { aggregation } = (require(source.module) as Record<string, (...args: unknown[]) => ReadModelDefinition>)[source.factory](...source.args);
if (!aggregation) throw new Error(`${source.factory} in ${source.module} makes a read model without an aggregation`);
const deltas = new IndexRowDeltas(aggregation.sumNames);

parentPort!.on('message', (message: IndexWorkerDocument[] | typeof FINISH) => {
  if (message === FINISH) {
    const result: IndexWorkerResult = deltas.exported();
    // Moved, not copied: the tables and the sums are most of the worker's heap.
    const buffers = [result.sums.buffer, ...result.cells.flatMap((cell) => cell.axes.flatMap((axis) => (axis ? [axis.table.buffer] : [])))];
    parentPort!.postMessage(result, buffers as ArrayBuffer[]);
    return;
  }
  for (const [collection, doc, work] of message) {
    addDocumentChange(deltas, aggregation, collection, doc, 0, target);
    Atomics.sub(handedOver, 0, work);
  }
});
