import { parentPort, workerData } from 'node:worker_threads';
import { ReadModelDefinition, RecordDocument } from '@toc/domain';
import { FINISH, IndexWorkerData, IndexWorkerResult, localIndexSteps } from './index-steps';

/** The thread that computes its share of a bulk build's index steps (see sharedIndexSteps). */
const { source, target } = workerData as IndexWorkerData;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const definition = (require(source.module) as Record<string, (...args: unknown[]) => ReadModelDefinition>)[source.factory](...source.args);
const steps = localIndexSteps(definition.aggregation!, target);

parentPort!.on('message', async (message: [string, RecordDocument][] | typeof FINISH) => {
  if (message !== FINISH) {
    for (const [collection, doc] of message) steps.add(collection, doc);
    return;
  }
  const { months, totals } = await steps.finish();
  const result: IndexWorkerResult = { months: [...months], totals: [...totals] };
  parentPort!.postMessage(result);
});
