import { parentPort, workerData } from 'node:worker_threads';
import { ReadModelDefinition, RecordDocument } from '@toc/domain';
import { IndexRowDeltas } from './index-row-deltas';
import { FINISH, IndexWorkerData, IndexWorkerResult } from './index-steps';
import { addDocumentChange } from './document-steps';

/**
 * The thread that computes its share of a bulk build's index steps (see sharedIndexSteps). The
 * handler is synchronous, so anything it throws ends the thread and reaches the build as an error.
 */
const { source, target } = workerData as IndexWorkerData;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { aggregation } = (require(source.module) as Record<string, (...args: unknown[]) => ReadModelDefinition>)[source.factory](...source.args);
if (!aggregation) throw new Error(`${source.factory} in ${source.module} makes a read model without an aggregation`);
const deltas = new IndexRowDeltas(aggregation.sumNames);

parentPort!.on('message', (message: [string, RecordDocument][] | typeof FINISH) => {
  if (message === FINISH) {
    const result: IndexWorkerResult = { months: [...deltas.months()], totals: [...deltas.totals()] };
    parentPort!.postMessage(result);
    return;
  }
  for (const [collection, doc] of message) addDocumentChange(deltas, aggregation, collection, doc, 0, target);
  parentPort!.postMessage(1);
});
